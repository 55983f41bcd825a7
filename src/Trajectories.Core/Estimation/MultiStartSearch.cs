using Trajectories.Core.Families;
using Trajectories.Core.Panels;
using Trajectories.Core.Results;

namespace Trajectories.Core.Estimation;

/// <summary>A starting value given from outside the search (e.g. a nested model's solution embedded in this model).</summary>
/// <param name="Psi">The starting parameter vector.</param>
/// <param name="Origin">Where it comes from, in words.</param>
internal sealed record WarmStart(double[] Psi, string Origin);

/// <summary>The outcome of a multi-start search: the best valid run and the summary of the whole search.</summary>
internal sealed record SearchResult(RunState Best, SearchSummary Summary);

/// <summary>
/// Deterministic multi-start global search in rounds, with the replication rule of careful Mplus and lcmm users made
/// a rule of the program. Each round tries <see cref="FitOptions.Starts"/> starting values: fresh ones (k-means++
/// partitions, equal- and random-size random partitions; every parameter block set by <see cref="StartValues"/>)
/// whose best short EM runs — one per start — are run to convergence (EM, then Newton), then local moves from the
/// best solution so far (split-and-merge, new inflation shapes, perturbations; <see cref="StartPlan"/>) whose best
/// are run to convergence too. Rounds are added until the best log-likelihood has been reached by
/// <see cref="FitOptions.Replications"/> independent starts — and, where the runs have found more than one optimum,
/// a whole round has passed without improving it — or <see cref="FitOptions.EffectiveMaxStarts"/> starts have been
/// tried. Warm starts (nested models' solutions) are run to convergence too. A run whose likelihood or parameters
/// become non-finite is discarded with its reason and never wins.
/// </summary>
internal sealed class MultiStartSearch
{
    /// <summary>
    /// Local moves run to convergence per round: the best one. Two cost 18 % more time over the Toronto sweep (48 models
    /// × 3 seeds) and reached no optimum one did not.
    /// </summary>
    private const int LocalFinalists = 1;

    private readonly MixtureLikelihood _model;
    private readonly FitOptions _options;
    private readonly double _persons;
    private readonly IProgress<FitProgress>? _progress;
    private readonly List<Candidate> _converged = [];
    private readonly Dictionary<DiscardReason, int> _discarded = [];
    private int _runToConvergence;
    private int _warm;

    private MultiStartSearch(MixtureLikelihood model, FitOptions options, double persons, IProgress<FitProgress>? progress, int required)
    {
        _model = model;
        _options = options;
        _persons = persons;
        _progress = progress;
        Required = required;
    }

    /// <summary>Independent starts the best must be reached by.</summary>
    public int Required { get; }

    /// <summary>Starting values tried in the rounds.</summary>
    public int Starts { get; private set; }

    /// <summary>Rounds run.</summary>
    public int Rounds { get; private set; }

    /// <summary>Whether the runs to convergence have found more than one optimum.</summary>
    public bool Rugged => Optima() > 1;

