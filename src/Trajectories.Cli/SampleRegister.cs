namespace Trajectories.Cli;

/// <summary>Finds the calibrated sample register shipped in <c>sample-registers/</c>, the default input of <c>analyze</c>.</summary>
public static class SampleRegister
{
    /// <summary>The sample register's folder name under <c>sample-registers/</c>.</summary>
    public const string Name = "study";

    /// <summary>
    /// The sample register: <c>sample-registers/study</c> under the working directory, else under the nearest folder
    /// above the executable that has one (so <c>dotnet run</c> from anywhere in a checkout finds it).
    /// </summary>
    public static string Locate()
    {
        var candidates = new List<string> { Path.Combine(Environment.CurrentDirectory, "sample-registers", Name) };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "sample-registers", Name));
        }

        return candidates.FirstOrDefault(Directory.Exists)
            ?? throw new UsageException($"no REGISTER given and the sample register (sample-registers/{Name}) was not found from {Environment.CurrentDirectory}; give a register folder.");
    }
}
