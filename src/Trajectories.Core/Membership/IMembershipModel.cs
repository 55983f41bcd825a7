namespace Trajectories.Core.Membership;

/// <summary>
/// The group-membership (concomitant) model: prior log-probabilities of each group, as a function of its parameters θ.
/// </summary>
/// <remarks>
/// The driver asks for priors per row (pattern) so that a multinomial logit on person covariates can be added later
/// without touching it; a model whose priors are the same for every row says so with <see cref="IsConstant"/> and is
/// evaluated once per iteration.
/// </remarks>
public interface IMembershipModel
{
    /// <summary>Number of membership parameters for <paramref name="groups"/> groups.</summary>
    int ParameterCount(int groups);

    /// <summary>Whether the priors are the same for every row.</summary>
    bool IsConstant { get; }

    /// <summary>Writes log P(group g | row) for every g into <paramref name="logPriors"/>.</summary>
    void LogPriors(ReadOnlySpan<double> theta, int row, Span<double> logPriors);

    /// <summary>
    /// Adds ∂/∂θ of Σ_row weight · log Σ_g P(g | row) f_g(row) to <paramref name="gradient"/>, given the posteriors
    /// (row-major rows × groups). For a multinomial logit this is Σ_row weight · (posterior − prior) ⊗ covariates.
    /// </summary>
    void AddGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> posteriors, ReadOnlySpan<double> weights, Span<double> gradient);

    /// <summary>The M-step: θ maximising Σ_row weight · Σ_g posterior · log P(g | row), written into <paramref name="theta"/>.</summary>
    void Maximize(ReadOnlySpan<double> posteriors, ReadOnlySpan<double> weights, int groups, Span<double> theta);

    /// <summary>θ giving the group shares <paramref name="shares"/> (for starting values).</summary>
    void FromShares(ReadOnlySpan<double> shares, Span<double> theta);
}