    /// <summary>Runs the rounds of the search on <paramref name="panel"/>.</summary>
    public static MultiStartSearch Run(MixtureLikelihood model, PatternPanel panel, FitOptions options, double persons, IProgress<FitProgress>? progress)
    {
        var groups = model.Spec.Groups;

        // One group without a second predictor: the log-likelihood is that of a Poisson or logistic GLM, concave, so
        // one start finds its only maximum and replication means nothing.
        var concave = groups == 1 && model.Parameters.SecondaryOrders.All(o => o < 0);
        var search = new MultiStartSearch(model, options, persons, progress, concave ? 1 : Math.Max(1, options.Replications));
        var perRound = concave ? 1 : Math.Max(1, options.Starts);
        var budget = concave ? 1 : Math.Max(perRound, options.EffectiveMaxStarts);
        var plan = StartPlan.For(perRound);
        var features = StartGenerator.Features(panel, model.Spec.Family.Outcome);
        var data = StartValues.Summary(panel);
        (double LogLikelihood, int Round)? bestSince = null;
        while (true)
        {
            search.Rounds++;
            search.FreshRound(panel, plan, features, data, perRound);
            search.LocalRound(plan, features);
            var best = search.Best();
            if (best is not null && (bestSince is null || !SameOptimum(best.Run.LogLikelihood, bestSince.Value.LogLikelihood)))
            {
                bestSince = (best.Run.LogLikelihood, search.Rounds);
            }

            // Stop once the best is replicated — and, where the runs to convergence have found more than one optimum
            // (a rugged likelihood, where replication among the best short runs is weak evidence), once a whole round
            // has passed without improving it.
            var replicated = best is not null && search.Independent(best.Run.LogLikelihood) >= search.Required;
            var settled = bestSince is { } b && (!search.Rugged || search.Rounds > b.Round);
            if ((replicated && settled) || search.Starts + perRound > budget)
            {
                return search;
            }
        }
    }

    /// <summary>A search without rounds, for runs from given starts only (<see cref="Warm"/>); its best needs no replication.</summary>
    public static MultiStartSearch WarmOnly(MixtureLikelihood model, FitOptions options, double persons, IProgress<FitProgress>? progress) =>
        new(model, options, persons, progress, 1);

