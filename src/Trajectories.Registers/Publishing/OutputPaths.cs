using System.Globalization;
using System.Text.RegularExpressions;

namespace Trajectories.Registers.Publishing;

/// <summary>
/// The names the tool uses beside an output folder NAME: the lock <c>.NAME.lock</c>, staging folders
/// <c>.NAME.partial-PID-GUID</c>, a replaced folder on its way out <c>.NAME.old-PID-GUID</c>, and the free
/// siblings <c>NAME-2</c>, <c>NAME-3</c>, … used when NAME holds the user's changes.
/// </summary>
public sealed partial record OutputPaths(string Parent, string Name)
{
    /// <summary>The output folder itself.</summary>
    public string Full => Path.Combine(Parent, Name);

    /// <summary>The lock file beside the folder.</summary>
    public string Lock => Path.Combine(Parent, $".{Name}.lock");

    /// <summary>Splits a full path into parent and name; null for a root.</summary>
    public static OutputPaths? Of(string fullPath)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(fullPath);
        var parent = Path.GetDirectoryName(trimmed);
        var name = Path.GetFileName(trimmed);
        return string.IsNullOrEmpty(parent) || string.IsNullOrEmpty(name) ? null : new OutputPaths(parent, name);
    }

    /// <summary>A new staging folder name owned by this process.</summary>
    public string NewStaging() => Path.Combine(Parent, $".{Name}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}");

    /// <summary>A new name for a replaced folder until it is deleted.</summary>
    public string NewOld() => Path.Combine(Parent, $".{Name}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");

    /// <summary>The sibling <c>NAME-n</c>.</summary>
    public OutputPaths Sibling(int n) => this with { Name = string.Create(CultureInfo.InvariantCulture, $"{Name}-{n}") };

    /// <summary>
    /// The tool's own leftovers beside this folder: staging (<see cref="LeftoverKind.Staging"/>) and replaced
    /// (<see cref="LeftoverKind.Old"/>) folders with the pid that made them (null for the pid-less staging names of
    /// earlier versions, <c>.NAME.partial-GUID</c>).
    /// </summary>
    public IEnumerable<(string Path, LeftoverKind Kind, int? Pid)> Leftovers()
    {
        if (!Directory.Exists(Parent))
        {
            yield break;
        }

        var prefix = $".{Name}.";
        foreach (var dir in Directory.EnumerateDirectories(Parent, prefix + "*"))
        {
            // The search pattern treats '*' and '?' in NAME as wildcards; only this NAME's own leftovers count.
            var name = System.IO.Path.GetFileName(dir);
            var match = LeftoverName().Match(name[Math.Min(prefix.Length, name.Length)..]);
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !match.Success)
            {
                continue;
            }

            var kind = match.Groups["kind"].Value == "partial" ? LeftoverKind.Staging : LeftoverKind.Old;
            int? pid = match.Groups["pid"].Success ? int.Parse(match.Groups["pid"].Value, CultureInfo.InvariantCulture) : null;
            if (kind == LeftoverKind.Old && pid is null)
            {
                continue;
            }

            yield return (dir, kind, pid);
        }
    }

    [GeneratedRegex("^(?<kind>partial|old)-(?:(?<pid>[0-9]{1,9})-)?[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex LeftoverName();
}

/// <summary>What a leftover folder beside an output folder is.</summary>
public enum LeftoverKind
{
    /// <summary>A staging folder of a run that did not finish.</summary>
    Staging,

    /// <summary>A replaced output folder that a run moved aside and did not get to delete.</summary>
    Old,
}
