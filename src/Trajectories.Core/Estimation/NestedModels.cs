using Trajectories.Core.Membership;
using Trajectories.Core.Results;

namespace Trajectories.Core.Estimation;

/// <summary>
/// Nesting between models of one family and its embeddings: a model is nested in another when the other reproduces
/// every one of its distributions — with the same groups, each group's polynomials padded with zero coefficients (a
/// lower order, a lower inflation order, no inflation as an inflation probability of 0); with more groups, some groups
/// duplicated and their shares split. A larger model's maximum can therefore never be below a nested model's, and a
/// selection grid that reported otherwise would only show that its search had missed.
/// </summary>
internal static class NestedModels
{
    /// <summary>
    /// The second predictor of a group that lacks it, in an exact embedding: the family's "off" value (ZIP: logit −745,
    /// π = logistic(−745) is the smallest positive double, so log(1 − π) and log(π + (1 − π)e^{−λ}) − log e^{−λ} round
    /// to exactly 0 for every λ below 700). Only a <see cref="Families.SecondaryShape.Polynomial"/> predictor can be
    /// absent, so only such families reach it.
    /// </summary>
    private static double Off(ModelSpecification outer) => outer.Family.Secondary?.Off ?? double.NaN;

    /// <summary>The inflation logit of a warm start that may move: π ≈ 1.8 %, a small but live zero inflation.</summary>
    public const double WarmInflationLogit = -4.0;

    /// <summary>How far the intercepts of a duplicated group's copies are pushed apart (log rate ± this) to break their symmetry.</summary>
    public const double SplitShift = 0.25;

    /// <summary>Most group maps enumerated per nested model.</summary>
    public const int MaxMaps = 64;

    /// <summary>
    /// Warm starts per nested model with fewer groups: the split of its largest group. Splitting every group cost the
    /// default `analyze` grid a third of its time, and a second split another 18 % on the 63 000-offender register, for
    /// no better optimum on either.
    /// </summary>
    public const int SplitStarts = 1;

    /// <summary>Whether <paramref name="inner"/> is nested in <paramref name="outer"/> (and is not the same model).</summary>
    public static bool IsNested(ModelSpecification inner, ModelSpecification outer) =>
        !Same(inner, outer) && Maps(inner, outer, 1).Count > 0;

    /// <summary>
    /// The ways of embedding <paramref name="inner"/> in <paramref name="outer"/>: maps from each outer group to the
    /// inner group it copies, non-decreasing and onto (every inner group is copied at least once, in order), with
    /// each outer group's orders at least its source's. Empty when not nested.
    /// </summary>
    public static IReadOnlyList<int[]> Maps(ModelSpecification inner, ModelSpecification outer, int limit = MaxMaps)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(outer);
        var maps = new List<int[]>();
        if (!inner.Family.Equals(outer.Family) || inner.Groups > outer.Groups || !inner.RiskFactors.SequenceEqual(outer.RiskFactors)
            || !inner.TimeCovariates.SequenceEqual(outer.TimeCovariates))
        {
            return maps;
        }

