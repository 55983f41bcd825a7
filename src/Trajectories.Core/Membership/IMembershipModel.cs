namespace Trajectories.Core.Membership;

/// <summary>
/// The group-membership (concomitant) model bound to the rows of one prepared panel: a multinomial logit of the prior
/// probability of each group on the row's covariates x_i (x_i0 = 1, the intercept), group 1 the reference:
/// log π_ig = θ_g'x_i − log Σ_h exp(θ_h'x_i), θ_1 = 0. θ holds (K − 1)·<see cref="Width"/> values, group g's block at
/// (g − 2)·Width. Constant shares (PROC TRAJ without RISK) are the case Width = 1.
/// </summary>
/// <remarks>
/// The driver, the Hessian, the canonical order, nesting and the share standard errors use only this interface;
/// a model whose priors are the same for every row says so with <see cref="IsConstant"/> and is evaluated once per
/// E-step instead of once per row.
/// </remarks>
public interface IMembershipModel
{
    /// <summary>Covariates per row including the intercept (1 for constant shares).</summary>
    int Width { get; }

    /// <summary>Whether the priors are the same for every row.</summary>
    bool IsConstant { get; }

    /// <summary>Number of membership parameters for <paramref name="groups"/> groups: (groups − 1)·Width.</summary>
    int ParameterCount(int groups);

    /// <summary>The covariates x_i of row <paramref name="row"/>, intercept first.</summary>
    ReadOnlySpan<double> Row(int row);

    /// <summary>Writes log P(group g | row) for every g into <paramref name="logPriors"/>.</summary>
    void LogPriors(ReadOnlySpan<double> theta, int row, Span<double> logPriors);

    /// <summary>
    /// Adds ∂/∂θ of Σ_row weight · log Σ_g P(g | row) f_g(row) to <paramref name="gradient"/>, given an E-step's
    /// <paramref name="statistics"/>: Σ_row weight · (posterior − prior) ⊗ x.
    /// </summary>
    void AddGradient(ReadOnlySpan<double> theta, IMembershipStatistics statistics, ReadOnlySpan<double> weights, Span<double> gradient);

    /// <summary>
    /// Adds the curvature of the membership part, ∂²/∂θ² Σ_row weight · Σ_g p_g log π_g = −Σ_row weight ·
    /// (diag π − ππᵀ) ⊗ xxᵀ (it does not depend on the posteriors), to the θ × θ block of the n × n
    /// <paramref name="hessian"/>.
    /// </summary>
    void AddCurvature(ReadOnlySpan<double> theta, ReadOnlySpan<double> weights, int groups, Span<double> hessian, int n);

    /// <summary>
    /// The M-step: θ maximising Σ_row weight · Σ_g posterior · log P(g | row) for an E-step's
    /// <paramref name="statistics"/>; <paramref name="theta"/> holds the start on entry (ignored where the maximum is in
    /// closed form) and the maximiser on return.
    /// </summary>
    void Maximize(IMembershipStatistics statistics, ReadOnlySpan<double> weights, int groups, Span<double> theta);

    /// <summary>θ giving every row the group shares <paramref name="shares"/> (intercepts only; for starting values).</summary>
    void FromShares(ReadOnlySpan<double> shares, Span<double> theta);

    /// <summary>The shares of the groups among the persons: Σ_row weight · π(row) / Σ weight.</summary>
    double[] Shares(ReadOnlySpan<double> theta, ReadOnlySpan<double> weights, int groups);

    /// <summary>∂ share_g / ∂θ_j (groups × ParameterCount, row-major), for the shares' delta-method standard errors.</summary>
    double[] ShareJacobian(ReadOnlySpan<double> theta, ReadOnlySpan<double> weights, int groups);
}
