using MathNet.Numerics.Distributions;

namespace Trajectories.Analysis.Statistics;

/// <summary>
/// Comparing mean counts between two groups as a rate ratio.
/// Where used: the "mean times victim, among victims" figures (3.1 vs 2.5 vs 2.0) are reported with the
/// quasi-Poisson ratio of means (robust to the over- or under-dispersion of zero-truncated counts) as the effect size;
/// the rank test (<see cref="RankTests.MannWhitney"/>) is the distribution-free check. The exact Poisson test is for
/// event totals over a known exposure when the Poisson assumption is credible.
/// </summary>
public static class RateRatioTests
{
    /// <summary>
    /// Exact conditional test of two Poisson rates (R: <c>poisson.test(c(x1, x2), c(t1, t2))</c>): given x1 + x2,
    /// x1 ~ Bin(x1 + x2, t1/(t1 + t2)) under H0: equal rates. Estimate (x1/t1)/(x2/t2); interval from the
    /// Clopper–Pearson interval π for that binomial, mapped through π/(1 − π)·t2/t1.
    /// </summary>
    public static TestResult PoissonExact(long x1, double t1, long x2, double t2, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x1);
        ArgumentOutOfRangeException.ThrowIfNegative(x2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(t1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(t2);
        var n = x1 + x2;
        var pi0 = t1 / (t1 + t2);
        var p = BinomialTests.TwoSidedP(x1, n, pi0);
        var cp = BinomialTests.ClopperPearson(x1, n, level);
        var scale = t2 / t1;
        var ci = new ConfidenceInterval(Odds(cp.Low) * scale, Odds(cp.High) * scale, level);
        return new TestResult(
            "Exact Poisson rate-ratio test (conditional binomial)",
            x1,
            p,
            Estimate: x1 / t1 / (x2 / t2),
            Ci: ci,
            Notes: ["statistic = events in group 1; estimate = rate ratio group 1 / group 2"]);
    }

    /// <summary>
    /// Quasi-Poisson ratio of means of two samples of counts, i.e. the GLM <c>y ~ group</c> with log link and
    /// <c>family = quasipoisson</c> in R: β = ln(ȳ₁/ȳ₂), Var(β) = φ·(1/Σy₁ + 1/Σy₂), with the Pearson dispersion
    /// φ = Σ(y − ȳ_g)²/ȳ_g / (N − 2). As <c>summary.glm</c>, p is two-sided from t with N − 2 df; the interval is
    /// exp(β ± t_{N−2}·SE). WHY quasi-Poisson: counts among victims are zero-truncated and overdispersed, so the plain
    /// Poisson variance understates the SE; φ rescales it without assuming a distribution.
    /// </summary>
    public static TestResult QuasiPoisson(ReadOnlySpan<double> y1, ReadOnlySpan<double> y2, double level = 0.95)
    {
        if (y1.Length < 1 || y2.Length < 1 || y1.Length + y2.Length < 3)
        {
            throw new ArgumentException("Need at least one count per group and three in all.");
        }

        var (s1, m1, pearson1) = Moments(y1);
        var (s2, m2, pearson2) = Moments(y2);
        if (s1 == 0 || s2 == 0)
        {
            throw new ArgumentException("Each group needs a positive total count for a ratio of means.");
        }

        double df = y1.Length + y2.Length - 2;
        var phi = (pearson1 + pearson2) / df;
        var beta = Math.Log(m1 / m2);
        var se = Math.Sqrt(phi * (1.0 / s1 + 1.0 / s2));
        var t = beta / se;
        var q = StudentT.InvCDF(0.0, 1.0, df, 1.0 - (1.0 - level) / 2.0);
        return new TestResult(
            "Quasi-Poisson ratio of means (Wald t)",
            t,
            se == 0 ? (beta == 0 ? 1.0 : 0.0) : Tails.StudentTTwoSided(t, df),
            df,
            m1 / m2,
            new ConfidenceInterval(Math.Exp(beta - q * se), Math.Exp(beta + q * se), level),
            [$"dispersion φ = {phi:G6}; means {m1:G6} and {m2:G6}"]);
    }

    private static (double Sum, double Mean, double Pearson) Moments(ReadOnlySpan<double> y)
    {
        double s = 0;
        foreach (var v in y)
        {
            if (v < 0 || double.IsNaN(v))
            {
                throw new ArgumentException("Counts must be non-negative.");
            }

            s += v;
        }

        var m = s / y.Length;
        double pearson = 0;
        foreach (var v in y)
        {
            pearson += (v - m) * (v - m);
        }

        return (s, m, m == 0 ? 0 : pearson / m);
    }

    private static double Odds(double p) => p >= 1.0 ? double.PositiveInfinity : p / (1.0 - p);
}
