using System.Globalization;

namespace Trajectories.Cli;

/// <summary>
/// The last resort for an exception no verb maps to an exit code (a defect): one line for the user, the details in a
/// log file, and <see cref="ExitCodes.InternalError"/>. A stack trace on the console helps
/// nobody who runs the tool and hides the one line that says what to report.
/// </summary>
public static class UnexpectedFailure
{
    /// <summary>Writes the log and the one-line message; returns the exit code.</summary>
    /// <param name="context">Where the message goes.</param>
    /// <param name="verb">The verb that failed, for the log file's name.</param>
    /// <param name="failure">The exception.</param>
    /// <param name="logFolder">Folder of the log file; the system temp folder when null.</param>
    public static int Report(CliContext context, string verb, Exception failure, string? logFolder = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(failure);

        var log = WriteLog(verb, failure, logFolder ?? Path.GetTempPath());
        var where = log is null ? "no log could be written" : $"details in {log}";
        context.Error.WriteLine($"error: unexpected failure ({failure.GetType().Name}): {OneLine.Of(failure.Message)}; {where}");
        return ExitCodes.InternalError;
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
