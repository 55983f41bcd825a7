namespace Trajectories.Core.Basis;

/// <summary>Polynomial design rows 1, u, u², …, u^order in scaled time (see <see cref="TimeScale"/>).</summary>
public static class PolynomialBasis
{
    /// <summary>The highest polynomial order supported (as in PROC TRAJ).</summary>
    public const int MaxOrder = 5;

    /// <summary>Writes the powers u⁰…u^order into <paramref name="row"/> (length order + 1).</summary>
    public static void Fill(double u, int order, Span<double> row)
    {
        var p = 1.0;
        for (var k = 0; k <= order; k++)
        {
            row[k] = p;
            p *= u;
        }
    }

    /// <summary>
    /// The design matrix of one group on the whole time grid, row-major T × (order + 1): the per-time linear
    /// predictor of a group is this matrix times its coefficients, shared by every person observed at that time.
    /// </summary>
    public static double[] Design(IReadOnlyList<double> times, TimeScale scale, int order)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(scale);
        var width = order + 1;
        var x = new double[times.Count * width];
        for (var t = 0; t < times.Count; t++)
        {
            Fill(scale.Apply(times[t]), order, x.AsSpan(t * width, width));
        }

        return x;
    }
}
