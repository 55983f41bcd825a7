namespace Trajectories.Cli;

/// <summary>Turns a message of unknown origin into text fit for one console line.</summary>
public static class OneLine
{
    /// <summary>Longest text kept; a longer message (e.g. one quoting a whole input line) is cut.</summary>
    public const int MaxLength = 200;

    /// <summary>The message with control characters (newlines included) as spaces, trimmed, at most <see cref="MaxLength"/> characters.</summary>
    public static string Of(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = new string([.. message.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        return line.Length <= MaxLength ? line : string.Concat(line.AsSpan(0, MaxLength), "…");
    }
}
