using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Trajectories.Analysis.Statistics;

/// <summary>
/// Distribution tails computed so that small p-values keep their relative precision.
/// WHY: <c>1 − CDF(x)</c> cancels to 0 (or to noise) once the CDF is within 1e-16 of 1, so upper tails use
/// the complementary special functions directly (regularized upper incomplete gamma, erfc, incomplete beta).
/// </summary>
public static class Tails
{
    /// <summary>ln(n!) via MathNet's <see cref="SpecialFunctions.FactorialLn"/> (table for small n, ln Γ(n+1) above).</summary>
    public static double LogFactorial(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return n < 171 ? SpecialFunctions.FactorialLn((int)n) : SpecialFunctions.GammaLn(n + 1.0);
    }

    /// <summary>
    /// ln(k!) for k = 0 … <paramref name="n"/>, each from ln Γ (not a running sum of logs, whose rounding error would
    /// grow like √n): the table the exact tests index by cell count.
    /// </summary>
    public static double[] LogFactorials(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var table = new double[n + 1];
        for (var k = 2; k <= n; k++)
        {
            table[k] = LogFactorial(k);
        }

        return table;
    }

    /// <summary>
    /// ln(1 + x) accurate for small x (Kahan's trick: the rounding error of 1 + x cancels in ln(u)·x/(u − 1)).
    /// </summary>
    public static double Log1P(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>ln C(n, k), exact-in-log for n up to int range; no overflow at n = 1e6.</summary>
    public static double LogChoose(long n, long k) => LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k);

    /// <summary>Upper tail P(χ²_df ≥ x) = Q(df/2, x/2), the regularized upper incomplete gamma function.</summary>
    public static double ChiSquareUpper(double x, double df)
    {
        if (df <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(df), "Degrees of freedom must be positive.");
        }

        return x <= 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(df / 2.0, x / 2.0);
    }

    /// <summary>Lower tail Φ(z) of the standard normal, via erfc so that Φ(−40) is not rounded to 0 early.</summary>
    public static double NormalLower(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2.0));

    /// <summary>Upper tail 1 − Φ(z) = Φ(−z).</summary>
    public static double NormalUpper(double z) => NormalLower(-z);

    /// <summary>Two-sided normal p-value 2·min(Φ(z), 1 − Φ(z)), as R's wilcox.test computes it.</summary>
    public static double NormalTwoSided(double z) => Math.Min(1.0, 2.0 * Math.Min(NormalLower(z), NormalUpper(z)));

    /// <summary>Standard normal quantile Φ⁻¹(p).</summary>
    public static double NormalQuantile(double p) => Normal.InvCDF(0.0, 1.0, p);

    /// <summary>Two-sided t p-value 2·P(T_df ≥ |t|) via the incomplete beta: P(T ≥ |t|) = ½·I_{df/(df+t²)}(df/2, ½).</summary>
    public static double StudentTTwoSided(double t, double df) =>
        SpecialFunctions.BetaRegularized(df / 2.0, 0.5, df / (df + t * t));

    /// <summary>Binomial P(X ≤ k), X ~ Bin(n, p), via I_{1−p}(n−k, k+1) (exact identity, no summation).</summary>
    public static double BinomialLower(long k, long n, double p)
    {
        if (k < 0)
        {
            return 0.0;
        }

        if (k >= n)
        {
            return 1.0;
        }

        return SpecialFunctions.BetaRegularized(n - k, k + 1, 1.0 - p);
    }

    /// <summary>Binomial P(X ≥ k), X ~ Bin(n, p), via I_p(k, n−k+1).</summary>
    public static double BinomialUpper(long k, long n, double p)
    {
        if (k <= 0)
        {
            return 1.0;
        }

        if (k > n)
        {
            return 0.0;
        }

        return SpecialFunctions.BetaRegularized(k, n - k + 1, p);
    }

    /// <summary>ln P(X = k) for X ~ Bin(n, p); handles p ∈ {0, 1}.</summary>
    public static double BinomialLogPmf(long k, long n, double p)
    {
        if (k < 0 || k > n)
        {
            return double.NegativeInfinity;
        }

        if (p <= 0.0)
        {
            return k == 0 ? 0.0 : double.NegativeInfinity;
        }

        if (p >= 1.0)
        {
            return k == n ? 0.0 : double.NegativeInfinity;
        }

        return LogChoose(n, k) + k * Math.Log(p) + (n - k) * Log1P(-p);
    }
}
