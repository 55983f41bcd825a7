using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;
using Trajectories.Core.Results;

namespace Trajectories.Core.Inference;

/// <summary>
/// Cross-validation error of a fitted model, as crimCV defines it (Nielsen et al. 2014; <c>dmZIP(rcv = TRUE)</c>): the
/// model is refitted without the held-out persons, starting from the full-data solution; each held-out person's
/// outcomes are predicted by the groups' means at their exposure, weighted by the person's posterior membership under
/// the refitted model given their own series; the CVE is the mean absolute prediction error over the observed
/// person-times. Also reported: the mean squared error and −2 Σ log of the held-out persons' predictive likelihood
/// (crimCV's <c>cv</c>, <c>cv2</c> and <c>lcv</c>).
/// </summary>
/// <remarks>
/// Leave-one-out (<see cref="CrossValidationOptions.Folds"/> = 0) refits once per distinct series, not per person:
/// persons with identical data and covariates have identical leave-one-out fits and predictions, so each pattern's
/// error is counted once per person who has it. The result equals the person-by-person definition; crimCV refits
/// every person. Where crimCV averages over every cell of its wide matrix, this averages over observed person-times
/// (crimCV codes a missing year as a negative count and its mean still includes it; with complete data, as the
/// Toronto panels, the two agree).
/// </remarks>
public static class CrossValidation
{
    /// <summary>Cross-validates <paramref name="reference"/>, fitted to <paramref name="panel"/>.</summary>
    public static CrossValidationResult Run(
        CountPanel panel, TrajectoryFit reference, CrossValidationOptions? options = null,
        IProgress<ReplicateProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(reference);
        options ??= new CrossValidationOptions();
        options.Validate(panel.PersonCount);
        var folds = Folds(panel, options);
        var plan = Plan(panel, reference, options, folds);
        var runner = options.Runner ?? new LocalReplicates(options.Fit.EffectiveThreads);
        var parts = Replicates.RunAll(runner, plan, folds.Count, Part.Decode, progress, cancellation);

        // Summed in fold order, so the totals do not depend on scheduling.
        double absolute = 0, squared = 0, logLikelihood = 0, observations = 0, persons = 0;
        var failed = 0;
        var other = 0;
        var failedPersons = 0.0;
        foreach (var part in parts)
        {
            if (part.Failed)
            {
                failed++;
                failedPersons += part.Persons;
                continue;
            }

            other += part.OtherOptimum ? 1 : 0;
            absolute += part.Absolute;
            squared += part.Squared;
            logLikelihood += part.LogLikelihood;
            observations += part.Observations;
            persons += part.Persons;
        }

        return new CrossValidationResult
        {
            Model = reference.Model.Label,
            Folds = options.Folds == 0 ? panel.PersonCount : options.Folds,
            Refits = parts.Length,
            Failed = failed,
            OtherOptimum = other,
            PersonsLeftOut = (int)failedPersons,
            Persons = (int)persons,
            Observations = (int)observations,
            Cve = absolute / observations,
            Cve2 = squared / observations,
            Lcv = -2 * logLikelihood,
            Options = options,
        };
    }

    /// <summary>
    /// The cross-validation's folds as a plan (<see cref="IReplicatePlan"/>): fold r's record is its error sums. What a
    /// cluster worker rebuilds to run its share of the folds.
    /// </summary>
    public static IReplicatePlan Plan(CountPanel panel, TrajectoryFit reference, CrossValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(panel.PersonCount);
        return Plan(panel, reference, options, Folds(panel, options));
    }

    private static ReplicatePlan Plan(CountPanel panel, TrajectoryFit reference, CrossValidationOptions options, List<Holdout> folds) =>
        new(f => Fold(panel, reference, folds[f], options).Encode());

    /// <summary>
    /// The held-out sets: for leave-one-out one per distinct series (its first person stands for all, weighted by their
    /// number); for K folds a seeded random partition of the persons.
    /// </summary>
    private static List<Holdout> Folds(CountPanel panel, CrossValidationOptions options)
    {
        var n = panel.PersonCount;
        var folds = new List<Holdout>();
        if (options.Folds == 0)
        {
            var patterns = PatternPanel.Compress(panel);
            var first = new int[patterns.PatternCount];
            Array.Fill(first, -1);
            var weight = new int[patterns.PatternCount];
            for (var i = 0; i < n; i++)
            {
                var p = patterns.PersonPattern[i];
                if (first[p] < 0)
                {
                    first[p] = i;
                }

                weight[p]++;
            }

            var order = Enumerable.Range(0, patterns.PatternCount).OrderBy(p => first[p]).ToArray();
            folds.AddRange(order.Select(p => new Holdout([first[p]], weight[p])));
            return folds;
        }

        var random = new Random(options.Seed);
        var shuffled = Enumerable.Range(0, n).ToArray();
        random.Shuffle(shuffled);
        for (var f = 0; f < options.Folds; f++)
        {
            var members = shuffled.Where((_, k) => k % options.Folds == f).Order().ToArray();
            folds.Add(new Holdout(members, 1));
        }

        return folds;
    }

    private static Part Fold(CountPanel panel, TrajectoryFit reference, Holdout holdout, CrossValidationOptions options)
    {
        var held = new HashSet<int>(holdout.Persons);
        var training = Enumerable.Range(0, panel.PersonCount).Where(i => !held.Contains(i)).ToArray();
        var persons = holdout.Persons.Length * (double)holdout.Weight;
        TrajectoryFit fit;
        var other = false;
        try
        {
            var prepared = PreparedPanel.Prepare(PanelSample.Subset(panel, training), reference.Model.Family);
            var fitOptions = options.Fit with { Threads = 1, Seed = Replicates.Seed(options.Seed, holdout.Persons[0]) };
            fit = TrajectoryEstimator.Refit(prepared, reference, fitOptions);
            if (options.FullSearch)
            {
                var searched = TrajectoryEstimator.Fit(prepared, reference.Model, fitOptions);
                if (searched.LogLikelihood > fit.LogLikelihood + 1e-6)
                {
                    (fit, other) = (searched, true);
                }
            }
        }
        catch (ModelSpecificationException)
        {
            return new Part(0, 0, 0, 0, persons, true, false);
        }

        var model = new FittedModel(fit, panel);
        Span<double> posterior = stackalloc double[model.Groups];
        double absolute = 0, squared = 0, logLikelihood = 0, observations = 0;
        foreach (var i in holdout.Persons)
        {
            int from = panel.RowStart[i], to = panel.RowStart[i + 1];
            if (to == from)
            {
                continue;
            }

            logLikelihood += model.Posteriors(i, posterior);
            for (var obs = from; obs < to; obs++)
            {
                var predicted = 0.0;
                for (var g = 0; g < model.Groups; g++)
                {
                    predicted += posterior[g] * model.Mean(g, obs);
                }

                var error = panel.Values[obs] - predicted;
                absolute += Math.Abs(error);
                squared += error * error;
                observations++;
            }
        }

        var w = holdout.Weight;
        return new Part(w * absolute, w * squared, w * logLikelihood, w * observations, persons, false, other);
    }

    private sealed record Holdout(int[] Persons, int Weight);

    private sealed record Part(double Absolute, double Squared, double LogLikelihood, double Observations, double Persons, bool Failed, bool OtherOptimum)
    {
        public double[] Encode() => [Absolute, Squared, LogLikelihood, Observations, Persons, Failed ? 1 : 0, OtherOptimum ? 1 : 0];

        public static Part Decode(double[] r) => new(r[0], r[1], r[2], r[3], r[4], r[5] == 1, r[6] == 1);
    }
}
