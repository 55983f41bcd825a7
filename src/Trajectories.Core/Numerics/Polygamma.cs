namespace Trajectories.Core.Numerics;

/// <summary>
/// Log-gamma and polygamma differences that stay exact where the textbook formulas cancel: the gamma frailty's
/// shape a runs to 10⁸ and beyond as a group approaches Poisson, where lnΓ(a), a·log a and ψ(a), log a agree in
/// their first 15 digits.
/// </summary>
public static class Polygamma
{
    private const double HalfLogTwoPi = 0.91893853320467274178;

    /// <summary>B_2k / (2k(2k − 1)), k = 1…6: the Stirling series of lnΓ.</summary>
    private static readonly double[] StirlingTerms = [1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188, -691.0 / 360360];

    /// <summary>B_2k / (2k), k = 1…6: the asymptotic series of log a − ψ(a) beyond 1/(2a), with the sign it has there.</summary>
    private static readonly double[] DigammaTerms = [1.0 / 12, -1.0 / 120, 1.0 / 252, -1.0 / 240, 1.0 / 132, -691.0 / 32760];

    /// <summary>B_2k, k = 1…6: the asymptotic series of ψ'(a) beyond 1/a + 1/(2a²), in powers 1/a^(2k+1).</summary>
    private static readonly double[] TrigammaTerms = [1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730];

    /// <summary>
    /// Where the asymptotic series take over from the direct formulas: their truncation error is ~1e-15 there, below
    /// MathNet's own log-gamma error (~5e-11 absolute at a = 10).
    /// </summary>
    private const double SeriesFrom = 10.0;

    /// <summary>ψ'(x) for x &gt; 0: the recurrence ψ'(x) = ψ'(x + 1) + 1/x² up to x ≥ 10, then the asymptotic series (error ≈ 1e-15).</summary>
    public static double Trigamma(double x)
    {
        var value = 0.0;
        while (x < SeriesFrom)
        {
            value += 1.0 / (x * x);
            x += 1;
        }

        var inv = 1.0 / x;
        var x2 = inv * inv;
        return value + inv + (x2 * (0.5 + (inv * Series(x2, TrigammaTerms))));
    }

    /// <summary>a·log a − lnΓ(a) − a (Stirling: ½ log a − ½ log 2π − 1/(12a) + …), without cancellation for large a.</summary>
    public static double ShapeTerm(double a)
    {
        if (a < SeriesFrom)
        {
            return (a * Math.Log(a)) - MathNet.Numerics.SpecialFunctions.GammaLn(a) - a;
        }

        // lnΓ(a) − (a − ½) log a + a − ½ log 2π = Σ B_2k / (2k(2k − 1) a^(2k−1)), k = 1…6 (next term < 1e-15 at a = 10).
        var inv = 1.0 / a;
        var x = inv * inv;
        var remainder = inv * Series(x, StirlingTerms);
        return (0.5 * Math.Log(a)) - HalfLogTwoPi - remainder;
    }

    /// <summary>log a − ψ(a) (the derivative of <see cref="ShapeTerm"/>; ≈ 1/(2a) for large a).</summary>
    public static double LogMinusDigamma(double a)
    {
        if (a < SeriesFrom)
        {
            return Math.Log(a) - MathNet.Numerics.SpecialFunctions.DiGamma(a);
        }

        // 1/(2a) + Σ B_2k / (2k a^2k), k = 1…6 (next term < 1e-15 at a = 10).
        var inv = 1.0 / a;
        var x = inv * inv;
        return (0.5 * inv) + (x * Series(x, DigammaTerms));
    }

    /// <summary>a·(log a − ψ(a)) (→ ½ for large a), without overflow or cancellation.</summary>
    public static double ScaledLogMinusDigamma(double a) =>
        a < SeriesFrom ? a * LogMinusDigamma(a) : 0.5 + (Series(1.0 / (a * a), DigammaTerms) / a);

    /// <summary>a²·(1/a − ψ'(a)) (→ −½ for large a), without overflow or cancellation.</summary>
    public static double ScaledInverseMinusTrigamma(double a) =>
        a < SeriesFrom ? a * a * InverseMinusTrigamma(a) : -(0.5 + (Series(1.0 / (a * a), TrigammaTerms) / a));

    /// <summary>1/a − ψ'(a) (the second derivative of <see cref="ShapeTerm"/>; ≈ −1/(2a²) for large a).</summary>
    public static double InverseMinusTrigamma(double a)
    {
        if (a < SeriesFrom)
        {
            return (1.0 / a) - Trigamma(a);
        }

        // ψ'(a) = 1/a + 1/(2a²) + Σ B_2k / a^(2k+1), k = 1…6 (next term ≈ 1e-15 at a = 10).
        var inv = 1.0 / a;
        var x = inv * inv;
        return -x * (0.5 + (inv * Series(x, TrigammaTerms)));
    }

    /// <summary>Σ_k c_k x^k (k from 0), by Horner from the smallest term.</summary>
    private static double Series(double x, double[] c)
    {
        var sum = 0.0;
        for (var k = c.Length - 1; k >= 0; k--)
        {
            sum = (sum * x) + c[k];
        }

        return sum;
    }
}
