using MathNet.Numerics.LinearAlgebra;
using Trajectories.Analysis.Statistics;

namespace Trajectories.Analysis.Comparisons;

/// <summary>
/// Per-group means of an outcome under one treatment of classification uncertainty, with their sandwich covariance
/// (weights held fixed): person i contributes ψ_is = w_is (y_i − μ_s) / Σ_j w_js to group s, and
/// Cov(μ) = Σ_i ψ_i ψ_iᵀ. WHY the full matrix: every person enters every group's weighted (or BCH) mean, so the group
/// estimates are correlated and a test across groups must use their covariance.
/// </summary>
/// <remarks>
/// Holding the weights fixed ignores the sampling error of the posteriors and of the classification error matrix
/// (Vermunt 2010 calls this the "step-3" covariance); a Monte Carlo in the tests shows how close it comes for the
/// study's separation of the groups.
/// </remarks>
/// <param name="Mean">μ_s per group (index g − 1); NaN where the weights sum to zero.</param>
/// <param name="Covariance">The K×K sandwich covariance.</param>
public sealed record ClassEstimate(double[] Mean, double[,] Covariance)
{
    /// <summary>Standard error of group s's mean.</summary>
    public double StandardError(int s) => Math.Sqrt(Covariance[s, s]);

    /// <summary>
    /// Wald test that the groups in <paramref name="groups"/> (0-based) share one mean: the K' − 1 differences from
    /// the first, W = dᵀ (C V Cᵀ)⁻¹ d on K' − 1 degrees of freedom. Null when fewer than two groups or the covariance of
    /// the differences is singular.
    /// </summary>
    public TestResult? EqualityTest(IReadOnlyList<int> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var m = groups.Count - 1;
        if (m < 1 || groups.Any(g => !double.IsFinite(Mean[g])))
        {
            return null;
        }

        var d = Vector<double>.Build.Dense(m, j => Mean[groups[j + 1]] - Mean[groups[0]]);
        var v = Matrix<double>.Build.Dense(m, m, (a, b) =>
            Covariance[groups[a + 1], groups[b + 1]] - Covariance[groups[a + 1], groups[0]] - Covariance[groups[0], groups[b + 1]] + Covariance[groups[0], groups[0]]);
        if (v.Enumerate().Any(x => !double.IsFinite(x)) || v.Determinant() <= 1e-300)
        {
            return null;
        }

        var w = d * v.Inverse() * d;
        return new TestResult("Wald test of equal means (sandwich covariance)", w, Tails.ChiSquareUpper(w, m), m);
    }

    /// <summary>Means and covariance of y under per-person group weights (modal, posterior or BCH).</summary>
    internal static ClassEstimate Of(int count, int groups, Func<int, double> y, Func<int, bool>? include, Func<int, int, double> weight)
    {
        var sum = new double[groups];
        var total = new double[groups];
        for (var i = 0; i < count; i++)
        {
            if (include is not null && !include(i))
            {
                continue;
            }

            var value = y(i);
            for (var s = 0; s < groups; s++)
            {
                var w = weight(i, s);
                sum[s] += w * value;
                total[s] += w;
            }
        }

        var mean = Enumerable.Range(0, groups).Select(s => total[s] != 0 ? sum[s] / total[s] : double.NaN).ToArray();
        var covariance = new double[groups, groups];
        var psi = new double[groups];
        for (var i = 0; i < count; i++)
        {
            if (include is not null && !include(i))
            {
                continue;
            }

            var value = y(i);
            for (var s = 0; s < groups; s++)
            {
                psi[s] = total[s] != 0 ? weight(i, s) * (value - mean[s]) / total[s] : double.NaN;
            }

            for (var a = 0; a < groups; a++)
            {
                for (var b = 0; b < groups; b++)
                {
                    covariance[a, b] += psi[a] * psi[b];
                }
            }
        }

        return new ClassEstimate(mean, covariance);
    }
}
