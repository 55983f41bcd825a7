namespace Trajectories.Core.Estimation.Sharding;

/// <summary>
/// Shards held in this process: the reference a cluster's shards are tested against, and a way to check that
/// sharding changes no bit of a fit without starting a cluster.
/// </summary>
public sealed class LocalShards : IEStepShards
{
    private readonly EStepShard[] _shards;

    /// <summary>Holds <paramref name="shards"/>, each computing on <paramref name="threads"/> threads.</summary>
    public LocalShards(IReadOnlyList<LayoutShard> shards, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(shards);
        _shards = shards.Select(s => new EStepShard(s, threads)).ToArray();
        Shards = shards.Select(ShardOutline.Of).ToArray();
    }

    /// <inheritdoc/>
    public IReadOnlyList<ShardOutline> Shards { get; }

    /// <inheritdoc/>
    public Task<ShardStatistics> Run(int shard, ShardRequest request, CancellationToken cancellation = default) =>
        Task.Run(() => _shards[shard].Run(request), cancellation);
}
