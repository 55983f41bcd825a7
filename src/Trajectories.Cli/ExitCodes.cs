namespace Trajectories.Cli;

/// <summary>Process exit codes (INTERFACES.md §2).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>The model could not be fitted; the message says why.</summary>
    public const int FitFailed = 1;

    /// <summary>Bad input or arguments; the message names file, line and column where it can.</summary>
    public const int BadInput = 2;

    /// <summary>An unexpected failure (a defect): one line on the console, the details in a log file (EX_SOFTWARE of sysexits.h).</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted by the user.</summary>
    public const int Cancelled = 130;
}