    /// <summary>Two runs reached the same optimum when their log-likelihoods agree to 1e-4 + 1e-9·|ℓ|.</summary>
    public static bool SameOptimum(double a, double b) => Math.Abs(a - b) <= 1e-4 + (1e-9 * Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>Runs each warm start to convergence and adds it to the candidates, as an independent start of its own.</summary>
    public void Warm(IReadOnlyList<WarmStart> starts, string phase)
    {
        for (var w = 0; w < starts.Count; w++)
        {
            var start = EmRunner.Em(_model, starts[w].Psi.ToArray(), 0, _options.EmHandoverTolerance);
            var run = Invalid(start) ? start : Converge(start);
            _runToConvergence++;
            Keep(new Candidate(run, -1 - _warm++, starts[w].Origin));
            _progress?.Report(new FitProgress(phase, w + 1, starts.Count));
        }
    }

    /// <summary>The best valid run and the summary of everything the search did.</summary>
    public SearchResult Result()
    {
        var discards = _discarded.OrderBy(d => d.Key).Select(d => new DiscardedStarts(d.Key, d.Value)).ToList();
        var best = Best();
        if (best is null)
        {
            // Every run was discarded: there is no valid optimum to report.
            var failed = new RunState([], double.NaN, 0, StopReason.NumericalFailure, false);
            return new SearchResult(failed, new SearchSummary(Starts, Rounds, _runToConvergence, 0, 0, Required, [], discards, "none"));
        }

        var optima = new List<LocalOptimum>();
        var remaining = _converged.OrderByDescending(c => c.Run.LogLikelihood).ToList();
        while (remaining.Count > 0 && optima.Count < SearchSummary.MaxOptimaListed)
        {
            var top = remaining[0].Run.LogLikelihood;
            var same = remaining.Where(c => SameOptimum(c.Run.LogLikelihood, top)).ToList();
            optima.Add(new LocalOptimum(top, same.Count, same.Select(c => c.Root).Distinct().Count()));
            remaining = remaining.Except(same).ToList();
        }

        var atBest = _converged.Count(c => SameOptimum(c.Run.LogLikelihood, best.Run.LogLikelihood));
        var summary = new SearchSummary(
            Starts, Rounds, _runToConvergence, atBest, Independent(best.Run.LogLikelihood), Required, optima, discards, best.Origin);
        return new SearchResult(best.Run, summary);
    }

    /// <summary>Fresh starts from partitions; the best short run of each of the best <see cref="FitOptions.Finalists"/> is run to convergence.</summary>
    private void FreshRound(PatternPanel panel, StartPlan plan, double[] features, OutcomeSummary data, int perRound)
    {
        var groups = _model.Spec.Groups;
        var shortRuns = new List<Candidate>();
        for (var s = 0; s < plan.Fresh; s++)
        {
            var index = Starts + s;
            var rng = StartGenerator.ForStart(_options.Seed, index);
            var kind = plan.KindOf(s);
            var post = kind switch
            {
                StartKind.KMeans => StartGenerator.KMeansPlusPlus(features, panel.Weights, groups, rng),
                StartKind.RandomShares => StartGenerator.RandomSharesPartition(panel.PatternCount, groups, rng),
                _ => StartGenerator.RandomPartition(panel.PatternCount, groups, rng),
            };
            var psi = StartValues.FromPartition(_model, post, data, rng);
            Shorten(new Candidate(Unstarted(psi), index, $"{Describe(kind)} (start {index + 1})"), shortRuns);
            _progress?.Report(new FitProgress(Phase("start"), s + 1, perRound));
        }

        Starts += plan.Fresh;
        ConvergeBest(shortRuns, Math.Max(1, _options.Finalists), Phase("finalist"));
    }

    /// <summary>
    /// Local moves from the best solution so far: split-and-merge (K ≥ 3) and new inflation shapes (zero-inflated
    /// groups) in turn, perturbations where neither applies. They share the best run's origin (they are not
    /// independent of it); the best of them is run to convergence (<see cref="LocalFinalists"/>).
    /// </summary>
    private void LocalRound(StartPlan plan, double[] features)
    {
        var incumbent = Best();
        if (incumbent is null || plan.Local == 0)
        {
            return;
        }

        var local = new List<Candidate>();
        var merges = new Queue<double[]>(SplitMerge.Moves(_model, incumbent.Run.Psi, features, plan.Local));
        for (var m = 0; m < plan.Local; m++)
        {
            var index = Starts + m;
            var rng = StartGenerator.ForStart(_options.Seed, index);
            var inflation = m % 2 == 1 || merges.Count == 0 ? StartValues.InflationMove(_model, incumbent.Run.Psi, m / 2, rng) : null;
            var (psi, what) = inflation is not null ? (inflation, "new inflation shape")
                : merges.Count > 0 ? (merges.Dequeue(), "split-and-merge")
                : (Perturb(incumbent.Run.Psi, rng), "perturbation");
            Shorten(new Candidate(Unstarted(psi), incumbent.Root, $"{what} of the best run (start {index + 1})"), local);
        }

        Starts += plan.Local;
        ConvergeBest(local, LocalFinalists, Phase("local move"), onePerOrigin: false);
    }

    private string Phase(string what) => Rounds <= 1 ? what : $"{what}, round {Rounds}";

    /// <summary>The short EM run of a start; kept as a candidate finalist unless it failed numerically.</summary>
    private void Shorten(Candidate start, List<Candidate> runs)
    {
        var run = EmRunner.Em(_model, start.Run.Psi, _options.ShortIterations, _options.EmHandoverTolerance);
        if (Invalid(run))
        {
            Count(DiscardReason.NumericalFailure);
        }
        else
        {
            runs.Add(start with { Run = run });
        }
    }

    /// <summary>
    /// Runs the best <paramref name="count"/> short runs to convergence: with <paramref name="onePerOrigin"/> only the
    /// best of each origin (fresh starts), otherwise the best moves whatever their origin (local moves all share the
    /// best run's). Ties by start order.
    /// </summary>
    private void ConvergeBest(List<Candidate> shortRuns, int count, string phase, bool onePerOrigin = true)
    {
        var finalists = (onePerOrigin
                ? shortRuns.GroupBy(c => c.Root).Select(g => g.OrderByDescending(c => c.Run.LogLikelihood).First())
                : shortRuns)
            .OrderByDescending(c => c.Run.LogLikelihood)
            .Take(count)
            .ToList();
        for (var f = 0; f < finalists.Count; f++)
        {
            var run = Converge(finalists[f].Run);
            _runToConvergence++;
            Keep(finalists[f] with { Run = run });
            _progress?.Report(new FitProgress(phase, f + 1, finalists.Count));
        }
    }

    /// <summary>
    /// A run to convergence: EM to the hand-over tolerance, then Newton. Should Newton not converge from there (a flat
    /// or non-concave region still far from the optimum), EM continues from Newton's point to the tighter fallback
    /// tolerance and Newton polishes again; the better of the two is kept.
    /// </summary>
    private RunState Converge(RunState start)
    {
        var psi = start.Psi.ToArray();
        var em = EmRunner.Em(_model, psi, _options.MaxIterations, _options.EmHandoverTolerance);
        if (Invalid(em))
        {
            return em;
        }

        var first = EmRunner.Newton(_model, psi, start.Iterations + em.Iterations, _options, _persons);
        if (first.Converged || Invalid(first))
        {
            return first;
        }

        var again = first.Psi.ToArray();
        var more = EmRunner.Em(_model, again, _options.MaxIterations, _options.EmFallbackTolerance);
        if (Invalid(more))
        {
            return first;
        }

        var second = EmRunner.Newton(_model, again, first.Iterations + more.Iterations, _options, _persons);
        return !Invalid(second) && (second.Converged || second.LogLikelihood >= first.LogLikelihood) ? second : first;
    }

    /// <summary>Adds a run to convergence to the candidates, or counts it as discarded.</summary>
    private void Keep(Candidate c)
    {
        if (Invalid(c.Run))
        {
            Count(DiscardReason.NumericalFailure);
        }
        else
        {
            _converged.Add(c);
        }
    }

    /// <summary>
    /// A run that left the range of doubles. Runs with extreme but finite rates are kept: the E-step evaluates them
    /// exactly (<see cref="EStepTables.PrefixExact"/>), so their log-likelihood is the model's true value and may win
    /// only by being higher; a winner whose rates explode where its group has persons is flagged degenerate.
    /// </summary>
    private static bool Invalid(RunState run) =>
        !double.IsFinite(run.LogLikelihood) || run.Psi.Any(v => !double.IsFinite(v));

    private Candidate? Best()
    {
        Candidate? best = null;
        foreach (var c in _converged)
        {
            // Strictly greater: ties keep the earlier run, so the choice does not depend on anything but the order.
            if (best is null || c.Run.LogLikelihood > best.Run.LogLikelihood)
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>The number of distinct optima among the runs to convergence.</summary>
    private int Optima()
    {
        var values = _converged.Select(c => c.Run.LogLikelihood).OrderByDescending(v => v).ToList();
        var count = 0;
        for (var k = 0; k < values.Count; k++)
        {
            if (k == 0 || !SameOptimum(values[k], values[k - 1]))
            {
                count++;
            }
        }

        return count;
    }

    private int Independent(double ll) =>
        _converged.Where(c => SameOptimum(c.Run.LogLikelihood, ll)).Select(c => c.Root).Distinct().Count();

    private void Count(DiscardReason reason) => _discarded[reason] = _discarded.GetValueOrDefault(reason) + 1;

    private static RunState Unstarted(double[] psi) => new(psi, double.NaN, 0, StopReason.MaxIterations, false);

    private static string Describe(StartKind kind) => kind switch
    {
        StartKind.KMeans => "k-means++ partition",
        StartKind.RandomShares => "random partition with random shares",
        _ => "random partition",
    };

    private static double[] Perturb(double[] psi, Random rng)
    {
        var x = psi.ToArray();
        for (var k = 0; k < x.Length; k++)
        {
            // Normal with sd 0.5 on the coefficient scale (log rate, logit).
            x[k] += 0.5 * StartGenerator.Normal(rng);
        }

        return x;
    }

    /// <summary>One run and where it started; runs with the same root are not independent of each other.</summary>
    private sealed record Candidate(RunState Run, int Root, string Origin);
}
