using Trajectories.Core.Numerics;

namespace Trajectories.Core.Estimation;

/// <summary>
/// The covariance of the estimates (inverse observed information), also when a group's second predictor sits at its
/// boundary: a ZIP group's inflation logit runs to −∞ (data without excess zeros in that group), an NB group's log
/// dispersion runs to −∞ (no overdispersion). Its block of the information is then (numerically) zero and the full
/// matrix cannot be inverted, which would cost every standard error.
/// The usual remedy (as for any parameter on the boundary of its space) is to hold the boundary parameters fixed and
/// invert the information of the others: their standard errors are then conditional on the boundary value, and the
/// boundary parameters themselves have none.
/// </summary>
internal static class BoundaryCovariance
{
    /// <summary>
    /// Σ = (−H)⁻¹; when −H is not positive definite, the same with the second-predictor blocks of boundary groups held
    /// fixed (their rows and columns are 0, so delta-method bands treat them as known). Null when neither works.
    /// </summary>
    /// <param name="hessian">Hessian of the log-likelihood, n × n row-major.</param>
    /// <param name="layout">Where each group's parameters are.</param>
    /// <param name="boundary">The family's boundary of ζ (<see cref="Families.SecondaryPredictor.Boundary"/>; −∞ for none).</param>
    /// <param name="zeta">Second predictors per group × time (the model's group tables).</param>
    /// <param name="times">Number of time points.</param>
    /// <param name="fixedGroups">1-based groups whose second predictor was held fixed (empty when none).</param>
    public static double[]? Compute(double[] hessian, ParameterLayout layout, double boundary, ReadOnlySpan<double> zeta, int times, out IReadOnlyList<int> fixedGroups)
    {
        var n = layout.Total;
        fixedGroups = [];
        var full = Invert(hessian, n, Enumerable.Range(0, n).ToArray());
        if (full is not null)
        {
            return full;
        }

        var atBoundary = new List<int>();
        var keep = new List<int>();
        for (var g = 0; g < layout.Groups; g++)
        {
            if (layout.SecondaryOrders[g] >= 0 && Max(zeta.Slice(g * times, times)) < boundary)
            {
                atBoundary.Add(g + 1);
            }
        }

        if (atBoundary.Count == 0)
        {
            return null;
        }

        var held = new HashSet<int>();
        foreach (var g in atBoundary)
        {
            for (var j = 0; j <= layout.SecondaryOrders[g - 1]; j++)
            {
                held.Add(layout.GammaOffset[g - 1] + j);
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (!held.Contains(i))
            {
                keep.Add(i);
            }
        }

        var reduced = Invert(hessian, n, keep.ToArray());
        if (reduced is null)
        {
            return null;
        }

        var cov = new double[n * n];
        for (var a = 0; a < keep.Count; a++)
        {
            for (var b = 0; b < keep.Count; b++)
            {
                cov[(keep[a] * n) + keep[b]] = reduced[(a * keep.Count) + b];
            }
        }

        fixedGroups = atBoundary;
        return cov;
    }

    /// <summary>Inverse of the information (−H) restricted to <paramref name="index"/>, or null if not positive definite.</summary>
    private static double[]? Invert(double[] hessian, int n, int[] index)
    {
        var m = index.Length;
        var info = new double[m * m];
        for (var a = 0; a < m; a++)
        {
            for (var b = 0; b < m; b++)
            {
                info[(a * m) + b] = -hessian[(index[a] * n) + index[b]];
            }
        }

        var inverse = Cholesky.Inverse(info, m);
        return inverse is not null && inverse.All(double.IsFinite) ? inverse : null;
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
