using Trajectories.Core.Estimation;
using Trajectories.Core.Results;

namespace Trajectories.Core.Inference;

/// <summary>
/// A simulation study of the estimator: many data sets drawn from a known truth (<see cref="StudyTruth"/>), the
/// planted model fitted to each, its groups aligned to the planted ones (<see cref="LabelAlignment"/>), and per planted
/// parameter the bias, the RMSE, the mean standard error against the spread of the estimates, and the coverage of the
/// 95 % Wald intervals; optionally the number of groups chosen by BIC over a range, as a frequency table.
/// </summary>
public static class EstimatorStudy
{
    /// <summary>The z of a two-sided 95 % Wald interval.</summary>
    private const double Z95 = 1.959963984540054;

    /// <summary>Runs the study.</summary>
    public static StudyResult Run(StudyTruth truth, StudyOptions? options = null, IProgress<ReplicateProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(truth);
        options ??= new StudyOptions();
        options.Validate();
        var plan = Plan(truth, options);
        var size = truth.Shares.Count + truth.Beta.Sum(b => b.Length);
        var runner = options.Runner ?? new LocalReplicates(options.Fit.EffectiveThreads);
        var outcomes = Replicates.RunAll(runner, plan, options.Replicates, r => Outcome.Decode(r, size), progress, cancellation);

        var used = outcomes.Where(o => o.Estimates is not null).ToList();
        var parameters = new List<StudyParameter>();
        var k = 0;
        foreach (var (name, group, power, value) in Planted(truth))
        {
            var estimates = used.Select(o => o.Estimates![k]).ToArray();
            var errors = used.Select(o => o.Errors![k]).Where(e => e is not null).Select(e => e!.Value).ToArray();
            var covered = used.Count(o => o.Errors![k] is { } se && Math.Abs(o.Estimates![k] - value) <= Z95 * se);
            var withSe = used.Count(o => o.Errors![k] is not null);
            var mean = estimates.Length == 0 ? double.NaN : estimates.Average();
            parameters.Add(new StudyParameter(
                name, group, power, value, mean, mean - value,
                estimates.Length == 0 ? double.NaN : Math.Sqrt(estimates.Average(e => (e - value) * (e - value))),
                errors.Length == 0 ? double.NaN : errors.Average(),
                estimates.Length < 2 ? double.NaN : Math.Sqrt(estimates.Sum(e => (e - mean) * (e - mean)) / (estimates.Length - 1)),
                withSe == 0 ? double.NaN : covered / (double)withSe,
                estimates.Length));
            k++;
        }

        var selected = new SortedDictionary<int, int>();
        foreach (var o in outcomes.Where(o => o.Selected is not null))
        {
            selected[o.Selected!.Value] = selected.GetValueOrDefault(o.Selected!.Value) + 1;
        }

        return new StudyResult
        {
            Model = truth.Model.Label,
            Replicates = outcomes.Length,
            Used = used.Count,
            Unmatched = outcomes.Count(o => o.Unmatched),
            Failed = outcomes.Count(o => o.Failed),
            NotConverged = used.Count(o => !o.Converged),
            Parameters = parameters,
            Selected = selected,
            Options = options,
        };
    }

    /// <summary>
    /// The study's data sets as a plan (<see cref="IReplicatePlan"/>): data set r's record is its aligned estimates and
    /// standard errors and its chosen K. What a cluster worker rebuilds to run its share of the data sets.
    /// </summary>
    public static IReplicatePlan Plan(StudyTruth truth, StudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(options);
        return new ReplicatePlan(r => Replicate(truth, options, r).Encode());
    }

    /// <summary>The planted parameters in the order of each replicate's estimates: shares, then each group's coefficients.</summary>
    private static IEnumerable<(StudyParameterKind Kind, int Group, int Power, double Value)> Planted(StudyTruth truth)
    {
        for (var g = 0; g < truth.Shares.Count; g++)
        {
            yield return (StudyParameterKind.Share, g + 1, 0, truth.Shares[g]);
        }

        for (var g = 0; g < truth.Beta.Count; g++)
        {
            for (var j = 0; j < truth.Beta[g].Length; j++)
            {
                yield return (StudyParameterKind.Coefficient, g + 1, j, truth.Beta[g][j]);
            }
        }
    }

