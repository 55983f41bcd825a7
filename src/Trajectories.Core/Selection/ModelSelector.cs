using Trajectories.Core.Estimation;
using Trajectories.Core.Families;
using Trajectories.Core.Panels;
using Trajectories.Core.Results;

namespace Trajectories.Core.Selection;

/// <summary>
/// Fits a grid of models and chooses one: the smallest BIC (n = persons) among adequate models (converged, every
/// group with AvePP, OCC and share above the <see cref="SelectionCriteria"/>); when none is adequate, the smallest
/// BIC among converged fits, flagged. Models run in parallel, longest chain of work first, each as soon as the models
/// nested in it are done; the table is the same for any degree of parallelism.
/// </summary>
public static class ModelSelector
{
    /// <summary>
    /// The grid: every K in <paramref name="groups"/> × every order in <paramref name="orders"/> (one order for all
    /// groups), or with <paramref name="perGroupOrders"/> every non-decreasing per-group order sequence (groups are
    /// listed from the lowest to the highest level, so increasing complexity goes with increasing level), × every
    /// inflation order in <paramref name="inflationOrders"/> (one for all groups; default −1, ignored for families
    /// without inflation).
    /// </summary>
    public static IReadOnlyList<ModelSpecification> Grid(
        ITrajectoryFamily family, IEnumerable<int> groups, IEnumerable<int> orders, IEnumerable<int>? inflationOrders = null, bool perGroupOrders = false)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(orders);
        var orderList = orders.Distinct().Order().ToArray();
        var inflationList = family.Secondary is { Shape: SecondaryShape.Polynomial } ? (inflationOrders ?? [-1]).Distinct().Order().ToArray() : [-1];
        var list = new List<ModelSpecification>();
        foreach (var k in groups.Distinct().Order())
        {
            var sequences = perGroupOrders ? NonDecreasing(orderList, k) : orderList.Select(o => Enumerable.Repeat(o, k).ToArray());
            foreach (var seq in sequences)
            {
                foreach (var io in inflationList)
                {
                    list.Add(new ModelSpecification(family, seq, Enumerable.Repeat(io, k).ToArray()));
                }
            }
        }

