using System.Globalization;
using Trajectories.Registers.Publishing;

namespace Trajectories.Cli;

/// <summary>
/// The last resort for an exception no verb maps to an exit code (a defect): one line for the user, the details in a
/// log file, unfinished outputs removed, and <see cref="ExitCodes.InternalError"/>. A stack trace on the console helps
/// nobody who runs the tool and hides the one line that says what to report.
/// </summary>
public static class UnexpectedFailure
{
    /// <summary>Longest part of the exception's message shown on the console (the log has it whole).</summary>
    private const int MessageLength = 200;

    /// <summary>Cleans up, writes the log and the one-line message; returns the exit code.</summary>
    /// <param name="context">Where the message goes.</param>
    /// <param name="verb">The verb that failed, for the log file's name.</param>
    /// <param name="failure">The exception.</param>
    /// <param name="logFolder">Folder of the log file; the system temp folder when null.</param>
    public static int Report(CliContext context, string verb, Exception failure, string? logFolder = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(failure);

        // Verbs dispose their output folders while the exception unwinds; this catches any a defect left behind.
        StagedOutput.AbandonAll();
        var log = WriteLog(verb, failure, logFolder ?? Path.GetTempPath());
        var where = log is null ? "no log could be written" : $"details in {log}";
        context.Error.WriteLine($"error: unexpected failure ({failure.GetType().Name}): {Shorten(failure.Message)}; {where}");
        return ExitCodes.InternalError;
    }

    /// <summary>The message on one line, control characters replaced, at most <see cref="MessageLength"/> characters.</summary>
    public static string Shorten(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = new string([.. message.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        return line.Length <= MessageLength ? line : string.Concat(line.AsSpan(0, MessageLength), "…");
    }

    private static string? WriteLog(string verb, Exception failure, string folder)
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var path = Path.Combine(folder, $"trajectories-{verb}-{stamp}-{Environment.ProcessId}.log");
        try
        {
            File.WriteAllText(path, $"trajectories {verb} failed at {stamp}{Environment.NewLine}{failure}{Environment.NewLine}");
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The message still reaches the user; a log that cannot be written must not replace it with a second failure.
            return null;
        }
    }
}
