using Trajectories.Core.Families;

namespace Trajectories.Core.Results;

/// <summary>The estimated coefficients of one linear predictor of one group, under the family's own name.</summary>
/// <param name="Predictor">What the predictor is (name, key, link), as the family declares it.</param>
/// <param name="Order">Its polynomial order in scaled time (0 for a constant).</param>
/// <param name="Coefficients">Its coefficients on scaled time, constant first.</param>
/// <param name="Se">Their standard errors (null entries when not estimable).</param>
public sealed record PredictorEstimate(Predictor Predictor, int Order, IReadOnlyList<double> Coefficients, IReadOnlyList<double?> Se)
{
    /// <summary>
    /// For a constant predictor on the log scale (a dispersion, a σ), the value on its natural scale, e^γ; null otherwise.
    /// </summary>
    public double? Natural => Order == 0 && Predictor.Link == PredictorLink.Log ? Math.Exp(Coefficients[0]) : null;

    /// <summary>The delta-method standard error of <see cref="Natural"/>, e^γ·se(γ); null when either is unavailable.</summary>
    public double? NaturalSe => Natural is { } v && Se[0] is { } se ? v * se : null;
}

/// <summary>A group's coefficient of one time-varying covariate (PROC TRAJ's TCOV), on the trajectory's link scale.</summary>
/// <param name="Name">The covariate.</param>
/// <param name="Estimate">Its coefficient δ in the group's trajectory predictor.</param>
/// <param name="Se">Its standard error (null when not estimable).</param>
public sealed record CovariateEffect(string Name, double Estimate, double? Se);

/// <summary>One group of a fitted model, in canonical order (ascending mean predicted outcome over its support).</summary>
/// <param name="Index">1-based group number.</param>
/// <param name="Share">Estimated share π_g.</param>
/// <param name="ShareSe">Delta-method standard error of π_g; null when the information matrix is singular.</param>
/// <param name="AssignedShare">Share of persons whose modal (maximum-posterior) group is g.</param>
/// <param name="AvePP">Mean posterior of g among persons assigned to g (Nagin 2005 §5.5.1); null when nobody is assigned.</param>
/// <param name="Occ">Odds of correct classification (AvePP/(1−AvePP)) / (π/(1−π)); null when undefined (AvePP = 1, π = 1 or nobody assigned).</param>
/// <param name="Trajectory">The trajectory predictor η (log rate, logit, mean).</param>
/// <param name="Secondary">The second predictor ζ (zero inflation, dispersion, σ), or null when the group has none.</param>
/// <param name="InflationOrder">PROC TRAJ's IORDER of the group (−1 when it has no zero inflation, and for families without it).</param>
/// <param name="ExpectedSize">Σ posterior: the expected number of persons in the group.</param>
/// <param name="TimeCovariates">The group's coefficients of the time-varying covariates (empty without TCOV).</param>
/// <param name="Degenerate">Whether the group is empty or its predictors ran off (see <see cref="Estimation.StopReason.DegenerateGroup"/>).</param>
public sealed record GroupEstimate(
    int Index,
    double Share,
    double? ShareSe,
    double AssignedShare,
    double? AvePP,
    double? Occ,
    PredictorEstimate Trajectory,
    PredictorEstimate? Secondary,
    int InflationOrder,
    double ExpectedSize,
    bool Degenerate,
    IReadOnlyList<CovariateEffect> TimeCovariates)
{
    /// <summary>Polynomial order of the trajectory.</summary>
    public int Order => Trajectory.Order;

    /// <summary>Trajectory coefficients on scaled time, constant first (log rate for counts).</summary>
    public IReadOnlyList<double> Beta => Trajectory.Coefficients;

    /// <summary>Their standard errors.</summary>
    public IReadOnlyList<double?> BetaSe => Trajectory.Se;

    /// <summary>Zero-inflation logit coefficients (empty without zero inflation).</summary>
    public IReadOnlyList<double> Inflation => InflationOrder >= 0 && Secondary is { } s ? s.Coefficients : [];

    /// <summary>Their standard errors.</summary>
    public IReadOnlyList<double?> InflationSe => InflationOrder >= 0 && Secondary is { } s ? s.Se : [];
}
