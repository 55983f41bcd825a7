using Trajectories.Core.Estimation;
using Trajectories.Core.Inference;

namespace Trajectories.Cli;

/// <summary>Shows replicated work (bootstrap samples, folds) on the console's progress bar (<see cref="ConsoleProgress"/>).</summary>
internal static class ReplicateProgressBar
{
    /// <summary>Runs <paramref name="work"/> with its replicates counted under <paramref name="title"/>.</summary>
    public static T Run<T>(CliContext context, string title, Func<IProgress<ReplicateProgress>?, T> work) =>
        ConsoleProgress.Run(context, title, progress => work(progress is null ? null : new Adapter(progress, title)));

    private sealed class Adapter(IProgress<FitProgress> inner, string title) : IProgress<ReplicateProgress>
    {
        public void Report(ReplicateProgress value) => inner.Report(new FitProgress(title, value.Done, value.Total));
    }
}
