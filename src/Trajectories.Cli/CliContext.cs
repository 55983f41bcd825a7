namespace Trajectories.Cli;

/// <summary>Where a verb writes its messages, and how it reports progress; lets tests run verbs in-process.</summary>
/// <param name="Out">Standard output: results and tables.</param>
/// <param name="Error">Standard error: errors, warnings and progress.</param>
/// <param name="Interactive">True when progress bars may be drawn (a terminal, not CI or a test).</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, bool Interactive)
{
    /// <summary>Nowhere: for work that must not print (a cluster worker rebuilding a plan).</summary>
    public static CliContext Silent() => new(TextWriter.Null, TextWriter.Null, false);

    /// <summary>The process's own console.</summary>
    public static CliContext Console() => new(
        System.Console.Out,
        System.Console.Error,
        !System.Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null);
}
