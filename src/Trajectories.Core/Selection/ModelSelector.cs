using Trajectories.Core.Estimation;
using Trajectories.Core.Families;
using Trajectories.Core.Panels;
using Trajectories.Core.Results;

namespace Trajectories.Core.Selection;

/// <summary>
/// Fits a grid of models and chooses one: the smallest BIC (n = persons) among adequate models (converged, every
/// group with AvePP, OCC and share above the <see cref="SelectionCriteria"/>); when none is adequate, the smallest
/// BIC among converged fits, flagged. Models run in parallel, each single-threaded, so the table is the same for any
/// degree of parallelism.
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
        var inflationList = family.SupportsInflation ? (inflationOrders ?? [-1]).Distinct().Order().ToArray() : [-1];
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
        var perFit = options with { Threads = 1 };
        var rows = new SelectionRow[candidates.Count];
        var done = 0;
        Parallel.For(0, candidates.Count, new ParallelOptions { MaxDegreeOfParallelism = options.EffectiveThreads }, i =>
        {
            var spec = candidates[i];
            try
            {
                var fit = TrajectoryEstimator.Fit(panel, spec, perFit);
                var reasons = Inadequacies(fit, criteria);
                rows[i] = new SelectionRow(spec, fit, null, reasons.Count == 0, reasons);
            }
            catch (ModelSpecificationException e)
            {
                rows[i] = new SelectionRow(spec, null, e.Message, false, [e.Message]);
            }

            var n = Interlocked.Increment(ref done);
            progress?.Report(new SelectionProgress(n, candidates.Count, rows[i].Label));
        });

        var (chosen, adequate) = Choose(rows);
        return new SelectionResult(rows, chosen, adequate, Rule(criteria));
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
