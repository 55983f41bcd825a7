namespace Trajectories.Analysis.Disclosure;

/// <summary>
/// The integers a true count can be, given what was published about it: [<see cref="Low"/>, <see cref="High"/>].
/// This is the attacker's view of a disclosed cell, used by the publisher to decide secondary suppression and by the
/// tests that try to undo the disclosure control.
/// </summary>
/// <param name="Low">Smallest possible true count.</param>
/// <param name="High">Largest possible true count.</param>
public readonly record struct CountInterval(long Low, long High)
{
    /// <summary>True when only one value is possible.</summary>
    public bool IsExact => Low == High;

    /// <summary>An exactly known count.</summary>
    public static CountInterval Exact(long value) => new(value, value);

    /// <summary>
    /// What a published cell reveals under <paramref name="rule"/>. Suppressed: 1 … threshold − 1. Rounded to P:
    /// nearest rounding to base b sends n to P when n ∈ [P − (b − ⌈b/2⌉), P + ⌈b/2⌉ − 1]; unbiased random rounding
    /// when n ∈ [P − b + 1, P + b − 1]. Counts that would have been suppressed are removed from the range (so a
    /// published 0 means exactly 0, a published 5 means 5 … 7 under the default rule). WHY the convex hull when the
    /// removal leaves two pieces ({0} ∪ [threshold, …], only possible when threshold &lt; base): a wider interval
    /// makes the publisher's check more conservative, never less.
    /// </summary>
    public static CountInterval Of(DisclosedCount cell, DisclosureRule rule)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(rule);
        if (cell.Value is not { } p)
        {
            return new(1, Math.Max(1, rule.SuppressionThreshold - 1));
        }

        var b = rule.RoundingBase;
        var (below, above) = rule.Mode == RoundingMode.Nearest ? (b - ((b + 1) / 2), ((b + 1) / 2) - 1) : (b - 1, b - 1);
        var low = Math.Max(0, p - below);
        var high = p + above;
        var t = rule.SuppressionThreshold;
        if (t > 1 && low >= 1 && low <= t - 1)
        {
            low = Math.Min(t, high);
        }

        if (t > 1 && low == 0 && high <= t - 1)
        {
            high = 0;
        }

        return new(low, high);
    }

    /// <inheritdoc />
    public override string ToString() => Low == High ? $"{Low}" : $"[{Low}, {High}]";
}

/// <summary>
/// Interval propagation over additive relations between published counts (a total equals the sum of its parts plus
/// an unpublished remainder in [0, bound]): the bounds an attacker who knows the relations can derive. Iterated to
/// a fixed point; sound (never excludes a possible true value) though not always tight.
/// </summary>
public static class CountIntervals
{
    /// <summary>One relation: <c>total = Σ parts + r</c> with 0 ≤ r ≤ <paramref name="RemainderBound"/>.</summary>
    /// <param name="Total">Index of the total cell.</param>
    /// <param name="Parts">Indices of the part cells.</param>
    /// <param name="RemainderBound">Upper bound of the unpublished remainder (0: the parts cover the total).</param>
    public sealed record Relation(int Total, IReadOnlyList<int> Parts, long RemainderBound);

    /// <summary>Narrows <paramref name="cells"/> in place by the relations until nothing changes.</summary>
    public static void Propagate(CountInterval[] cells, IReadOnlyList<Relation> relations)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(relations);
        for (var sweep = 0; sweep < 1000; sweep++)
        {
            var changed = false;
            foreach (var r in relations)
            {
                changed |= Narrow(cells, r);
            }

            if (!changed)
            {
                return;
            }
        }
    }

    private static bool Narrow(CountInterval[] cells, Relation r)
    {
        var changed = false;
        long sumLow = 0, sumHigh = 0;
        foreach (var p in r.Parts)
        {
            sumLow += cells[p].Low;
            sumHigh += cells[p].High;
        }

        var total = cells[r.Total];
        changed |= Set(cells, r.Total, new(Math.Max(total.Low, sumLow), Math.Min(total.High, sumHigh + r.RemainderBound)));
        total = cells[r.Total];
        foreach (var p in r.Parts)
        {
            var part = cells[p];
            var othersLow = sumLow - part.Low;
            var othersHigh = sumHigh - part.High;
            var low = Math.Max(part.Low, total.Low - othersHigh - r.RemainderBound);
            var high = Math.Min(part.High, total.High - othersLow);
            changed |= Set(cells, p, new(low, high));
        }

        return changed;
    }

    private static bool Set(CountInterval[] cells, int i, CountInterval next)
    {
        if (next.Low > next.High)
        {
            // Inconsistent with the relation: the published cells cannot all be true under it (e.g. the attacker
            // assumed a relation that does not hold). Keep the cell as it was rather than invent a value.
            return false;
        }

        if (next == cells[i])
        {
            return false;
        }

        cells[i] = next;
        return true;
    }
}
