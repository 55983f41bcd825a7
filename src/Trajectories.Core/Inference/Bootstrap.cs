using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;
using Trajectories.Core.Results;

namespace Trajectories.Core.Inference;

/// <summary>
/// The nonparametric (case-resampling) bootstrap of a fitted model: each sample draws the panel's persons with
/// replacement, refits the model (from the reference solution, and with <see cref="BootstrapOptions.FullSearch"/> also
/// by the full search), re-aligns its groups to the reference's (<see cref="LabelAlignment"/>), and contributes to
/// percentile intervals and standard errors of the shares, the trajectories and the coefficients. Samples whose groups
/// cannot be matched clearly are counted and left out, never guessed.
/// </summary>
public static class Bootstrap
{
    /// <summary>Bootstraps <paramref name="reference"/>, fitted to <paramref name="panel"/>.</summary>
    public static BootstrapResult Run(
        CountPanel panel, TrajectoryFit reference, BootstrapOptions? options = null,
        IProgress<ReplicateProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(reference);
        options ??= new BootstrapOptions();
        options.Validate();
        var layout = Layout(reference);
        var plan = Plan(panel, reference, options);
        var runner = options.Runner ?? new LocalReplicates(options.Fit.EffectiveThreads);
        var samples = Replicates.RunAll(runner, plan, options.Replicates, Sample.Decode, progress, cancellation);

        var used = samples.Where(s => s.Values is not null).ToList();
        var alpha = 1 - options.Level;
        var intervals = new List<BootstrapInterval>(layout.Count);
        var column = new double[used.Count];
        for (var k = 0; k < layout.Count; k++)
        {
            for (var s = 0; s < used.Count; s++)
            {
                column[s] = used[s].Values![k];
            }

            Array.Sort(column);
            var (quantity, group, index, estimate) = layout[k];
            intervals.Add(used.Count < 2
                ? new BootstrapInterval(quantity, group, index, estimate, double.NaN, double.NaN, double.NaN)
                : new BootstrapInterval(
                    quantity, group, index, estimate, StandardDeviation(column), Quantile(column, alpha / 2), Quantile(column, 1 - (alpha / 2))));
        }

        return new BootstrapResult
        {
            Model = reference.Model.Label,
            Replicates = samples.Length,
            Used = used.Count,
            Unmatched = samples.Count(s => s.Unmatched),
            Failed = samples.Count(s => s.Failed),
            OtherOptimum = used.Count(s => s.OtherOptimum),
            Intervals = intervals,
            Options = options,
        };
    }

    /// <summary>
    /// The bootstrap's samples as a plan (<see cref="IReplicatePlan"/>): sample r's record is its aligned values, or why
    /// it has none. What a cluster worker rebuilds to run its share of the samples.
    /// </summary>
    public static IReplicatePlan Plan(CountPanel panel, TrajectoryFit reference, BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(options);
        var profile = LabelAlignment.Profile(reference);
        return new ReplicatePlan(r => Replicate(panel, reference, profile, options, r).Encode());
    }

    /// <summary>The quantities bootstrapped, in the order of a sample's values, with the reference fit's values.</summary>
    private static List<(BootstrapQuantity Quantity, int Group, double Index, double Estimate)> Layout(TrajectoryFit fit) =>
        Quantities(fit, Enumerable.Range(0, fit.Groups.Count).ToArray()).ToList();

