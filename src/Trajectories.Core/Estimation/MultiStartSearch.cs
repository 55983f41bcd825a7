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
/// a rule of the program: each round tries <see cref="FitOptions.Starts"/> starting values (k-means++ partitions,
/// equal- and random-size random partitions, perturbations of the best run; <see cref="StartPlan"/>, every parameter
/// block set by <see cref="StartValues"/>), gives each a short EM run, and runs the best of them — one per
/// independent origin — to convergence (EM, then Newton). Rounds are added until the best log-likelihood has been
/// reached by <see cref="FitOptions.Replications"/> independent starts or <see cref="FitOptions.EffectiveMaxStarts"/>
/// starts have been tried. Warm starts (nested models) are then run to convergence too. A run whose likelihood or
/// parameters become non-finite is discarded with its reason and never wins.
/// </summary>
internal static class MultiStartSearch
{
    private sealed record Candidate(RunState Run, int Root, string Origin);

    public static SearchResult Run(
        MixtureLikelihood model, PatternPanel panel, FitOptions options, double persons, IProgress<FitProgress>? progress,
        IReadOnlyList<WarmStart>? warmStarts = null)
    {
        var groups = model.Spec.Groups;

        // One group without zero inflation: the log-likelihood is that of a Poisson GLM, concave, so one start finds
        // its only maximum and replication means nothing.
        var concave = groups == 1 && model.Parameters.InflationOrders.All(o => o < 0);
        var perRound = concave ? 1 : Math.Max(1, options.Starts);
        var budget = concave ? 1 : Math.Max(perRound, options.EffectiveMaxStarts);
        var required = concave ? 1 : Math.Max(1, options.Replications);
        var plan = StartPlan.For(perRound);
        var features = StartGenerator.Features(panel);
        var baseRate = StartValues.BaseLogRate(panel);
        var converged = new List<Candidate>();
        var discarded = new Dictionary<DiscardReason, int>();
        var runToConvergence = 0;
        (double LogLikelihood, int Round)? bestSince = null;
        var started = 0;
        var rounds = 0;
        while (true)
        {
            rounds++;
            var shortRuns = new List<Candidate>();
            for (var s = 0; s < plan.Fresh; s++)
            {
                var index = started + s;
                var rng = StartGenerator.ForStart(options.Seed, index);
                var kind = plan.KindOf(s);
                var post = kind switch
                {
                    StartKind.KMeans => StartGenerator.KMeansPlusPlus(features, panel.Weights, groups, rng),
                    StartKind.RandomShares => StartGenerator.RandomSharesPartition(panel.PatternCount, groups, rng),
                    _ => StartGenerator.RandomPartition(panel.PatternCount, groups, rng),
                };
                var psi = StartValues.FromPartition(model, post, baseRate, rng);
                Shorten(model, options, new Candidate(new RunState(psi, double.NaN, 0, StopReason.MaxIterations, false), index, $"{Describe(kind)} (start {index + 1})"), shortRuns, discarded);
                progress?.Report(new FitProgress(Phase("start", rounds), s + 1, perRound));
            }

            started += plan.Fresh;
            ConvergeBest(model, options, persons, shortRuns, Math.Max(1, options.Finalists), converged, discarded, ref runToConvergence, progress, Phase("finalist", rounds));

            // Local moves from the best solution so far: split-and-merge (K ≥ 3), else perturbations.
            var incumbent = Best(converged);
            if (incumbent is not null && plan.Local > 0)
            {
                var local = new List<Candidate>();
                var moves = SplitMerge.Moves(model, incumbent.Run.Psi, features, plan.Local);
                for (var m = 0; m < plan.Local; m++)
                {
                    var index = started + m;
                    var candidate = m < moves.Count
                        ? new Candidate(Unstarted(moves[m]), incumbent.Root, $"split-and-merge of the best run (start {index + 1})")
                        : new Candidate(Unstarted(Perturb(incumbent.Run.Psi, StartGenerator.ForStart(options.Seed, index))), incumbent.Root, $"perturbation of the best run (start {index + 1})");
                    Shorten(model, options, candidate, local, discarded);
                }

                started += plan.Local;
                ConvergeBest(model, options, persons, local, Math.Max(1, (options.Finalists + 1) / 2), converged, discarded, ref runToConvergence, progress, Phase("local move", rounds));
            }

            var best = Best(converged);
            if (best is not null && (bestSince is null || !SameOptimum(best.Run.LogLikelihood, bestSince.Value.LogLikelihood)))
            {
                bestSince = (best.Run.LogLikelihood, rounds);
            }

            // Stop once the best is replicated — and, where the runs to convergence have found more than one optimum
            // (a rugged likelihood, where replication among the best short runs is weak evidence), once a whole round
            // has passed without improving it.
            var replicated = best is not null && Independent(converged, best.Run.LogLikelihood) >= required;
            var settled = bestSince is { } b && (Optima(converged) == 1 || rounds > b.Round);
            if ((replicated && settled) || started + perRound > budget)
            {
                break;
            }
        }

        var warm = warmStarts ?? [];
        for (var w = 0; w < warm.Count; w++)
        {
            var start = EmRunner.Em(model, warm[w].Psi.ToArray(), 0, options.EmHandoverTolerance);
            var run = Invalid(start) ? start : Converge(model, start, options, persons);
            runToConvergence++;
            Keep(new Candidate(run, -1 - w, warm[w].Origin), converged, discarded);
            progress?.Report(new FitProgress("nested models", w + 1, warm.Count));
        }

        return Summarize(converged, discarded, started, rounds, runToConvergence, required);
    }

