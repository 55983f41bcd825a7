using Spectre.Console;
using Trajectories.Core.Estimation;

namespace Trajectories.Cli;

/// <summary>
/// Progress of long work on standard error: a live bar with the count of steps and the time left on an interactive
/// terminal, nothing otherwise (redirected output, CI logs and pipes stay clean).
/// </summary>
public static class ConsoleProgress
{
    /// <summary>Runs <paramref name="work"/>, showing its progress when the context is interactive.</summary>
    public static T Run<T>(CliContext context, string title, Func<IProgress<FitProgress>?, T> work)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        if (!context.Interactive)
        {
            return work(null);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: 1);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var progress = new Progress(task, new ProgressClock(() => clock.Elapsed));
                result = work(progress);
                task.Value = task.MaxValue;
            });
        return result;
    }

    private sealed class Progress(ProgressTask task, ProgressClock clock) : IProgress<FitProgress>
    {
        private readonly Lock _gate = new();

        // A selection reports from the worker threads of its models at once.
        public void Report(FitProgress value)
        {
            lock (_gate)
            {
                task.Description = Markup.Escape(clock.Describe(value));
                task.MaxValue = Math.Max(1, value.Total);
                task.Value = Math.Min(value.Completed, task.MaxValue);
            }
        }
    }
}
