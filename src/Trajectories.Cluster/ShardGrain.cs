using Trajectories.Core.Estimation.Sharding;
using Trajectories.Registers.Shards;

namespace Trajectories.Cluster;

/// <summary>
/// Holds one shard on this silo (<see cref="IShardGrain"/>): its files are read on the first call and kept for the
/// activation's life, and each call runs on this worker's threads, off Orleans' scheduler (the E-step is CPU-bound).
/// </summary>
[ShardPlacement]
public sealed class ShardGrain(WorkerGate gate) : Grain, IShardGrain
{
    private EStepShard? _shard;
    private string? _folder;

    /// <inheritdoc />
    public async Task<ShardAnswer> Run(ShardCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (_shard is null || _folder != call.Folder)
        {
            try
            {
                var data = await Task.Run(() => LayoutShardFiles.Read(call.Folder));
                _shard = new EStepShard(data, gate.Threads);
                _folder = call.Folder;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                return new ShardAnswer { LoadFailure = $"worker {RuntimeIdentity}: {e.Message}" };
            }
        }

        var shard = _shard;
        var request = call.Request();
        return ShardAnswer.Of(await Task.Run(() => shard.Run(request)));
    }

    /// <inheritdoc />
    public Task Release()
    {
        _shard = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