    private static string Phase(string what, int round) => round == 1 ? what : $"{what}, round {round}";

    private static RunState Unstarted(double[] psi) => new(psi, double.NaN, 0, StopReason.MaxIterations, false);

    /// <summary>The short EM run of a start; kept as a candidate finalist unless it failed numerically.</summary>
    private static void Shorten(MixtureLikelihood model, FitOptions options, Candidate start, List<Candidate> runs, Dictionary<DiscardReason, int> discarded)
    {
        var run = EmRunner.Em(model, start.Run.Psi, options.ShortIterations, options.EmHandoverTolerance);
        if (Invalid(run))
        {
            Count(discarded, DiscardReason.NumericalFailure);
        }
        else
        {
            runs.Add(start with { Run = run });
        }
    }

    /// <summary>Runs the best short run of each of the best <paramref name="count"/> origins to convergence.</summary>
    private static void ConvergeBest(
        MixtureLikelihood model, FitOptions options, double persons, List<Candidate> shortRuns, int count, List<Candidate> converged,
        Dictionary<DiscardReason, int> discarded, ref int runToConvergence, IProgress<FitProgress>? progress, string phase)
    {
        // One finalist per independent origin (its best short run), the best origins first; ties by start order.
        var finalists = shortRuns
            .GroupBy(c => c.Root)
            .Select(g => g.OrderByDescending(c => c.Run.LogLikelihood).First())
            .OrderByDescending(c => c.Run.LogLikelihood)
            .Take(count)
            .ToList();
        for (var f = 0; f < finalists.Count; f++)
        {
            var run = Converge(model, finalists[f].Run, options, persons);
            runToConvergence++;
            Keep(finalists[f] with { Run = run }, converged, discarded);
            progress?.Report(new FitProgress(phase, f + 1, finalists.Count));
        }
    }