    private static Outcome Replicate(StudyTruth truth, StudyOptions options, int index)
    {
        var seed = Replicates.Seed(options.Seed, index);
        var panel = truth.Draw(seed);
        var prepared = PreparedPanel.Prepare(panel, truth.Model.Family);
        var fitOptions = options.Fit with { Seed = seed, Threads = 1 };
        int? selected = null;
        TrajectoryFit fit;
        try
        {
            fit = TrajectoryEstimator.Fit(prepared, truth.Model, fitOptions);
            if (options.SelectGroups is { Count: > 0 } ks)
            {
                selected = Select(prepared, truth, ks, fitOptions, fit);
            }
        }
        catch (ModelSpecificationException)
        {
            return new Outcome(null, null, false, true, false, null);
        }

        var groups = truth.Shares.Count;
        var alignment = LabelAlignment.Align(truth.Profile, LabelAlignment.Profile(fit), groups);
        if (!alignment.Clear)
        {
            return new Outcome(null, null, true, false, fit.Converged, selected);
        }

        var of = new int[groups];
        for (var h = 0; h < groups; h++)
        {
            of[alignment.ReferenceOf[h]] = h;
        }

        var estimates = new List<double>();
        var errors = new List<double?>();
        for (var g = 0; g < groups; g++)
        {
            estimates.Add(fit.Groups[of[g]].Share);
            errors.Add(fit.Groups[of[g]].ShareSe);
        }

        for (var g = 0; g < groups; g++)
        {
            var group = fit.Groups[of[g]];
            if (group.Beta.Count != truth.Beta[g].Length)
            {
                return new Outcome(null, null, true, false, fit.Converged, selected);
            }

            estimates.AddRange(group.Beta);
            errors.AddRange(group.BetaSe);
        }

        return new Outcome(estimates.ToArray(), errors.ToArray(), false, false, fit.Converged, selected);
    }

    /// <summary>The K of the smallest BIC (persons) over the range, each model started also from the smaller ones' solutions.</summary>
    private static int? Select(PreparedPanel prepared, StudyTruth truth, IReadOnlyList<int> ks, FitOptions options, TrajectoryFit planted)
    {
        var fits = new List<TrajectoryFit>();
        foreach (var k in ks.Order())
        {
            var orders = Enumerable.Repeat(truth.Model.Orders.Max(), k).ToArray();
            var iorders = truth.Model.Family.Secondary is { Shape: Families.SecondaryShape.Polynomial } ? new[] { truth.Model.InflationOrders.Max() } : null;
            var spec = ModelSpecification.Of(truth.Model.Family, k, orders, iorders);
            try
            {
                fits.Add(Same(spec, truth.Model) ? planted : TrajectoryEstimator.Fit(prepared, spec, options, null, fits));
            }
            catch (ModelSpecificationException)
            {
                // A K the data cannot support is simply not a candidate.
            }
        }

        return fits.Count == 0 ? null : fits.MinBy(f => f.BicPersons)!.Groups.Count;
    }

    private static bool Same(ModelSpecification a, ModelSpecification b) =>
        a.Groups == b.Groups && a.Orders.SequenceEqual(b.Orders) && a.InflationOrders.SequenceEqual(b.InflationOrders);

    private sealed record Outcome(double[]? Estimates, double?[]? Errors, bool Unmatched, bool Failed, bool Converged, int? Selected)
    {
        /// <summary>[status (0 used, 1 unmatched, 2 failed), converged (0/1), chosen K (0 none), estimates…, standard errors… (NaN for none)].</summary>
        public double[] Encode() =>
            [Failed ? 2 : Unmatched ? 1 : 0, Converged ? 1 : 0, Selected ?? 0, .. Estimates ?? [], .. (Errors ?? []).Select(e => e ?? double.NaN)];

        public static Outcome Decode(double[] r, int size) => new(
            r[0] == 0 ? r[3..(3 + size)] : null,
            r[0] == 0 ? r[(3 + size)..].Select(e => double.IsNaN(e) ? (double?)null : e).ToArray() : null,
            r[0] == 1,
            r[0] == 2,
            r[1] == 1,
            r[2] == 0 ? null : (int)r[2]);
    }
}
