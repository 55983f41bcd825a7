using Trajectories.Core.Panels;

namespace Trajectories.Core.Estimation;

/// <summary>The outcome of a multi-start search.</summary>
internal sealed record SearchResult(RunState Best, int Starts, int Finalists, int FinalistsAtBest);

/// <summary>
/// Deterministic multi-start global search: k-means++ partitions of person summaries, random partitions, and
/// perturbations of the best short run (<see cref="StartPlan"/>). Every start gets a short EM run; the best
/// <see cref="FitOptions.Finalists"/> are run to convergence (EM, then Newton) and the highest log-likelihood wins.
/// </summary>
internal static class MultiStartSearch
{
    public static SearchResult Run(MixtureLikelihood model, PatternPanel panel, FitOptions options, double persons, IProgress<FitProgress>? progress)
    {
        var groups = model.Spec.Groups;
        var starts = groups == 1 ? 1 : Math.Max(1, options.Starts);
        var plan = StartPlan.For(starts);
        var features = StartGenerator.Features(panel);
        var baseRate = BaseLogRate(panel);
        var runs = new List<RunState>();
        for (var s = 0; s < starts; s++)
        {
            var rng = StartGenerator.ForStart(options.Seed, s);
            var kind = plan.KindOf(s);
            double[] psi;
            if (kind != StartKind.Perturbation || runs.Count == 0)
            {
                var post = kind == StartKind.KMeans
                    ? StartGenerator.KMeansPlusPlus(features, panel.Weights, groups, rng)
                    : StartGenerator.RandomPartition(panel.PatternCount, groups, rng);
                psi = FromPartition(model, post, baseRate);
            }
            else
            {
                psi = Perturb(runs.MaxBy(r => r.LogLikelihood)!.Psi, rng);
            }

            runs.Add(EmRunner.Em(model, psi, options.ShortIterations, options.EmHandoverTolerance));
            progress?.Report(new FitProgress("start", s + 1, starts));
        }

        // Order by LL, ties by start index (OrderByDescending is stable), so the choice is reproducible.
        var finalists = runs.Where(r => double.IsFinite(r.LogLikelihood))
            .OrderByDescending(r => r.LogLikelihood)
            .Take(Math.Max(1, options.Finalists))
            .ToList();
        if (finalists.Count == 0)
        {
            return new SearchResult(runs[0], starts, 0, 0);
        }

        var done = new List<RunState>();
        foreach (var f in finalists)
        {
            done.Add(Converge(model, f, options, persons));
            progress?.Report(new FitProgress("finalist", done.Count, finalists.Count));
        }

        var best = done.Where(r => double.IsFinite(r.LogLikelihood)).DefaultIfEmpty(done[0]).MaxBy(r => r.LogLikelihood)!;
        var atBest = done.Count(r => Math.Abs(r.LogLikelihood - best.LogLikelihood) <= 1e-7 * Math.Max(1.0, Math.Abs(best.LogLikelihood)));
        return new SearchResult(best, starts, done.Count, atBest);
    }

    /// <summary>
    /// A finalist run to convergence: EM to the hand-over tolerance, then Newton. Should Newton not converge from there
    /// (a flat or non-concave region still far from the optimum), EM continues from Newton's point to the tighter
    /// fallback tolerance and Newton polishes again; the better of the two is kept.
    /// </summary>
    private static RunState Converge(MixtureLikelihood model, RunState start, FitOptions options, double persons)
    {
        var psi = start.Psi.ToArray();
        var em = EmRunner.Em(model, psi, options.MaxIterations, options.EmHandoverTolerance);
        var first = EmRunner.Newton(model, psi, start.Iterations + em.Iterations, options, persons);
        if (first.Converged || !double.IsFinite(first.LogLikelihood))
        {
            return first;
        }

        var again = first.Psi.ToArray();
        var more = EmRunner.Em(model, again, options.MaxIterations, options.EmFallbackTolerance);
        var second = EmRunner.Newton(model, again, first.Iterations + more.Iterations, options, persons);
        return second.Converged || second.LogLikelihood >= first.LogLikelihood ? second : first;
    }

    /// <summary>Starting ψ from hard posteriors: shares from the partition, each group's coefficients by its M-step
    /// from a flat log rate (constant = overall log rate, slopes 0, inflation logit −2, i.e. π ≈ 0.12).</summary>
    private static double[] FromPartition(MixtureLikelihood model, double[] posteriors, double baseRate)
    {
        var p = model.Parameters;
        var psi = new double[p.Total];
        for (var g = 0; g < p.Groups; g++)
        {
            psi[p.BetaOffset[g]] = baseRate;
            if (p.InflationOrders[g] >= 0)
            {
                psi[p.GammaOffset[g]] = -2.0;
            }
        }

        model.SetPosteriors(posteriors);
        model.MStep(psi, 30);
        return psi;
    }

    private static double[] Perturb(double[] psi, Random rng)
    {
        var x = psi.ToArray();
        for (var k = 0; k < x.Length; k++)
        {
            // Box–Muller normal with sd 0.5 on the coefficient scale (log rate, logit).
            var u1 = 1.0 - rng.NextDouble();
            var u2 = rng.NextDouble();
            x[k] += 0.5 * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        return x;
    }

    private static double BaseLogRate(PatternPanel panel)
    {
        double y = 0, e = 0;
        var p = panel.Patterns;
        for (var i = 0; i < p.PersonCount; i++)
        {
            var s = p.Series(i);
            for (var k = 0; k < s.Length; k++)
            {
                y += panel.Weights[i] * s.Counts[k];
                e += panel.Weights[i] * (s.Exposure.IsEmpty ? 1.0 : s.Exposure[k]);
            }
        }

        return Math.Log(Math.Max(y, 0.5) / Math.Max(e, 1.0));
    }
}
