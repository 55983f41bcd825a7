namespace Trajectories.Core.Families;

/// <summary>The families by the names used on the command line and in results.</summary>
public static class FamilyCatalog
{
    /// <summary>All families, by name.</summary>
    public static IReadOnlyList<ITrajectoryFamily> All { get; } = [PoissonFamily.Instance, ZipFamily.Instance];

    /// <summary>The family called <paramref name="name"/> (case-insensitive), or null when there is none.</summary>
    public static ITrajectoryFamily? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
