namespace Trajectories.Core.Numerics;

/// <summary>The standard normal's log density, log distribution function and Mills ratio, accurate in both tails.</summary>
public static class NormalDistribution
{
    private const double LogSqrt2Pi = 0.91893853320467274178;

    /// <summary>log φ(x).</summary>
    public static double LogPdf(double x) => (-0.5 * x * x) - LogSqrt2Pi;

    /// <summary>
    /// log Φ(x): from erfc down to x = −37 (where Φ ≈ 6e-300 is still a normal double); below, the asymptotic
    /// series log φ(x) − log(−x) + log(1 − 1/x² + 3/x⁴ − 15/x⁶), whose error there is below 1e-12.
    /// </summary>
    public static double LogCdf(double x)
    {
        if (x > 5)
        {
            // Φ = 1 − Φ(−x): log1p of a tiny number keeps the digits that log(0.5·erfc) would round away.
            return Math.Log(1.0 - (0.5 * MathNet.Numerics.SpecialFunctions.Erfc(x / Math.Sqrt(2.0))));
        }

        if (x > -37)
        {
            return Math.Log(0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-x / Math.Sqrt(2.0)));
        }

        var inv = 1.0 / (x * x);
        return LogPdf(x) - Math.Log(-x) + Math.Log(1.0 - inv + (3.0 * inv * inv) - (15.0 * inv * inv * inv));
    }

    /// <summary>Φ(x).</summary>
    public static double Cdf(double x) => 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-x / Math.Sqrt(2.0));

    /// <summary>φ(x).</summary>
    public static double Pdf(double x) => Math.Exp(LogPdf(x));

    /// <summary>φ(x) / Φ(x) (the inverse Mills ratio of the lower tail), ≈ −x for very negative x.</summary>
    public static double Mills(double x) => Math.Exp(LogPdf(x) - LogCdf(x));
}
