using Trajectories.Core.Basis;
using Trajectories.Core.Estimation;

namespace Trajectories.Core.Results;

/// <summary>
/// A fitted group-based trajectory model: the numbers behind model.json, posteriors.csv and trajectories.csv
/// (docs/INTERFACES §3). Immutable; separate from the <see cref="ModelSpecification"/> and <see cref="FitOptions"/>.
/// </summary>
public sealed record TrajectoryFit
{
    /// <summary>The model that was fitted.</summary>
    public required ModelSpecification Model { get; init; }

    /// <summary>Family name ("poisson", "zip").</summary>
    public string Family => Model.Family.Name;

    /// <summary>Number of persons with at least one observation (the n of <see cref="BicPersons"/>).</summary>
    public required int PersonCount { get; init; }

    /// <summary>Number of observed person-times (the n of <see cref="BicObservations"/>).</summary>
    public required int ObservationCount { get; init; }

    /// <summary>Number of distinct patterns the data compressed to.</summary>
    public required int PatternCount { get; init; }

    /// <summary>Number of free parameters k.</summary>
    public int ParameterCount => Model.ParameterCount;

    /// <summary>The full log-likelihood, including −log y!.</summary>
    public required double LogLikelihood { get; init; }

    /// <summary>−2LL + k ln(persons).</summary>
    public double BicPersons => (-2 * LogLikelihood) + (ParameterCount * Math.Log(PersonCount));

    /// <summary>−2LL + k ln(observations).</summary>
    public double BicObservations => (-2 * LogLikelihood) + (ParameterCount * Math.Log(ObservationCount));

    /// <summary>−2LL + 2k.</summary>
    public double Aic => (-2 * LogLikelihood) + (2 * ParameterCount);

    /// <summary>Relative entropy 1 − Σ_i Σ_g −p log p / (n ln K), in [0, 1]; 1 for K = 1.</summary>
    public required double Entropy { get; init; }

    /// <summary>Whether the optimum was reached (converged and no degenerate group).</summary>
    public bool Converged => StopReason == StopReason.Converged;

    /// <summary>Why the optimisation stopped.</summary>
    public required StopReason StopReason { get; init; }

    /// <summary>EM plus Newton iterations of the chosen run.</summary>
    public required int Iterations { get; init; }

    /// <summary>What the global search did: starts, runs to convergence, replication of the best, other optima, discards.</summary>
    public required SearchSummary Search { get; init; }

    /// <summary>Number of starting values tried.</summary>
    public int Starts => Search.Starts;

    /// <summary>How many of the runs to convergence reached the best log-likelihood (see <see cref="SearchSummary.AtBest"/>).</summary>
    public int StartsAtBest => Search.AtBest;

    /// <summary>How many starts were run to convergence.</summary>
    public int StartsConverged => Search.RunToConvergence;

    /// <summary>Wall-clock seconds of the fit.</summary>
    public required double Seconds { get; init; }

    /// <summary>The scaled time u = (t − center)/scale the coefficients are expressed on.</summary>
    public required TimeScale TimeScale { get; init; }

    /// <summary>The groups in canonical order.</summary>
    public required IReadOnlyList<GroupEstimate> Groups { get; init; }

    /// <summary>The parameter vector ψ = [θ, β₁, γ₁, …] in canonical group order.</summary>
    public required IReadOnlyList<double> Parameters { get; init; }

    /// <summary>Covariance of ψ (row-major, inverse observed information), or null when the information is singular.</summary>
    public required IReadOnlyList<double>? Covariance { get; init; }

    /// <summary>Posterior probabilities and modal group per person, in original person order.</summary>
    public required PosteriorTable Posteriors { get; init; }

    /// <summary>Predicted and observed trajectory per group × time.</summary>
    public required IReadOnlyList<TrajectoryPoint> Trajectories { get; init; }

    /// <summary>Plain-language notes on anything a reader should know (degenerate groups, singular information, …).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>
    /// The time-varying covariates fixed for the reported trajectories (name → value); the others, and all when this is
    /// empty, are at their persons' mean at each time.
    /// </summary>
    public IReadOnlyDictionary<string, double> ReportedAt { get; init; } = new Dictionary<string, double>();

    /// <summary>The membership model's coefficients and tests when the model has risk factors; null for constant shares.</summary>
    public MembershipEstimate? Membership { get; init; }

    /// <summary>
    /// <see cref="Membership"/> with its coefficients against <paramref name="reference"/> (PROC TRAJ's REFGROUP)
    /// instead of group 1; null for constant shares.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The reference is not a group.</exception>
    public MembershipEstimate? MembershipRelativeTo(int reference)
    {
        if (Membership is null)
        {
            return null;
        }

        var count = (Groups.Count - 1) * (Membership.Covariates.Count + 1);
        var (coefficients, tests) = MembershipEstimate.Relative(
            Parameters.Take(count).ToArray(), Covariance, Parameters.Count, Membership.Covariates, Groups.Count, reference);
        return Membership with { ReferenceGroup = reference, Coefficients = coefficients, Tests = tests };
    }
}
