namespace Trajectories.Core.Numerics;

/// <summary>
/// Neumaier's compensated summation into a pair of arrays (the sum at <c>hi[k]</c>, its rounding error at
/// <c>lo[k]</c>): the pair holds the exact sum to about ε² of the sum of magnitudes, instead of ε of it.
/// </summary>
/// <remarks>
/// The E-step's coverage difference arrays need it: a cell weight at time t is Σ (+w·p at window starts) −
/// Σ (−w·p at window ends) over earlier times, a small difference of large running sums. Plain doubles leave ε · (the
/// group's size) of residue there, which the gradient multiplies by the rate μ_t; a cubic extrapolated to ages where
/// the group has no persons reaches μ ≈ 10¹⁰ at ages its competitors' persons are observed, and the residue then
/// becomes a gradient error of 10⁻⁴ — above the convergence tolerance, so Newton crept and never converged.
/// </remarks>
internal static class CompensatedSum
{
    /// <summary>Adds x to the compensated pair (hi[k], lo[k]).</summary>
    public static void Add(Span<double> hi, Span<double> lo, int k, double x)
    {
        var s = hi[k];
        var t = s + x;
        lo[k] += Math.Abs(s) >= Math.Abs(x) ? (s - t) + x : (x - t) + s;
        hi[k] = t;
    }

    /// <summary>Adds x to the compensated scalar pair (hi, lo).</summary>
    public static void Add(ref double hi, ref double lo, double x)
    {
        var t = hi + x;
        lo += Math.Abs(hi) >= Math.Abs(x) ? (hi - t) + x : (x - t) + hi;
        hi = t;
    }
}
