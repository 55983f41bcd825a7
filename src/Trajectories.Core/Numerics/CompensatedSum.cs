namespace Trajectories.Core.Numerics;

/// <summary>
/// Compensated summation (Knuth's branch-free TwoSum) into a pair of arrays (the sum at <c>hi[k]</c>, its rounding error at
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
        var z = t - s;
        lo[k] += (s - (t - z)) + (x - z);
        hi[k] = t;
    }

    /// <summary>Adds x to the compensated scalar pair (hi, lo).</summary>
    public static void Add(ref double hi, ref double lo, double x)
    {
        var t = hi + x;
        var z = t - hi;
        lo += (hi - (t - z)) + (x - z);
        hi = t;
    }
}
