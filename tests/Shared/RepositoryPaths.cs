namespace Trajectories.Testing;

/// <summary>
/// Where test data lives: the repository root (the folder holding Trajectories.sln, found by walking up from the
/// test binaries) and the shared peer data beside it (CI clones the repository with <c>shared/</c> next to it).
/// Linked into every test project, so each keeps no copy of its own.
/// </summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The Toronto peer data folder, <c>ROOT/../shared/peer-data/toronto</c>.</summary>
    public static string TorontoFolder => Path.GetFullPath(Path.Combine(Root, "..", "shared", "peer-data", "toronto"));

    /// <summary>A file of the Toronto peer data.</summary>
    public static string Toronto(string file) => Path.Combine(TorontoFolder, file);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Trajectories.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Trajectories.sln not found above " + AppContext.BaseDirectory);
    }
}
