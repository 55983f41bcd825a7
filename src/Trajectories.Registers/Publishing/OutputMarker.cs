using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Trajectories.Registers.Publishing;

/// <summary>
/// The file <c>.trajectories-output</c> that marks a folder as written by this tool: a format line, then one line
/// per file written (SHA-256, size in bytes, path relative to the folder with '/'). A folder whose files are exactly
/// the listed ones, unchanged, may be replaced by the next run; any added, changed or missing file, an extra folder
/// or a link makes it the user's, and it is never deleted.
/// </summary>
public static class OutputMarker
{
    /// <summary>The marker's file name.</summary>
    public const string FileName = ".trajectories-output";

    /// <summary>The first line of the marker (format version 1).</summary>
    public const string Header = "trajectories-output 1";

    /// <summary>Lists every file under <paramref name="folder"/> in a new marker file there.</summary>
    public static void Write(string folder)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var file in Files(folder))
        {
            var full = Path.Combine(folder, file);
            text.Append(CultureInfo.InvariantCulture, $"{Hash(full)} {new FileInfo(full).Length} {file}\n");
        }

        File.WriteAllText(Path.Combine(folder, FileName), text.ToString(), new UTF8Encoding(false));
    }

    /// <summary>
    /// True when <paramref name="folder"/> carries a marker of a known format and holds exactly the files it lists,
    /// unchanged, and nothing else.
    /// </summary>
    public static bool IsUnchanged(string folder)
    {
        var listed = Read(folder);
        if (listed is null)
        {
            return false;
        }

        var present = Files(folder, out var foreign);
        if (foreign || present.Count != listed.Count)
        {
            return false;
        }

        foreach (var file in present)
        {
            var full = Path.Combine(folder, file);
            if (!listed.TryGetValue(file, out var entry) || new FileInfo(full).Length != entry.Size || Hash(full) != entry.Hash)
            {
                return false;
            }
        }

        // Every folder must hold a listed file: an empty folder the user made is theirs.
        var needed = present.Select(f => Path.GetDirectoryName(f.Replace('/', Path.DirectorySeparatorChar)) ?? string.Empty).ToHashSet();
        return Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(folder, d))
            .All(d => needed.Any(n => n == d || n.StartsWith(d + Path.DirectorySeparatorChar, StringComparison.Ordinal)));
    }

    /// <summary>True when <paramref name="folder"/> has a marker file (of any version).</summary>
    public static bool IsPresent(string folder) => File.Exists(Path.Combine(folder, FileName));

    private static Dictionary<string, (string Hash, long Size)>? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null)
        {
            return null;
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header)
        {
            return null;
        }

        var entries = new Dictionary<string, (string, long)>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var parts = line.Split(' ', 3);
            if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                return null;
            }

            entries[parts[2]] = (parts[0], size);
        }

        return entries;
    }

    private static List<string> Files(string folder) => Files(folder, out _);

    // Relative paths ('/'-separated) of the regular files below the folder, except the marker; links make it foreign.
    private static List<string> Files(string folder, out bool foreign)
    {
        foreign = false;
        var files = new List<string>();
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entry.LinkTarget is not null)
            {
                foreign = true;
                continue;
            }

            if (entry is FileInfo)
            {
                var relative = Path.GetRelativePath(folder, entry.FullName).Replace(Path.DirectorySeparatorChar, '/');
                if (relative != FileName)
                {
                    files.Add(relative);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
