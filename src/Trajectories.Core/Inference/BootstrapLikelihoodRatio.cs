using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;
using Trajectories.Core.Results;

namespace Trajectories.Core.Inference;

/// <summary>
/// The parametric bootstrap likelihood-ratio test of a model against one with more groups (McLachlan 1987; Mplus
/// TECH14, stepmix's <c>blrt</c>): the likelihood ratio's null distribution is not χ² (the smaller model lies on the
/// boundary of the larger), so it is drawn by simulation. Each replicate draws a panel from the smaller model's fit on
/// the data's own design (<see cref="ParametricDraw"/>), fits both models to it by the same global search as the data
/// (the smaller model also from its generating values, the larger also from the smaller's solution, so its
/// log-likelihood is never below it), and records their ratio. The number of replicates adapts to the p-value
/// (<see cref="BlrtOptions"/>).
/// </summary>
public static class BootstrapLikelihoodRatio
{
    /// <summary>Tests <paramref name="smaller"/> against <paramref name="larger"/>, both fitted to <paramref name="panel"/>.</summary>
    /// <exception cref="ArgumentException">The models are not of one family, or the larger has no more groups.</exception>
    public static BlrtResult Test(
        CountPanel panel, TrajectoryFit smaller, TrajectoryFit larger, BlrtOptions? options = null,
        IProgress<ReplicateProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(smaller);
        ArgumentNullException.ThrowIfNull(larger);
        options ??= new BlrtOptions();
        options.Validate();
        if (!smaller.Model.Family.Equals(larger.Model.Family) || larger.Model.Groups <= smaller.Model.Groups)
        {
            throw new ArgumentException($"the BLRT compares a model with a larger one of the same family; got {smaller.Model.Label} against {larger.Model.Label}.");
        }

        var observed = 2 * (larger.LogLikelihood - smaller.LogLikelihood);
        var plan = Plan(panel, smaller, larger, options);
        var runner = options.Runner ?? new LocalReplicates(options.Fit.EffectiveThreads);
        var statistics = new List<double>();
        var failed = 0;
        BlrtStop? stop = null;

        // Ask for as many whole batches as the runner can run at once (one batch on local threads, up to five on a
        // cluster, which then computes a few replicates past the stop), then apply the stopping rule batch by batch in
        // index order, dropping replicates past the stop: the replicates used, and so the result, are those of a
        // batch-at-a-time run.
        var ahead = Math.Clamp(runner.Width / options.Batch, 1, 5) * options.Batch;
        var records = new List<double[]>();
        while (stop is null)
        {
            var asked = records.Count;
            records.AddRange(runner.Run(plan, asked, Math.Min(ahead, options.MaxReplicates - asked), cancellation));
            for (var batchEnd = NextBoundary(statistics.Count + failed, options); stop is null && batchEnd <= records.Count; batchEnd = NextBoundary(batchEnd, options))
            {
                for (var r = statistics.Count + failed; r < batchEnd; r++)
                {
                    // A replicate's record is its ratio, or empty when a model could not be fitted to it.
                    if (records[r].Length == 1)
                    {
                        statistics.Add(records[r][0]);
                    }
                    else
                    {
                        failed++;
                    }
                }

                progress?.Report(new ReplicateProgress(batchEnd, options.MaxReplicates));
                stop = Stopping(statistics, failed, observed, options);
            }
        }

        return BlrtResult.From(smaller, larger, observed, statistics, failed, stop.Value, options);
    }

    /// <summary>The end of the batch after <paramref name="done"/> replicates (the last may be short, at the maximum).</summary>
    private static int NextBoundary(int done, BlrtOptions options) => Math.Min(done + options.Batch, options.MaxReplicates);

    /// <summary>
    /// The test's replicates as a plan (<see cref="IReplicatePlan"/>): replicate r's record is its likelihood ratio, or
    /// empty when a model could not be fitted to it. What a cluster worker rebuilds to run its share of the replicates.
    /// </summary>
    public static IReplicatePlan Plan(CountPanel panel, TrajectoryFit smaller, TrajectoryFit larger, BlrtOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var generator = new FittedModel(smaller, panel);
        return new ReplicatePlan(r => Replicate(generator, smaller, larger.Model, options, r) is { } lr ? [lr] : []);
    }

    /// <summary>The likelihood ratio of replicate <paramref name="index"/>, or null when a model could not be fitted to it.</summary>
    private static double? Replicate(FittedModel generator, TrajectoryFit smaller, ModelSpecification larger, BlrtOptions options, int index)
    {
        var seed = Replicates.Seed(options.Seed, index);
        var (panel, _) = ParametricDraw.Draw(generator, seed);
        var prepared = PreparedPanel.Prepare(panel, smaller.Model.Family);
        var fitOptions = options.Fit with { Seed = seed, Threads = 1 };
        try
        {
            var null0 = TrajectoryEstimator.Fit(prepared, smaller.Model, fitOptions);
            var warm = TrajectoryEstimator.Refit(prepared, smaller, fitOptions);
            var best = warm.LogLikelihood > null0.LogLikelihood ? warm : null0;
            var alternative = TrajectoryEstimator.Fit(prepared, larger, fitOptions, nested: [best]);
            return Math.Max(0.0, 2 * (alternative.LogLikelihood - best.LogLikelihood));
        }
        catch (ModelSpecificationException)
        {
            return null;
        }
    }

    /// <summary>Whether to stop after the replicates so far, and by which rule; checked only at batch ends, so it does not depend on scheduling.</summary>
    private static BlrtStop? Stopping(List<double> statistics, int failed, double observed, BlrtOptions options)
    {
        var n = statistics.Count;
        var done = n + failed;
        if (n >= options.MinReplicates)
        {
            var exceed = statistics.Count(s => s >= observed);
            var (lower, upper) = BlrtResult.Wilson(exceed, n, options.DecisionConfidence);
            if (upper < options.Alpha || lower > options.Alpha)
            {
                return BlrtStop.Decision;
            }

            if (BlrtResult.StandardError(exceed, n) <= options.Precision)
            {
                return BlrtStop.Precision;
            }
        }

        return done >= options.MaxReplicates ? BlrtStop.Limit : null;
    }
}
