namespace Trajectories.Core.Membership;

/// <summary>
/// What a membership model's M-step and gradient read from an E-step: the posteriors row by row (a model with
/// covariates needs them) and their weighted sums per group (all constant shares need). Asked for separately because
/// the posteriors of a sharded E-step are fetched from the shards only when read.
/// </summary>
public interface IMembershipStatistics
{
    /// <summary>Posterior p_ig at index i·G + g.</summary>
    ReadOnlySpan<double> Posteriors { get; }

    /// <summary>Σ_rows weight · posterior of each group.</summary>
    ReadOnlySpan<double> GroupSums { get; }
}
