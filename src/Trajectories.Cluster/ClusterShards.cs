using Trajectories.Core.Estimation.Sharding;
using Trajectories.Registers.Shards;

namespace Trajectories.Cluster;

/// <summary>
/// The shards of a sharded fit on a cluster (<see cref="IEStepShards"/>): written as files into a folder every worker
/// reads at the same path, one grain per shard (<see cref="IShardGrain"/>) loading its own. A call whose worker died or
/// failed is sent again to the same key, which Orleans places anew on a live worker that reloads the shard; its answer
/// cannot differ, so neither can the fit. The folder is deleted with this object.
/// </summary>
public sealed class ClusterShards : IEStepShards, IDisposable
{
    /// <summary>Attempts per call before the fit fails.</summary>
    public const int Attempts = 20;

    private readonly IClusterClient _client;
    private readonly string _run = Guid.NewGuid().ToString("N");
    private readonly string _folder;
    private readonly string[] _folders;
    private int _retries;

    private ClusterShards(IClusterClient client, string folder, IReadOnlyList<LayoutShard> shards)
    {
        _client = client;
        _folder = folder;
        _folders = Enumerable.Range(0, shards.Count).Select(k => Path.Combine(folder, "shard-" + k.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        Shards = shards.Select(ShardOutline.Of).ToArray();
    }

    /// <inheritdoc />
    public IReadOnlyList<ShardOutline> Shards { get; }

    /// <summary>Calls re-sent after a failure so far.</summary>
    public int Retries => _retries;

    /// <summary>The folder holding the shards' files.</summary>
    public string Folder => _folder;

    /// <summary>
    /// Writes <paramref name="shards"/> into a new folder under <paramref name="parent"/> (absolute, so every worker
    /// finds it) and returns the shards on <paramref name="connection"/>'s cluster.
    /// </summary>
    public static ClusterShards Create(ClusterConnection connection, IReadOnlyList<LayoutShard> shards, string parent)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(parent);
        var folder = Path.Combine(Path.GetFullPath(parent), "trajectories-shards-" + Guid.NewGuid().ToString("N"));
        var result = new ClusterShards(connection.Client, folder, shards);
        try
        {
            for (var k = 0; k < shards.Count; k++)
            {
                LayoutShardFiles.Write(result._folders[k], shards[k]);
            }
        }
        catch
        {
            result.Dispose();
            throw;
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<ShardStatistics> Run(int shard, ShardRequest request, CancellationToken cancellation = default)
    {
        var call = ShardCall.For(_folders[shard], request);
        var grain = _client.GetGrain<IShardGrain>($"{_run}/{shard}");
        string? last = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (attempt > 0)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 250 * attempt)), cancellation);
            }

            try
            {
                var answer = await grain.Run(call);
                if (answer.LoadFailure is { } failure)
                {
                    throw new ClusterException($"shard {shard}: {failure}");
                }

                return answer.ToStatistics();
            }
            catch (Exception e) when (e is not OperationCanceledException and not ClusterException)
            {
                last = e.Message;
            }
        }

        throw new ClusterException($"shard {shard} failed on {Attempts} attempts; the last: {last}");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The workers drop their shards now rather than when Orleans collects idle activations (minutes later). Best
        // effort: a worker that is gone holds nothing, and the run's results are written already.
        try
        {
            var releases = Enumerable.Range(0, Shards.Count).Select(k => _client.GetGrain<IShardGrain>($"{_run}/{k}").Release());
            Task.WhenAll(releases).Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
