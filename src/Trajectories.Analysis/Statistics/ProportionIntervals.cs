namespace Trajectories.Analysis.Statistics;

/// <summary>Confidence intervals for a single percentage (e.g. the share of a cohort with an LVB indicator).</summary>
public static class ProportionIntervals
{
    /// <summary>
    /// Wilson score interval (Wilson 1927), R: <c>prop.test(x, n, correct = FALSE)$conf.int</c>.
    /// WHY Wilson: unlike the Wald interval it stays inside [0, 1] and keeps near-nominal coverage for small n or
    /// proportions near 0 — the situation of LVB rates of a few percent.
    /// Formula: (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
    /// </summary>
    public static ConfidenceInterval Wilson(long x, long n, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        if (x < 0 || x > n)
        {
            throw new ArgumentOutOfRangeException(nameof(x), "Successes must lie in [0, n].");
        }

        var z = Tails.NormalQuantile(1.0 - (1.0 - level) / 2.0);
        var p = (double)x / n;
        var z2 = z * z;
        var denom = 1.0 + z2 / n;
        var centre = p + z2 / (2.0 * n);
        var half = z * Math.Sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * (double)n));
        // At x = 0 (x = n) the lower (upper) bound is exactly 0 (1) in exact arithmetic; set it so rounding cannot
        // leave a bound of 1e-17 that excludes the estimate itself.
        var low = x == 0 ? 0.0 : Math.Max(0.0, (centre - half) / denom);
        var high = x == n ? 1.0 : Math.Min(1.0, (centre + half) / denom);
        return new ConfidenceInterval(low, high, level);
    }

    /// <summary>Clopper–Pearson exact interval; see <see cref="BinomialTests.ClopperPearson"/>.</summary>
    public static ConfidenceInterval ClopperPearson(long x, long n, double level = 0.95) =>
        BinomialTests.ClopperPearson(x, n, level);
}