        return list;
    }

    /// <summary>Fits every candidate and applies the choice rule.</summary>
    /// <param name="panel">The data.</param>
    /// <param name="candidates">The models to try (see <see cref="Grid"/>).</param>
    /// <param name="options">Fit options; its thread count is used for models in parallel, each fit single-threaded.</param>
    /// <param name="criteria">Adequacy thresholds (defaults when null).</param>
    /// <param name="progress">Reports each finished model.</param>
    /// <remarks>
    /// The grid is kept consistent: each model is fitted after the models nested in it that are its nearest neighbours
    /// in the grid (<see cref="Neighbours"/>: one group fewer, a lower order, a lower inflation order), their solutions
    /// embedded as extra starts, and its log-likelihood is never below theirs (see <see cref="TrajectoryEstimator.Fit(PreparedPanel, ModelSpecification, FitOptions?, IProgress{FitProgress}?, IReadOnlyList{TrajectoryFit}?)"/>).
    /// By induction no model reports less than any model of the grid nested in it. Each fit depends only on its own
    /// seed and on its neighbours' fits, so the table is the same for any degree of parallelism.
    /// </remarks>
    public static SelectionResult Select(
        CountPanel panel,
        IReadOnlyList<ModelSpecification> candidates,
        FitOptions? options = null,
        SelectionCriteria? criteria = null,
        IProgress<SelectionProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(candidates);
        options ??= new FitOptions();
        criteria ??= new SelectionCriteria();

        // Up to `slots` models run at once and each fit's E-steps may use every core, so the grid's last models (the
        // largest, which wait for the models nested in them) use the cores the finished ones leave. Results do not
        // depend on it: a fit's E-steps reduce in a fixed order and a model starts only once its neighbours are done.
        var slots = options.EffectiveThreads;
        var perFit = options with { Threads = slots };

        // Patterns, cells and membership rows are built once per family and shared by every model of the grid.
        var prepared = candidates.Select(c => c.Family).Distinct().ToDictionary(f => f, f => PreparedPanel.Prepare(panel, f, options.CompressPatterns));
        var rows = new SelectionRow[candidates.Count];
        var neighbours = Neighbours(candidates);
        var priority = CriticalPaths(candidates, neighbours, out var dependents);
        var waiting = neighbours.Select(n => n.Count).ToArray();
        var ready = Enumerable.Range(0, candidates.Count).Where(i => waiting[i] == 0).ToList();
        var running = new List<Task<int>>();
        var done = 0;
        while (ready.Count > 0 || running.Count > 0)
        {
            // Longest-first: of the models whose neighbours are done, the one heading the longest chain of work.
            while (running.Count < slots && ready.Count > 0)
            {
                var next = ready.OrderByDescending(i => priority[i]).ThenBy(i => i).First();
                ready.Remove(next);
                running.Add(Task.Run(() =>
                {
                    var nested = neighbours[next].Select(j => rows[j].Fit).OfType<TrajectoryFit>().ToList();
                    rows[next] = FitOne(prepared[candidates[next].Family], candidates[next], perFit, criteria, nested);
                    return next;
                }));
            }

            var finished = Task.WhenAny(running).GetAwaiter().GetResult();
            running.Remove(finished);
            var i = finished.GetAwaiter().GetResult();
            progress?.Report(new SelectionProgress(++done, candidates.Count, rows[i].Label));
            foreach (var d in dependents[i])
            {
                if (--waiting[d] == 0)
                {
                    ready.Add(d);
                }
            }
        }

        var (chosen, adequate) = Choose(rows);
        return new SelectionResult(rows, chosen, adequate, Rule(criteria));
    }

    /// <summary>
    /// Each model's priority for the scheduler: its estimated cost plus the largest priority among the models it is
    /// nested in (<paramref name="dependents"/>: who waits for it), i.e. the length of the longest chain of work it
    /// heads. Cost ∝ parameters, ×4 for a person-level frailty (its E-steps and EM are slower, measured on the sample).
    /// </summary>
    private static double[] CriticalPaths(IReadOnlyList<ModelSpecification> candidates, IReadOnlyList<int>[] neighbours, out List<int>[] dependents)
    {
        var n = candidates.Count;
        var waiters = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        for (var b = 0; b < n; b++)
        {
            foreach (var a in neighbours[b])
            {
                waiters[a].Add(b);
            }
        }

        var priority = new double[n];
        var known = new bool[n];
        double Of(int i)
        {
            if (!known[i])
            {
                // Nesting is acyclic (a nested model has fewer parameters), so the recursion ends.
                var cost = candidates[i].ParameterCount * (candidates[i].Family.HasPersonFrailty ? 4.0 : 1.0);
                priority[i] = cost + waiters[i].Select(Of).DefaultIfEmpty(0).Max();
                known[i] = true;
            }

            return priority[i];
        }

        for (var i = 0; i < n; i++)
        {
            Of(i);
        }

        dependents = waiters;
        return priority;
    }

    /// <summary>
    /// For each candidate, the candidates nested in it with nothing of the grid in between (its nearest nested
    /// neighbours): e.g. in K 1–6 × order 1–3, (K−1, o) and (K, o−1).
    /// </summary>
    public static IReadOnlyList<int>[] Neighbours(IReadOnlyList<ModelSpecification> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var n = candidates.Count;
        var nested = new bool[n, n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                nested[a, b] = a != b && NestedModels.IsNested(candidates[a], candidates[b]);
            }
        }

        var result = new IReadOnlyList<int>[n];
        for (var b = 0; b < n; b++)
        {
            var list = new List<int>();
            for (var a = 0; a < n; a++)
            {
                if (!nested[a, b])
                {
                    continue;
                }

                var between = false;
                for (var c = 0; c < n && !between; c++)
                {
                    between = nested[a, c] && nested[c, b];
                }

                if (!between)
                {
                    list.Add(a);
                }
            }

            result[b] = list;
        }

        return result;
    }

    private static SelectionRow FitOne(PreparedPanel panel, ModelSpecification spec, FitOptions options, SelectionCriteria criteria, IReadOnlyList<TrajectoryFit> nested)
    {
        try
        {
            var fit = TrajectoryEstimator.Fit(panel, spec, options, null, nested);
            var reasons = Inadequacies(fit, criteria);
            return new SelectionRow(spec, fit, null, reasons.Count == 0, reasons);
        }
        catch (ModelSpecificationException e)
        {
            return new SelectionRow(spec, null, e.Message, false, [e.Message]);
        }
    }

    /// <summary>Why a fit is not adequate under <paramref name="criteria"/> (empty when it is).</summary>
    public static IReadOnlyList<string> Inadequacies(TrajectoryFit fit, SelectionCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(criteria);
        var reasons = new List<string>();
        if (!fit.Converged)
        {
            reasons.Add($"not converged ({fit.StopReason})");
        }

        foreach (var g in fit.Groups)
        {
            if (g.AvePP is not { } pp || pp < criteria.MinAvePP)
            {
                reasons.Add($"group {g.Index}: AvePP {Show(g.AvePP)} < {criteria.MinAvePP}");
            }

            // OCC is null when AvePP = 1 (infinite odds: perfectly classified), which passes.
            if (g.AvePP is null || (g.Occ is { } occ && occ < criteria.MinOcc))
            {
                reasons.Add($"group {g.Index}: OCC {Show(g.Occ)} < {criteria.MinOcc}");
            }

            if (g.Share < criteria.MinShare)
            {
                reasons.Add($"group {g.Index}: share {g.Share:0.000} < {criteria.MinShare}");
            }
        }

        return reasons;
    }

    /// <summary>The rule: smallest BIC (persons) among adequate rows; else smallest BIC among converged rows (flagged).</summary>
    public static (int? Index, bool Adequate) Choose(IReadOnlyList<SelectionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var adequate = Best(rows, r => r.Adequate);
        if (adequate is not null)
        {
            return (adequate, true);
        }

        return (Best(rows, r => r.Fit is { Converged: true }), false);
    }

    private static int? Best(IReadOnlyList<SelectionRow> rows, Func<SelectionRow, bool> eligible)
    {
        int? best = null;
        for (var i = 0; i < rows.Count; i++)
        {
            // Ties keep the earlier (simpler) grid entry.
            if (eligible(rows[i]) && rows[i].Fit is { } f && (best is null || f.BicPersons < rows[best.Value].Fit!.BicPersons))
            {
                best = i;
            }
        }

        return best;
    }

    private static string Rule(SelectionCriteria c) =>
        $"smallest BIC (n = persons) among converged models whose every group has AvePP >= {c.MinAvePP}, OCC >= {c.MinOcc} " +
        $"and share >= {c.MinShare}; if none qualifies, the smallest BIC among converged models (flagged as not adequate)";

    private static string Show(double? v) => v is { } x ? x.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) : "n/a";

    private static IEnumerable<int[]> NonDecreasing(int[] orders, int k)
    {
        if (k == 0)
        {
            yield return [];
            yield break;
        }

        foreach (var head in NonDecreasing(orders, k - 1))
        {
            foreach (var o in orders)
            {
                if (head.Length == 0 || o >= head[^1])
                {
                    yield return [.. head, o];
                }
            }
        }
    }
}