        var map = new int[outer.Groups];
        Extend(inner, outer, map, 0, 0, maps, limit);
        return maps;
    }

    /// <summary>
    /// Warm starts for <paramref name="outer"/> from a nested model's solution: with the same number of groups its
    /// exact embedding (and, where inflation is added, one with a small live inflation); with more groups, the split of
    /// its largest group(s) (<see cref="SplitStarts"/>), the copies' intercepts pushed apart.
    /// </summary>
    public static IEnumerable<WarmStart> WarmStarts(TrajectoryFit nested, ModelSpecification outer)
    {
        ArgumentNullException.ThrowIfNull(nested);
        var maps = Maps(nested.Model, outer);
        var label = Label(nested.Model);
        if (nested.Model.Groups == outer.Groups)
        {
            foreach (var map in maps)
            {
                yield return new WarmStart(Embed(nested, outer, map, 0.0, Off(outer)), $"nested model {label}");
                if (AddsInflation(nested.Model, outer, map))
                {
                    yield return new WarmStart(Embed(nested, outer, map, 0.0, WarmInflationLogit), $"nested model {label}, with a small zero inflation");
                }
            }

            yield break;
        }

        // The maps whose duplicated groups hold the largest shares first (ties: enumeration order).
        var shares = nested.Groups.Select(g => g.Share).ToArray();
        var ranked = maps
            .Select((map, index) => (map, index, split: map.GroupBy(j => j).Where(g => g.Count() > 1).Sum(g => shares[g.Key])))
            .OrderByDescending(x => x.split)
            .ThenBy(x => x.index)
            .Take(SplitStarts);
        foreach (var (map, _, _) in ranked)
        {
            yield return new WarmStart(Embed(nested, outer, map, SplitShift, WarmInflationLogit), $"nested model {label}, {SplitText(map)}");
        }
    }

    /// <summary>
    /// The exact embedding of a nested solution: the same distribution of the data, so the same log-likelihood. With
    /// duplicated groups it is a stationary point of the larger model (copies with equal coefficients stay equal under
    /// EM), the solution reported when no start of the larger model did better.
    /// </summary>
    public static double[] Exact(TrajectoryFit nested, ModelSpecification outer)
    {
        ArgumentNullException.ThrowIfNull(nested);
        var maps = Maps(nested.Model, outer, 1);
        if (maps.Count == 0)
        {
            throw new ArgumentException($"{Label(nested.Model)} is not nested in {Label(outer)}.", nameof(nested));
        }

        return Embed(nested, outer, maps[0], 0.0, Off(outer));
    }

    /// <summary>
    /// The nearest simpler models a search may continue from: one group fewer (the last dropped), every polynomial
    /// one order lower, every zero inflation one order lower (constant inflation to none) — each where it exists.
    /// </summary>
    public static IReadOnlyList<ModelSpecification> Neighbours(ModelSpecification spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var list = new List<ModelSpecification>();
        var k = spec.Groups;
        if (k > 1)
        {
            list.Add(spec with { Orders = spec.Orders.Take(k - 1).ToArray(), InflationOrders = spec.InflationOrders.Take(k - 1).ToArray() });
        }

        if (spec.Orders.Any(o => o > 0))
        {
            list.Add(spec with { Orders = spec.Orders.Select(o => Math.Max(0, o - 1)).ToArray() });
        }

        if (spec.InflationOrders.Any(o => o >= 0))
        {
            list.Add(spec with { InflationOrders = spec.InflationOrders.Select(o => Math.Max(-1, o - 1)).ToArray() });
        }

        return list;
    }

    /// <summary>The model's compact label (<see cref="ModelSpecification.Label"/>).</summary>
    public static string Label(ModelSpecification m) => m.Label;

    private static double[] Embed(TrajectoryFit nested, ModelSpecification outer, int[] map, double shift, double inflationOff)
    {
        var inner = new ParameterLayout(nested.Model);
        var outerLayout = new ParameterLayout(outer);
        var source = nested.Parameters;
        var psi = new double[outerLayout.Total];
        var copies = new int[inner.Groups];
        foreach (var j in map)
        {
            copies[j]++;
        }

        // The copies of a group share its prior equally, for every person: the same distribution as the inner model.
        MultinomialLogit.Embed(source.Take(inner.MembershipCount).ToArray(), map, inner.Groups, outer.MembershipWidth).CopyTo(psi, 0);
        var seen = new int[inner.Groups];
        for (var g = 0; g < outer.Groups; g++)
        {
            var j = map[g];
            for (var k = 0; k <= inner.Orders[j]; k++)
            {
                psi[outerLayout.BetaOffset[g] + k] = source[inner.BetaOffset[j] + k];
            }

            for (var k = 0; k < inner.Covariates; k++)
            {
                psi[outerLayout.BetaOffset[g] + outerLayout.Orders[g] + 1 + k] = source[inner.BetaOffset[j] + inner.Orders[j] + 1 + k];
            }

            if (copies[j] > 1 && shift != 0)
            {
                // Copies spread evenly over [−shift, +shift] around the source's intercept.
                psi[outerLayout.BetaOffset[g]] += shift * ((2.0 * seen[j] / (copies[j] - 1)) - 1.0);
            }

            seen[j]++;
            if (outerLayout.SecondaryOrders[g] < 0)
            {
                continue;
            }

            if (inner.SecondaryOrders[j] < 0)
            {
                psi[outerLayout.GammaOffset[g]] = inflationOff;
                continue;
            }

            for (var k = 0; k <= inner.SecondaryOrders[j]; k++)
            {
                psi[outerLayout.GammaOffset[g] + k] = source[inner.GammaOffset[j] + k];
            }
        }

        return psi;
    }

    private static void Extend(ModelSpecification inner, ModelSpecification outer, int[] map, int g, int next, List<int[]> maps, int limit)
    {
        if (maps.Count >= limit)
        {
            return;
        }

        if (g == outer.Groups)
        {
            if (next == inner.Groups)
            {
                maps.Add(map.ToArray());
            }

            return;
        }

        // Outer group g copies either the inner group the previous one copied (a duplicate) or the next inner group.
        for (var j = Math.Max(0, next - 1); j <= next && j < inner.Groups; j++)
        {
            if (inner.Orders[j] > outer.Orders[g] || inner.InflationOrders[j] > outer.InflationOrders[g])
            {
                continue;
            }

            // What is left must still be able to take every inner group not yet copied.
            var after = j == next ? next + 1 : next;
            if (outer.Groups - g - 1 < inner.Groups - after)
            {
                continue;
            }

            map[g] = j;
            Extend(inner, outer, map, g + 1, after, maps, limit);
        }
    }

    private static bool AddsInflation(ModelSpecification inner, ModelSpecification outer, int[] map)
    {
        for (var g = 0; g < outer.Groups; g++)
        {
            if (outer.InflationOrders[g] >= 0 && inner.InflationOrders[map[g]] < 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string SplitText(int[] map)
    {
        var split = map.GroupBy(j => j).Where(g => g.Count() > 1).Select(g => (g.Key + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return $"group {string.Join(", ", split)} split";
    }

    /// <summary>Whether two specifications are the same model.</summary>
    public static bool Same(ModelSpecification a, ModelSpecification b) =>
        a.Family.Equals(b.Family) && a.Orders.SequenceEqual(b.Orders) && a.InflationOrders.SequenceEqual(b.InflationOrders)
        && a.RiskFactors.SequenceEqual(b.RiskFactors) && a.TimeCovariates.SequenceEqual(b.TimeCovariates);
}
