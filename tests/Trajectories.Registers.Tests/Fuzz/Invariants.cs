using Trajectories.Core.Panels;
using Trajectories.Registers.Io;

namespace Trajectories.Registers.Tests.Fuzz;

/// <summary>
/// What must hold whatever the input (issue 13): reading succeeds or fails with an <see cref="InputException"/>
/// whose message is one short line; what is read holds no NaN or infinity; nothing is written beside the input.
/// </summary>
internal static class Invariants
{
    /// <summary>Runs <paramref name="read"/> on the input in <paramref name="folder"/>; null when every invariant holds, else why not.</summary>
    public static string? Check(string folder, Func<IEnumerable<CountPanel>> read)
    {
        var before = Listing(folder);
        string? broken;
        try
        {
            broken = read().Select(Finite).FirstOrDefault(p => p is not null);
        }
        catch (InputException e)
        {
            broken = OneLine(e.Message);
        }
        catch (Exception e)
        {
            broken = $"{e.GetType().Name}: {e.Message}";
        }

        var after = Listing(folder);
        return broken ?? (before.SequenceEqual(after) ? null : $"the folder changed: [{string.Join(", ", before)}] → [{string.Join(", ", after)}]");
    }

    private static string? OneLine(string message)
    {
        if (message.Any(char.IsControl))
        {
            return $"a control character in the message: {message[..Math.Min(200, message.Length)].ReplaceLineEndings("⏎")}";
        }

        // File path, line, column (40 characters) and a problem cut at 600 characters.
        return message.Length > 1000 ? $"a message of {message.Length} characters: {message[..300]}" : null;
    }

    private static string? Finite(CountPanel panel)
    {
        if (panel.Values.Any(v => !double.IsFinite(v)))
        {
            return "a count that is not finite";
        }

        if (panel.Times.Any(t => !double.IsFinite(t)))
        {
            return "a time that is not finite";
        }

        return panel.Exposure is { } e && e.Any(x => !float.IsFinite(x) || x < 0)
            ? "an exposure that is not finite or negative"
            : null;
    }

    private static List<string> Listing(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Select(p => $"{Path.GetRelativePath(folder, p)}:{(File.Exists(p) ? new FileInfo(p).Length : -1)}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
