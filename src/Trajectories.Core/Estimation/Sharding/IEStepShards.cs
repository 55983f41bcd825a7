namespace Trajectories.Core.Estimation.Sharding;

/// <summary>
/// The shards of a sharded fit, wherever they are held: in this process (<see cref="LocalShards"/>) or on the silos of
/// a cluster. Each answers E-step calls for its rows; <see cref="ShardedEStep"/> reduces the answers.
/// </summary>
public interface IEStepShards
{
    /// <summary>What the coordinator knows of each shard: its first row, row count and non-baseline cells.</summary>
    IReadOnlyList<ShardOutline> Shards { get; }

    /// <summary>Runs <paramref name="request"/> on shard <paramref name="shard"/>.</summary>
    Task<ShardStatistics> Run(int shard, ShardRequest request, CancellationToken cancellation = default);
}

/// <summary>What the coordinator keeps of a shard it has handed out.</summary>
/// <param name="FirstRow">The whole layout's index of its first row.</param>
/// <param name="RowCount">Its number of rows.</param>
/// <param name="GlobalCells">Its non-baseline cells' indices in the whole layout (<see cref="LayoutShard.GlobalCells"/>).</param>
public sealed record ShardOutline(int FirstRow, int RowCount, int[] GlobalCells)
{
    /// <summary>The outline of <paramref name="shard"/>.</summary>
    public static ShardOutline Of(LayoutShard shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        return new ShardOutline(shard.FirstRow, shard.RowCount, shard.GlobalCells);
    }
}