    /// <summary>
    /// Every bootstrapped quantity of reference group g (1-based in the result) read from group <paramref name="of"/>[g]
    /// of <paramref name="fit"/>: the shares, the trajectories at each time, the coefficients, the second predictor's
    /// coefficients. The one enumeration behind both the layout and each sample's values, so they cannot disagree.
    /// </summary>
    private static IEnumerable<(BootstrapQuantity Quantity, int Group, double Index, double Value)> Quantities(TrajectoryFit fit, int[] of)
    {
        var groups = of.Length;
        for (var g = 0; g < groups; g++)
        {
            yield return (BootstrapQuantity.Share, g + 1, 0, fit.Groups[of[g]].Share);
        }

        var times = fit.Trajectories.Count / groups;
        for (var g = 0; g < groups; g++)
        {
            for (var t = 0; t < times; t++)
            {
                var point = fit.Trajectories[(of[g] * times) + t];
                yield return (BootstrapQuantity.Trajectory, g + 1, point.Time, point.Predicted);
            }
        }

        for (var g = 0; g < groups; g++)
        {
            foreach (var (b, k) in fit.Groups[of[g]].Beta.Select((b, k) => (b, k)))
            {
                yield return (BootstrapQuantity.Coefficient, g + 1, k, b);
            }
        }

        for (var g = 0; g < groups; g++)
        {
            foreach (var (c, k) in Secondary(fit.Groups[of[g]]).Select((c, k) => (c, k)))
            {
                yield return (BootstrapQuantity.SecondaryCoefficient, g + 1, k, c);
            }
        }
    }

    private static IReadOnlyList<double> Secondary(GroupEstimate g) => g.Secondary?.Coefficients ?? [];

    private static Sample Replicate(
        CountPanel panel, TrajectoryFit reference, double[] profile, BootstrapOptions options, int index)
    {
        var seed = Replicates.Seed(options.Seed, index);
        var persons = PanelSample.Resample(panel.PersonCount, seed);
        var prepared = PreparedPanel.Prepare(PanelSample.Subset(panel, persons), reference.Model.Family);
        var fitOptions = options.Fit with { Seed = seed, Threads = 1 };
        TrajectoryFit fit;
        var other = false;
        try
        {
            fit = TrajectoryEstimator.Refit(prepared, reference, fitOptions);
            if (options.FullSearch)
            {
                var searched = TrajectoryEstimator.Fit(prepared, reference.Model, fitOptions);
                if (searched.LogLikelihood > fit.LogLikelihood + 1e-6)
                {
                    fit = searched;
                    other = true;
                }
            }
        }
        catch (ModelSpecificationException)
        {
            return new Sample(null, false, true, false);
        }

        var groups = reference.Groups.Count;
        var alignment = LabelAlignment.Align(profile, LabelAlignment.Profile(fit), groups);
        if (!alignment.Clear || !SameShapes(reference, fit, alignment))
        {
            return new Sample(null, true, false, other);
        }

        // Replicate group of each reference group.
        var of = new int[groups];
        for (var h = 0; h < groups; h++)
        {
            of[alignment.ReferenceOf[h]] = h;
        }

        var values = Quantities(fit, of).Select(q => q.Value).ToArray();
        return new Sample(values, false, false, other);
    }

    /// <summary>
    /// Whether each matched pair has the same orders: with per-group orders a replicate's canonical order can pair groups
    /// of different designs, whose coefficients are not the same quantities.
    /// </summary>
    private static bool SameShapes(TrajectoryFit reference, TrajectoryFit fit, Alignment alignment)
    {
        for (var h = 0; h < fit.Groups.Count; h++)
        {
            var g = reference.Groups[alignment.ReferenceOf[h]];
            if (fit.Groups[h].Beta.Count != g.Beta.Count || Secondary(fit.Groups[h]).Count != Secondary(g).Count)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The type-7 (linear interpolation) quantile of sorted values, as R's default (the percentile intervals' ends).</summary>
    public static double Quantile(double[] sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    private static double StandardDeviation(double[] values)
    {
        var mean = values.Average();
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += (v - mean) * (v - mean);
        }

        return Math.Sqrt(sum / (values.Length - 1));
    }

    private sealed record Sample(double[]? Values, bool Unmatched, bool Failed, bool OtherOptimum)
    {
        /// <summary>[status (0 used, 1 unmatched, 2 failed), other optimum (0/1), values…].</summary>
        public double[] Encode() => [Failed ? 2 : Unmatched ? 1 : 0, OtherOptimum ? 1 : 0, .. Values ?? []];

        public static Sample Decode(double[] record) =>
            new(record[0] == 0 ? record[2..] : null, record[0] == 1, record[0] == 2, record[1] == 1);
    }
}
