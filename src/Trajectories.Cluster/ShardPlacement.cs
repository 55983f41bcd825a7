using System.Globalization;
using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace Trajectories.Cluster;

/// <summary>
/// Placement of shards: shard k of a run (key <c>RUN/k</c>) goes to the k-th of the live silos in address order,
/// so a run's shards spread evenly over the workers instead of where a random draw puts them. After a worker dies the
/// shards it held are placed again over the survivors.
/// </summary>
[GenerateSerializer]
[Alias("Trajectories.Cluster.ShardPlacement")]
[Immutable]
public sealed class ShardPlacement : PlacementStrategy;

/// <summary>Puts a grain under <see cref="ShardPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ShardPlacementAttribute() : PlacementAttribute(new ShardPlacement());

/// <summary>Chooses the silo of a shard (<see cref="ShardPlacement"/>).</summary>
public sealed class ShardPlacementDirector : IPlacementDirector
{
    /// <inheritdoc />
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        return Task.FromResult(silos[ShardNumber(target.GrainIdentity.Key.ToString()) % silos.Length]);
    }

    /// <summary>The shard number at the end of a key <c>RUN/k</c> (0 for a key without one).</summary>
    public static int ShardNumber(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.LastIndexOf('/');
        return slash >= 0 && int.TryParse(key.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : 0;
    }
}
