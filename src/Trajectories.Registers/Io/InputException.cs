namespace Trajectories.Registers.Io;

/// <summary>
/// Bad input: names the file, the line (1-based, the header is line 1) and the column where it can, and what was
/// expected. The CLI maps it to exit code 2.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>
    /// The most characters of <see cref="Problem"/> shown: a message is one line, whatever a caller put into it.
    /// </summary>
    private const int MaxProblemLength = 600;

    /// <summary>Creates the error.</summary>
    public InputException(string file, long? line, string? column, string problem, Exception? inner = null)
        : base(Format(file, line, column, problem), inner)
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file (as the user named it) or table.</summary>
    public string File { get; }

    /// <summary>1-based line of the record in the file, when known.</summary>
    public long? Line { get; }

    /// <summary>Column name, when known.</summary>
    public string? Column { get; }

    /// <summary>What is wrong and what was expected.</summary>
    public string Problem { get; }

    // Every part may carry user data (a header name, a path): each is escaped so the message stays one line without
    // raw control characters, and cut so that no part can grow without bound.
    private static string Format(string file, long? line, string? column, string problem)
    {
        var where = MessageText.Escape(file);
        if (line is not null)
        {
            where += $", line {line}";
        }

        if (!string.IsNullOrEmpty(column))
        {
            where += $", column {MessageText.Quote(column)}";
        }

        return $"{where}: {MessageText.Shorten(problem, MaxProblemLength)}";
    }
}
