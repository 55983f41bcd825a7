using System.Globalization;

namespace Trajectories.Analysis.Disclosure;

/// <summary>
/// Statistical disclosure control for published counts, in the style of CBS microdata output rules: every count is
/// rounded to a multiple of <see cref="RoundingBase"/> and counts below <see cref="SuppressionThreshold"/> are withheld.
/// Figures derived from counts are computed from the published counts (<see cref="Percent"/>, <see cref="Ratio"/>),
/// so they cannot undo the rounding; <see cref="DisclosureLedger"/> keeps one published value per count.
/// Pure: the same rule, count and cell key always publish the same value.
/// </summary>
public sealed record DisclosureRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="roundingBase">Multiple to round to (≥ 1; 1 means no rounding). CBS practice: 5.</param>
    /// <param name="mode">Nearest (default) or unbiased random rounding.</param>
    /// <param name="suppressionThreshold">Unrounded counts strictly below this are suppressed (0 disables).</param>
    /// <param name="seed">Seed for unbiased random rounding; ignored for nearest rounding.</param>
    /// <param name="suppressedSymbol">Text shown for a suppressed cell (CBS tables use "x").</param>
    public DisclosureRule(int roundingBase = 5, RoundingMode mode = RoundingMode.Nearest, int suppressionThreshold = 10, ulong seed = 0, string suppressedSymbol = "x")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(roundingBase, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(suppressionThreshold);
        ArgumentException.ThrowIfNullOrWhiteSpace(suppressedSymbol);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode));
        }

        (RoundingBase, Mode, SuppressionThreshold, Seed, SuppressedSymbol) = (roundingBase, mode, suppressionThreshold, seed, suppressedSymbol);
    }

    /// <summary>The default rule: nearest multiple of 5, suppress below 10.</summary>
    public static DisclosureRule Default { get; } = new();

    /// <summary>No disclosure control (<c>--no-disclosure-control</c>): counts published as they are.</summary>
    public static DisclosureRule None { get; } = new(roundingBase: 1, suppressionThreshold: 0);

    /// <summary>Counts are published as multiples of this.</summary>
    public int RoundingBase { get; }

    /// <summary>How counts are rounded.</summary>
    public RoundingMode Mode { get; }

    /// <summary>Unrounded counts strictly below this are suppressed.</summary>
    public int SuppressionThreshold { get; }

    /// <summary>Seed of unbiased random rounding.</summary>
    public ulong Seed { get; }

    /// <summary>Text shown for a suppressed cell.</summary>
    public string SuppressedSymbol { get; }

    /// <summary>False when the rule changes nothing (base 1 and no suppression).</summary>
    public bool IsApplied => RoundingBase > 1 || SuppressionThreshold > 0;

    /// <summary>True when an unrounded count is withheld (0 &lt; count &lt; threshold); zero is published.</summary>
    public bool IsSuppressed(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        // A zero is published: the study itself reports 0 % (e.g. trafficking victims among controls), and an empty
        // cell reveals no person's attribute beyond what the cell's definition says.
        return count > 0 && count < SuppressionThreshold;
    }

    /// <summary>
    /// Rounds a non-negative count to a multiple of the base; no suppression. Nearest: remainder r = n mod b goes down
    /// when 2r &lt; b and up when 2r &gt; b; 2r = b can only happen for an even base and then rounds up (half up). With
    /// the default base 5 a tie is impossible (r ∈ {0,…,4}: 0–2 down, 3–4 up). Unbiased random: up with probability r/b,
    /// so E[rounded] = (n − r) + b·r/b = n; the uniform draw is a pure function of (seed, cell key).
    /// </summary>
    public long Round(long count, string cellKey)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(cellKey);
        var r = count % RoundingBase;
        if (r == 0)
        {
            return count;
        }

        var down = count - r;
        var up = Mode switch
        {
            RoundingMode.Nearest => 2 * r >= RoundingBase,
            _ => CellRandom.Uniform(Seed, cellKey) < (double)r / RoundingBase,
        };
        return up ? down + RoundingBase : down;
    }

    /// <summary>
    /// The published form of a count. <paramref name="cellKey"/> identifies the table cell (e.g.
    /// "lvb/offenders/n_lvb"); use the same key wherever the same cell appears so random rounding cannot be averaged away.
    /// </summary>
    public DisclosedCount Disclose(long count, string cellKey)
    {
        if (IsSuppressed(count))
        {
            return new DisclosedCount(null, SuppressedSymbol);
        }

        var v = Round(count, cellKey);
        return new DisclosedCount(v, v.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A percentage from the PUBLISHED counts, 100·numerator/denominator, so that it reveals nothing the counts do
    /// not; null when either count is suppressed or the denominator is zero.
    /// </summary>
    public static double? Percent(DisclosedCount numerator, DisclosedCount denominator)
    {
        ArgumentNullException.ThrowIfNull(numerator);
        ArgumentNullException.ThrowIfNull(denominator);
        return numerator.Value is { } x && denominator.Value is { } n && n > 0 ? 100.0 * x / n : null;
    }

    /// <summary>A ratio of two published counts (a share, a mean per person); null when either is suppressed or the denominator is zero.</summary>
    public static double? Ratio(DisclosedCount numerator, DisclosedCount denominator)
    {
        ArgumentNullException.ThrowIfNull(numerator);
        ArgumentNullException.ThrowIfNull(denominator);
        return numerator.Value is { } x && denominator.Value is { } n && n > 0 ? (double)x / n : null;
    }

    /// <summary>The rule in words, for the report's methods section.</summary>
    public string Statement()
    {
        if (!IsApplied)
        {
            return "No disclosure control was applied: counts are published unrounded and small cells are shown "
                + "(--no-disclosure-control).";
        }

        var b = RoundingBase.ToString(CultureInfo.InvariantCulture);
        var rounding = RoundingBase == 1
            ? "Counts are not rounded."
            : Mode == RoundingMode.Nearest
                ? $"Every published count is rounded to the nearest multiple of {b}."
                : $"Every published count is rounded at random to one of the two nearest multiples of {b}, upwards with "
                  + $"probability (count mod {b})/{b}, so that rounding is unbiased; the draw is fixed per table cell "
                  + $"(seed {Seed.ToString(CultureInfo.InvariantCulture)}) so the report is reproducible.";
        var suppression = SuppressionThreshold == 0
            ? string.Empty
            : $" Counts from 1 to {(SuppressionThreshold - 1).ToString(CultureInfo.InvariantCulture)} are suppressed and shown as "
              + $"'{SuppressedSymbol}', as are percentages whose numerator or denominator is suppressed.";
        return "Disclosure control follows CBS output-checking practice. " + rounding + suppression + " Each count is rounded once and shows the same value wherever it appears. "
            + "Percentages, shares, ratios, means of counts, confidence intervals, test statistics and p-values are computed "
            + "from the published counts, so they reveal nothing the counts do not, and are withheld with any count behind "
            + "them; where the profiles add up to a total that would pin a suppressed cell, a further cell is withheld "
            + "(secondary suppression). Figures that need the microdata (mean ages, rank tests, posterior-weighted and "
            + "BCH percentages and their bootstrap intervals, estimated shares) are published at a precision too coarse to single out a count. Because "
            + "of rounding, sub-categories need not add up to totals.";
    }

    /// <summary>The rule as a flat record for <c>results.json</c>.</summary>
    public DisclosureDescription Describe() => new(
        IsApplied,
        Mode == RoundingMode.Nearest ? "nearest" : "unbiased_random",
        RoundingBase,
        SuppressionThreshold,
        SuppressedSymbol,
        Mode == RoundingMode.UnbiasedRandom ? Seed : null,
        Statement());
}
