using Trajectories.Core.Estimation;
using Trajectories.Core.Estimation.Sharding;
using Trajectories.Core.Membership;

namespace Trajectories.Cluster;

/// <summary>
/// Cuts each layout a sharded fit meets into shards on a cluster (<see cref="ShardedEStep(Func{CellLayout, IMembershipModel, IEStepShards})"/>):
/// <see cref="Open"/> writes a layout's shards under a folder every worker reads and hands out their grains. Disposing
/// deletes every shard's files.
/// </summary>
/// <param name="connection">The cluster.</param>
/// <param name="shards">Shards per layout (fewer when the layout has fewer chunks).</param>
/// <param name="folder">Where the shards' files go, at the same path on every worker.</param>
public sealed class ClusterShardSource(ClusterConnection connection, int shards, string folder) : IDisposable
{
    private readonly List<ClusterShards> _open = [];

    /// <summary>Calls re-sent after a failure, over all layouts.</summary>
    public int Retries
    {
        get
        {
            lock (_open)
            {
                return _open.Sum(s => s.Retries);
            }
        }
    }

    /// <summary>The largest number of shards a layout was cut into.</summary>
    public int MostShards
    {
        get
        {
            lock (_open)
            {
                return _open.Count == 0 ? 0 : _open.Max(s => s.Shards.Count);
            }
        }
    }

    /// <summary>Cuts <paramref name="layout"/> into shards with <paramref name="membership"/>'s covariates and hands them out.</summary>
    public IEStepShards Open(CellLayout layout, IMembershipModel membership)
    {
        var set = ClusterShards.Create(connection, LayoutShard.Split(layout, membership, shards), folder);
        lock (_open)
        {
            _open.Add(set);
        }

        return set;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_open)
        {
            foreach (var set in _open)
            {
                set.Dispose();
            }

            _open.Clear();
        }
    }
}
