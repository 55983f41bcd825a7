using System.CommandLine;
using Trajectories.Cli.Verbs;
using Trajectories.Registers.Io;
using Trajectories.Registers.Publishing;

namespace Trajectories.Cli;

/// <summary>The <c>trajectories</c> command line: verbs, argument errors and the exit-code contract.</summary>
public static class CliApp
{
    /// <summary>Parses <paramref name="args"/>, runs the verb and returns the exit code.</summary>
    public static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand(
            "Trajectories: group-based trajectory models (Poisson, zero-inflated Poisson) of yearly case counts, " +
            "calibrated synthetic registers, and the offender-profile study with matched controls. "
            + "Exit codes: 0 success, 1 the model could not be fitted, 2 bad input or arguments, 70 an unexpected failure (one line; the details in a log file in the temp folder).");
        foreach (var verb in Verbs())
        {
            root.Subcommands.Add(verb.Build(context));
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // One line, as every other error: the messages, then where the usage is.
            var command = parsed.CommandResult.Command;
            var help = command == root ? "trajectories --help" : $"trajectories {command.Name} --help";
            var messages = string.Join("; ", parsed.Errors.Select(e => OneLine.Of(e.Message).TrimEnd('.')));
            context.Error.WriteLine($"error: {messages} (see '{help}').");
            return ExitCodes.BadInput;
        }

        // System.CommandLine's own handler would print the stack trace; ours prints one line and logs the rest.
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            // The verbs' using blocks have disposed their outputs while this unwound; this removes any a defect skipped,
            // before the message says the run failed. (Process-wide, so it is here and not in the handler's unit tests.)
            StagedOutput.AbandonAll();
            return UnexpectedFailure.Report(context, parsed.CommandResult.Command.Name, e);
        }
    }

    /// <summary>
    /// Runs a verb body and maps failures to the exit-code contract: bad input → 2 with the message naming file,
    /// line and column; a model that cannot be fitted → 1. Anything else is a defect and is rethrown, to
    /// <see cref="Run"/>'s <see cref="UnexpectedFailure"/> (exit 70, one line, a log file).
    /// </summary>
    public static int Guard(CliContext context, Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (InputException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (PublishException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (WriteFault(e, out var message))
        {
            // A full disk or a permission problem while writing results; the staging folder is gone by now.
            context.Error.WriteLine($"error: {message}");
            return ExitCodes.BadInput;
        }
        catch (UsageException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (FitFailedException e)
        {
            context.Error.WriteLine($"error: the model could not be fitted: {e.Message}");
            return ExitCodes.FitFailed;
        }
        catch (Trajectories.Cluster.ClusterException e)
        {
            context.Error.WriteLine($"error: cluster: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("cancelled; nothing was written.");
            return ExitCodes.Cancelled;
        }
    }

    // Runs as an exception filter, before the output folder is disposed, so it can still name that folder.
    private static bool WriteFault(Exception e, out string message)
    {
        var isFault = e is IOException or UnauthorizedAccessException
            && FileSystemErrors.Classify(e) is PublishFailure.NoSpace or PublishFailure.AccessDenied or PublishFailure.CannotRename;
        message = isFault ? FileSystemErrors.Wrap(e, StagedOutput.CurrentTarget ?? "the output folder", "cannot write the results").Message : string.Empty;
        return isFault;
    }

    private static IEnumerable<IVerb> Verbs()
    {
        yield return new AnalyzeVerb();
        yield return new FitVerb();
        yield return new SelectVerb();
        yield return new SimulateVerb();
        yield return new BlrtVerb();
        yield return new BootstrapVerb();
        yield return new CveVerb();
        yield return new StudyVerb();
        yield return new WorkerVerb();
    }
}

/// <summary>An argument combination that parses but makes no sense (exit 2).</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>The model could not be fitted (exit 1).</summary>
public sealed class FitFailedException(string message, Exception? inner = null) : Exception(message, inner);