    /// <summary>Two runs reached the same optimum when their log-likelihoods agree to 1e-4 + 1e-9·|ℓ|.</summary>
    public static bool SameOptimum(double a, double b) => Math.Abs(a - b) <= 1e-4 + (1e-9 * Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>
    /// A finalist run to convergence: EM to the hand-over tolerance, then Newton. Should Newton not converge from there
    /// (a flat or non-concave region still far from the optimum), EM continues from Newton's point to the tighter
    /// fallback tolerance and Newton polishes again; the better of the two is kept.
    /// </summary>
    private static RunState Converge(MixtureLikelihood model, RunState start, FitOptions options, double persons)
    {
        var psi = start.Psi.ToArray();
        var em = EmRunner.Em(model, psi, options.MaxIterations, options.EmHandoverTolerance);
        if (Invalid(em))
        {
            return em;
        }

        var first = EmRunner.Newton(model, psi, start.Iterations + em.Iterations, options, persons);
        if (first.Converged || Invalid(first))
        {
            return first;
        }

        var again = first.Psi.ToArray();
        var more = EmRunner.Em(model, again, options.MaxIterations, options.EmFallbackTolerance);
        if (Invalid(more))
        {
            return first;
        }

        var second = EmRunner.Newton(model, again, first.Iterations + more.Iterations, options, persons);
        return !Invalid(second) && (second.Converged || second.LogLikelihood >= first.LogLikelihood) ? second : first;
    }

    /// <summary>Adds a run to convergence to the candidates, or counts it as discarded.</summary>
    private static void Keep(Candidate c, List<Candidate> converged, Dictionary<DiscardReason, int> discarded)
    {
        if (Invalid(c.Run))
        {
            Count(discarded, DiscardReason.NumericalFailure);
        }
        else
        {
            converged.Add(c);
        }
    }

    /// <summary>
    /// A run that left the range of doubles. Runs with extreme but finite rates are kept: the E-step evaluates them
    /// exactly (<see cref="GroupTables.PrefixExact"/>), so their log-likelihood is the model's true value and may win
    /// only by being higher; a winner whose rates explode where its group has persons is flagged degenerate.
    /// </summary>
    private static bool Invalid(RunState run) =>
        !double.IsFinite(run.LogLikelihood) || run.Psi.Any(v => !double.IsFinite(v));

    private static Candidate? Best(List<Candidate> runs)
    {
        Candidate? best = null;
        foreach (var c in runs)
        {
            // Strictly greater: ties keep the earlier run, so the choice does not depend on anything but the order.
            if (best is null || c.Run.LogLikelihood > best.Run.LogLikelihood)
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>The number of distinct optima among the runs.</summary>
    private static int Optima(List<Candidate> runs)
    {
        var values = runs.Select(c => c.Run.LogLikelihood).OrderByDescending(v => v).ToList();
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

    private static int Independent(List<Candidate> runs, double ll) =>
        runs.Where(c => SameOptimum(c.Run.LogLikelihood, ll)).Select(c => c.Root).Distinct().Count();

    private static SearchResult Summarize(
        List<Candidate> converged, Dictionary<DiscardReason, int> discarded, int starts, int rounds, int runToConvergence, int required)
    {
        var discards = discarded.OrderBy(d => d.Key).Select(d => new DiscardedStarts(d.Key, d.Value)).ToList();
        var best = Best(converged);
        if (best is null)
        {
            // Every run was discarded: there is no valid optimum to report.
            var failed = new RunState([], double.NaN, 0, StopReason.NumericalFailure, false);
            return new SearchResult(failed, new SearchSummary(starts, rounds, runToConvergence, 0, 0, required, [], discards, "none"));
        }

        var optima = new List<LocalOptimum>();
        var remaining = converged.OrderByDescending(c => c.Run.LogLikelihood).ToList();
        while (remaining.Count > 0 && optima.Count < SearchSummary.MaxOptimaListed)
        {
            var top = remaining[0].Run.LogLikelihood;
            var same = remaining.Where(c => SameOptimum(c.Run.LogLikelihood, top)).ToList();
            optima.Add(new LocalOptimum(top, same.Count, same.Select(c => c.Root).Distinct().Count()));
            remaining = remaining.Except(same).ToList();
        }

        var atBest = converged.Count(c => SameOptimum(c.Run.LogLikelihood, best.Run.LogLikelihood));
        var summary = new SearchSummary(
            starts, rounds, runToConvergence, atBest,
            Independent(converged, best.Run.LogLikelihood), required, optima, discards, best.Origin);
        return new SearchResult(best.Run, summary);
    }

    private static void Count(Dictionary<DiscardReason, int> counts, DiscardReason reason) =>
        counts[reason] = counts.GetValueOrDefault(reason) + 1;

    private static string Describe(StartKind kind) => kind switch
    {
        StartKind.KMeans => "k-means++ partition",
        StartKind.RandomPartition => "random partition",
        StartKind.RandomShares => "random partition with random shares",
        _ => "perturbation of the best run",
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
}
