namespace Trajectories.Analysis.Disclosure;

/// <summary>
/// Every count an analysis publishes, disclosed once under one key. The key names the count itself —
/// <c>BASE/POPULATION/QUANTITY</c>, e.g. <c>all/offender/n</c> or <c>all/incidental/lvb_any</c> — not the table it
/// appears in, so the same count is the same published value in every table (random rounding cannot be averaged
/// away across copies) and a statistic derived from it is computed from that published value. Counts that add up
/// (the profiles partition the panel, their events the offenders' events) are disclosed together through
/// <see cref="Partition"/>, which applies secondary suppression when the totals would pin a suppressed cell.
/// </summary>
public sealed class DisclosureLedger
{
    private readonly Dictionary<string, (long Raw, DisclosedCount Published)> cells = new(StringComparer.Ordinal);

    /// <summary>Creates an empty ledger for <paramref name="rule"/>.</summary>
    public DisclosureLedger(DisclosureRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        Rule = rule;
    }

    /// <summary>The rule applied.</summary>
    public DisclosureRule Rule { get; }

    /// <summary>Cells withheld because they are small (1 … threshold − 1).</summary>
    public int PrimarySuppressions { get; private set; }

    /// <summary>Further cells withheld because a total would otherwise have pinned a small one.</summary>
    public int SecondarySuppressions { get; private set; }

    /// <summary>
    /// The published value of the count <paramref name="key"/>. The first call discloses it; later calls return the
    /// same value.
    /// </summary>
    /// <exception cref="InvalidOperationException">The key was disclosed before with a different count (two different
    /// counts under one name would publish one of them under the other's rounding).</exception>
    public DisclosedCount Count(long raw, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (cells.TryGetValue(key, out var known))
        {
            return known.Raw == raw ? known.Published
                : throw new InvalidOperationException($"disclosure key '{key}' was used for two different counts ({known.Raw} and {raw}).");
        }

        var published = Rule.Disclose(raw, key);
        PrimarySuppressions += published.IsSuppressed ? 1 : 0;
        cells[key] = (raw, published);
        return published;
    }

    /// <summary>
    /// Discloses a total and its parts (<c>total = Σ parts + remainder</c>, where the remainder is unpublished and an
    /// attacker only knows 0 ≤ remainder ≤ <paramref name="remainderBound"/>), then withholds further parts while the
    /// published cells would let an attacker pin a suppressed cell, or pin a rounded cell to a value other than the
    /// published one. The part suppressed next is the smallest published positive part disclosed in this call (the
    /// classic choice: it loses the least information). Returns the parts' published values, in order.
    /// </summary>
    public IReadOnlyList<DisclosedCount> Partition(string totalKey, long total, IReadOnlyList<(string Key, long Raw)> parts, long remainderBound)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfNegative(remainderBound);
        var fresh = parts.Where(p => !cells.ContainsKey(p.Key)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        Count(total, totalKey);
        foreach (var (key, raw) in parts)
        {
            Count(raw, key);
        }

        var relation = new CountIntervals.Relation(0, Enumerable.Range(1, parts.Count).ToArray(), remainderBound);
        while (true)
        {
            var keys = new[] { totalKey }.Concat(parts.Select(p => p.Key)).ToArray();
            var published = keys.Select(k => cells[k].Published).ToArray();
            var intervals = published.Select(p => CountInterval.Of(p, Rule)).ToArray();
            CountIntervals.Propagate(intervals, [relation]);
            var leak = Enumerable.Range(0, keys.Length).Any(i => intervals[i].IsExact && (published[i].Value is not { } v || v != intervals[i].Low));
            if (!leak)
            {
                return parts.Select(p => cells[p.Key].Published).ToArray();
            }

            var candidate = parts
                .Where(p => fresh.Contains(p.Key) && cells[p.Key].Published.Value is > 0)
                .OrderBy(p => p.Raw).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => p.Key).FirstOrDefault();
            if (candidate is null)
            {
                // Nothing left to withhold among this call's parts: withhold the total's parts all together rather
                // than publish a pinned cell.
                foreach (var key in parts.Select(p => p.Key).Where(fresh.Contains).Where(k => !cells[k].Published.IsSuppressed))
                {
                    Withhold(key);
                }

                return parts.Select(p => cells[p.Key].Published).ToArray();
            }

            Withhold(candidate);
        }
    }

    private void Withhold(string key)
    {
        var (raw, _) = cells[key];
        cells[key] = (raw, new DisclosedCount(null, Rule.SuppressedSymbol));
        SecondarySuppressions++;
    }
}
