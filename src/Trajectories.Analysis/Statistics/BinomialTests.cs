using MathNet.Numerics;
using MathNet.Numerics.RootFinding;

namespace Trajectories.Analysis.Statistics;

/// <summary>
/// Exact binomial test and the Clopper–Pearson interval, matching R's <c>binom.test</c>.
/// Also the engine behind the exact McNemar test and the exact Poisson rate-ratio test.
/// </summary>
public static class BinomialTests
{
    /// <summary>
    /// Relative tolerance when collecting outcomes "as or less likely" than the observed one. R uses 1 + 1e-7 so that
    /// outcomes whose probability equals the observed one up to floating-point noise are counted (symmetric cases).
    /// </summary>
    public const double RelativeTolerance = 1e-7;

    /// <summary>
    /// Two-sided exact binomial test of H0: π = <paramref name="p"/> (R: <c>binom.test(x, n, p)</c>).
    /// The p-value sums P(X = i) over all i with P(X = i) ≤ P(X = x)·(1 + 1e-7); the estimate is x/n with a
    /// Clopper–Pearson interval.
    /// </summary>
    public static TestResult Exact(long x, long n, double p = 0.5, double level = 0.95)
    {
        Validate(x, n);
        if (p is <= 0.0 or >= 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "Null proportion must lie strictly in (0, 1).");
        }

        var pValue = TwoSidedP(x, n, p);
        return new TestResult(
            "Exact binomial test (two-sided)",
            x,
            pValue,
            Estimate: n == 0 ? double.NaN : (double)x / n,
            Ci: ClopperPearson(x, n, level),
            Notes: [$"H0 proportion {p.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}; n = {n}"]);
    }

    /// <summary>Two-sided exact p-value only (the algorithm of R's binom.test, in log space).</summary>
    public static double TwoSidedP(long x, long n, double p)
    {
        Validate(x, n);
        if (n == 0)
        {
            return 1.0;
        }

        var m = n * p;
        if (x == m)
        {
            return 1.0;
        }

        // Compare in log space: d_i ≤ d_x·(1 + tol)  ⇔  ln d_i ≤ ln d_x + ln(1 + tol).
        var threshold = Tails.BinomialLogPmf(x, n, p) + Tails.Log1P(RelativeTolerance);
        double pv;
        if (x < m)
        {
            // Outcomes on the other side (i ≥ ceil(m)) at most as likely as x. The pmf is non-increasing there (the mode
            // floor((n + 1)p) ≤ ceil(m)), so they form a suffix [first, n] found by binary search: O(log n), not O(n).
            var first = FirstAtMost((long)Math.Ceiling(m), n, i => Tails.BinomialLogPmf(i, n, p) <= threshold);
            pv = Tails.BinomialLower(x, n, p) + Tails.BinomialUpper(first, n, p);
        }
        else
        {
            // Mirror image: on [0, floor(m)] the pmf is non-decreasing, so the qualifying outcomes are a prefix [0, y − 1].
            var y = FirstAtMost(0, (long)Math.Floor(m), i => Tails.BinomialLogPmf(i, n, p) > threshold);
            pv = Tails.BinomialLower(y - 1, n, p) + Tails.BinomialUpper(x, n, p);
        }

        return Math.Min(1.0, pv);
    }

    /// <summary>
    /// Clopper–Pearson ("exact") interval for a binomial proportion: the Beta(x, n−x+1) and Beta(x+1, n−x)
    /// quantiles at α/2 and 1−α/2 (Clopper &amp; Pearson 1934), with the bound fixed at 0 or 1 when x = 0 or x = n.
    /// </summary>
    public static ConfidenceInterval ClopperPearson(long x, long n, double level = 0.95)
    {
        Validate(x, n);
        if (n == 0)
        {
            return new ConfidenceInterval(0.0, 1.0, level);
        }

        var alpha = 1.0 - level;
        var low = x == 0 ? 0.0 : BetaQuantile(alpha / 2.0, x, n - x + 1);
        var high = x == n ? 1.0 : BetaQuantile(1.0 - alpha / 2.0, x + 1, n - x);
        return new ConfidenceInterval(low, high, level);
    }

    /// <summary>
    /// Beta quantile by Brent's method on the regularized incomplete beta function.
    /// WHY not MathNet's Beta.InvCDF: we want a tighter, explicit tolerance (1e-15) so intervals agree with R's qbeta.
    /// </summary>
    internal static double BetaQuantile(double prob, double a, double b) =>
        Brent.FindRoot(x => SpecialFunctions.BetaRegularized(a, b, x) - prob, 0.0, 1.0, 1e-15, 1000);

    // Smallest i in [lo, hi] with pred(i) true, for a predicate that is false then true; hi + 1 when never true.
    private static long FirstAtMost(long lo, long hi, Func<long, bool> pred)
    {
        var (a, b) = (lo, hi + 1);
        while (a < b)
        {
            var mid = a + (b - a) / 2;
            if (pred(mid))
            {
                b = mid;
            }
            else
            {
                a = mid + 1;
            }
        }

        return a;
    }

    private static void Validate(long x, long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (x < 0 || x > n)
        {
            throw new ArgumentOutOfRangeException(nameof(x), "Successes must lie in [0, n].");
        }
    }
}
