using MathNet.Numerics.LinearAlgebra;
using Trajectories.Core.Results;

namespace Trajectories.Analysis.Comparisons;

/// <summary>
/// Profile means of a person-level outcome under three treatments of classification uncertainty: modal assignment
/// (the study's), posterior-probability weighting, and the bias-corrected BCH estimate (Bolck, Croon &amp; Hagenaars
/// 2004; Vermunt 2010).
/// </summary>
/// <remarks>
/// Modal assignment attenuates profile differences: some offenders of each true group sit in another modal class.
/// Posterior weighting attenuates too, since the outcome does not enter the posteriors. BCH undoes the mixing:
/// with D_sk = Σ_i p_is·1[modal_i = k] / Σ_i p_is (the probability that a member of true group s is assigned k),
/// E[Σ_{i: modal k} y_i] = Σ_s N π_s μ_s D_sk, so the group totals are recovered with D⁻¹: each person gets weight
/// w_is = (D⁻¹)_{modal_i, s} and μ_s = Σ_i w_is y_i / Σ_i w_is. The weights can be negative, so a corrected
/// proportion can leave [0, 1] in small samples; it is reported as computed (null when D is singular).
/// </remarks>
public static class ClassificationCorrection
{
    /// <summary>The classification error matrix D (rows: true group s, columns: modal group k), over the persons included.</summary>
    public static double[,] ErrorMatrix(PosteriorTable posteriors, Func<int, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(posteriors);
        var k = posteriors.Groups;
        var d = new double[k, k];
        var mass = new double[k];
        for (var i = 0; i < posteriors.Count; i++)
        {
            if (include is not null && !include(i))
            {
                continue;
            }

            var modal = posteriors.ModalGroup(i) - 1;
            var row = posteriors.Row(i);
            for (var s = 0; s < k; s++)
            {
                d[s, modal] += row[s];
                mass[s] += row[s];
            }
        }

        for (var s = 0; s < k; s++)
        {
            for (var c = 0; c < k; c++)
            {
                d[s, c] = mass[s] > 0 ? d[s, c] / mass[s] : double.NaN;
            }
        }

        return d;
    }

    /// <summary>Mean of <paramref name="y"/> per modal group (index g − 1); NaN for an empty group.</summary>
    public static double[] Modal(PosteriorTable posteriors, Func<int, double> y, Func<int, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(posteriors);
        ArgumentNullException.ThrowIfNull(y);
        return ClassEstimate.Of(posteriors.Count, posteriors.Groups, y, include, (i, s) => posteriors.ModalGroup(i) - 1 == s ? 1.0 : 0.0).Mean;
    }

    /// <summary>Posterior-probability-weighted mean per group: each person counts in group s with weight p_is.</summary>
    public static double[] PosteriorWeighted(PosteriorTable posteriors, Func<int, double> y, Func<int, bool>? include = null) =>
        PosteriorWeightedEstimate(posteriors, y, include).Mean;

    /// <summary>Posterior-weighted means with their sandwich covariance (see <see cref="ClassEstimate"/>).</summary>
    public static ClassEstimate PosteriorWeightedEstimate(PosteriorTable posteriors, Func<int, double> y, Func<int, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(posteriors);
        ArgumentNullException.ThrowIfNull(y);
        return ClassEstimate.Of(posteriors.Count, posteriors.Groups, y, include, (i, s) => posteriors.Probability(i, s + 1));
    }

    /// <summary>BCH-corrected means with their sandwich covariance; null when D cannot be inverted.</summary>
    public static ClassEstimate? BchEstimate(PosteriorTable posteriors, Func<int, double> y, Func<int, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(posteriors);
        ArgumentNullException.ThrowIfNull(y);
        return BchWeights(posteriors, include) is { } inverse
            ? ClassEstimate.Of(posteriors.Count, posteriors.Groups, y, include, (i, s) => inverse[posteriors.ModalGroup(i) - 1, s])
            : null;
    }

    /// <summary>Expected group sizes Σ_i p_is over the persons included.</summary>
    public static double[] ExpectedSizes(PosteriorTable posteriors, Func<int, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(posteriors);
        var sizes = new double[posteriors.Groups];
        for (var i = 0; i < posteriors.Count; i++)
        {
            if (include is null || include(i))
            {
                for (var s = 0; s < sizes.Length; s++)
                {
                    sizes[s] += posteriors.Probability(i, s + 1);
                }
            }
        }

        return sizes;
    }

    /// <summary>The BCH-corrected mean per group; all NaN when D cannot be inverted.</summary>
    public static double[] Bch(PosteriorTable posteriors, Func<int, double> y, Func<int, bool>? include = null) =>
        BchEstimate(posteriors, y, include)?.Mean ?? Enumerable.Repeat(double.NaN, posteriors.Groups).ToArray();

    // (D⁻¹): row = modal group, column = true group; null when D is not finite or (nearly) singular.
    private static Matrix<double>? BchWeights(PosteriorTable posteriors, Func<int, bool>? include)
    {
        var d = Matrix<double>.Build.DenseOfArray(ErrorMatrix(posteriors, include));
        return d.Enumerate().Any(v => !double.IsFinite(v)) || Math.Abs(d.Determinant()) < 1e-12 ? null : d.Inverse();
    }
}
