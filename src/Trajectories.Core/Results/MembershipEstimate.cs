using Trajectories.Core.Numerics;

namespace Trajectories.Core.Results;

/// <summary>One coefficient of the membership model: group g against the reference group, for one covariate.</summary>
/// <param name="Group">The group (1-based, canonical order).</param>
/// <param name="Covariate">The covariate's name; "intercept" for the constant.</param>
/// <param name="Estimate">The log-odds coefficient of group g against the reference.</param>
/// <param name="Se">Its standard error (null when the information matrix is singular).</param>
/// <param name="Z">Estimate / Se.</param>
/// <param name="P">Two-sided p-value of the Wald z test.</param>
/// <param name="OddsRatio">e^Estimate: the odds of g over the reference per unit of the covariate (null for the intercept).</param>
public sealed record MembershipCoefficient(int Group, string Covariate, double Estimate, double? Se, double? Z, double? P, double? OddsRatio);

/// <summary>The joint Wald test that a covariate has no effect on membership in any group (K − 1 degrees of freedom).</summary>
/// <param name="Covariate">The covariate's name.</param>
/// <param name="Chi2">The Wald statistic (null when the information matrix is singular).</param>
/// <param name="Df">Degrees of freedom (K − 1).</param>
/// <param name="P">Its upper-tail χ² p-value.</param>
public sealed record CovariateTest(string Covariate, double? Chi2, int Df, double? P);

/// <summary>
/// The average effect of one unit of a covariate on a group's share: the person average of
/// ∂π_ig/∂x_k = π_ig(θ_gk − Σ_h π_ih θ_hk) (for a 0/1 covariate, close to the difference in shares it makes).
/// </summary>
/// <param name="Group">The group (1-based).</param>
/// <param name="Covariate">The covariate's name.</param>
/// <param name="Effect">The average change of the group's probability per unit of the covariate.</param>
public sealed record ShareEffect(int Group, string Covariate, double Effect);

/// <summary>
/// The membership model of a fit with risk factors (PROC TRAJ's RISK): coefficients against a reference group with
/// standard errors, z tests and odds ratios, a joint Wald test per covariate, and the covariates' average effects on
/// the group shares.
/// </summary>
/// <param name="Covariates">The risk factors' names.</param>
/// <param name="ReferenceGroup">The group the coefficients are relative to (1-based).</param>
/// <param name="Coefficients">Per non-reference group: the intercept and each covariate.</param>
/// <param name="Tests">One joint Wald test per covariate (not reference-dependent).</param>
/// <param name="ShareEffects">Per group and covariate (not reference-dependent).</param>
public sealed record MembershipEstimate(
    IReadOnlyList<string> Covariates,
    int ReferenceGroup,
    IReadOnlyList<MembershipCoefficient> Coefficients,
    IReadOnlyList<CovariateTest> Tests,
    IReadOnlyList<ShareEffect> ShareEffects)
{
    /// <summary>Name of the constant in <see cref="MembershipCoefficient.Covariate"/>.</summary>
    public const string Intercept = "intercept";

    /// <summary>
    /// The coefficients of θ (group 1 the reference, blocks of 1 + covariates per group 2…K) re-expressed against
    /// <paramref name="reference"/>: b_g = θ_g − θ_ref, with Var(b_g) = V_gg + V_rr − 2V_gr from the covariance
    /// <paramref name="covariance"/> of the full ψ (n × n, θ first); and the joint Wald tests.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The reference is not a group.</exception>
    public static (IReadOnlyList<MembershipCoefficient> Coefficients, IReadOnlyList<CovariateTest> Tests) Relative(
        IReadOnlyList<double> theta, IReadOnlyList<double>? covariance, int n, IReadOnlyList<string> covariates, int groups, int reference)
    {
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(covariates);
        if (reference < 1 || reference > groups)
        {
            throw new ArgumentOutOfRangeException(nameof(reference), $"the reference group {reference} is not one of the {groups} groups.");
        }

        var width = covariates.Count + 1;
        var names = new[] { Intercept }.Concat(covariates).ToArray();
        int Index(int g, int k) => g == 1 ? -1 : ((g - 2) * width) + k;
        double Theta(int g, int k) => g == 1 ? 0.0 : theta[Index(g, k)];
        double Cov(int g, int k, int h, int l) =>
            g == 1 || h == 1 || covariance is null ? 0.0 : covariance[(Index(g, k) * n) + Index(h, l)];
        double CovDiff(int g, int k, int h, int l) =>
            Cov(g, k, h, l) - Cov(g, k, reference, l) - Cov(reference, k, h, l) + Cov(reference, k, reference, l);

        var others = Enumerable.Range(1, groups).Where(g => g != reference).ToArray();
        var coefficients = new List<MembershipCoefficient>();
        foreach (var g in others)
        {
            for (var k = 0; k < width; k++)
            {
                var b = Theta(g, k) - Theta(reference, k);
                var variance = CovDiff(g, k, g, k);
                double? se = covariance is not null && variance > 0 ? Math.Sqrt(variance) : null;
                double? z = se is { } s ? b / s : null;
                double? p = z is { } zz ? 2 * NormalDistribution.Cdf(-Math.Abs(zz)) : null;
                coefficients.Add(new MembershipCoefficient(g, names[k], b, se, z, p, k == 0 ? null : Math.Exp(b)));
            }
        }

        var tests = new List<CovariateTest>();
        for (var k = 1; k < width; k++)
        {
            var m = others.Length;
            var b = others.Select(g => Theta(g, k) - Theta(reference, k)).ToArray();
            double? chi2 = null, pValue = null;
            if (covariance is not null)
            {
                var c = new double[m * m];
                for (var a = 0; a < m; a++)
                {
                    for (var d = 0; d < m; d++)
                    {
                        c[(a * m) + d] = CovDiff(others[a], k, others[d], k);
                    }
                }

                if (Cholesky.Inverse(c, m) is { } inverse)
                {
                    var w = 0.0;
                    for (var a = 0; a < m; a++)
                    {
                        for (var d = 0; d < m; d++)
                        {
                            w += b[a] * inverse[(a * m) + d] * b[d];
                        }
                    }

                    chi2 = w;
                    pValue = MathNet.Numerics.SpecialFunctions.GammaUpperRegularized(m / 2.0, w / 2.0);
                }
            }

            tests.Add(new CovariateTest(names[k], chi2, m, pValue));
        }

        return (coefficients, tests);
    }
}
