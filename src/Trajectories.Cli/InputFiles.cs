namespace Trajectories.Cli;

/// <summary>Checks of the file paths given to options, made before anything is read or written.</summary>
public static class InputFiles
{
    /// <summary>Refuses a path that is a folder where a file is expected; null (not given) passes.</summary>
    /// <exception cref="UsageException">The path is a folder: reading it would fail with "access denied".</exception>
    public static void NotAFolder(string option, string? path)
    {
        if (path is not null && Directory.Exists(path))
        {
            throw new UsageException($"{option}: {path} is a folder; expected a CSV file.");
        }
    }

    /// <summary>Refuses an empty or blank --out (no folder can be made of it).</summary>
    /// <exception cref="UsageException">The path is empty or white space only.</exception>
    public static string OutputPath(string option, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.IsNullOrWhiteSpace(path) ? throw new UsageException($"{option}: an empty path is not a folder; give a folder name.") : path;
    }
}
