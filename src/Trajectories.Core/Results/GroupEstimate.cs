namespace Trajectories.Core.Results;

/// <summary>One group of a fitted model, in canonical order (ascending mean predicted count over the grid).</summary>
/// <param name="Index">1-based group number.</param>
/// <param name="Share">Estimated share π_g.</param>
/// <param name="ShareSe">Delta-method standard error of π_g; null when the information matrix is singular.</param>
/// <param name="AssignedShare">Share of persons whose modal (maximum-posterior) group is g.</param>
/// <param name="AvePP">Mean posterior of g among persons assigned to g (Nagin 2005 §5.5.1); null when nobody is assigned.</param>
/// <param name="Occ">Odds of correct classification (AvePP/(1−AvePP)) / (π/(1−π)); null when undefined (AvePP = 1, π = 1 or nobody assigned).</param>
/// <param name="Order">Polynomial order of the log rate.</param>
/// <param name="Beta">Log-rate coefficients on scaled time, constant first.</param>
/// <param name="BetaSe">Their standard errors (null entries when not estimable).</param>
/// <param name="InflationOrder">Zero-inflation order (−1 none).</param>
/// <param name="Inflation">Zero-inflation logit coefficients (empty for −1).</param>
/// <param name="InflationSe">Their standard errors.</param>
/// <param name="ExpectedSize">Σ posterior: the expected number of persons in the group.</param>
/// <param name="Degenerate">Whether the group is empty or its rates collapsed (see <see cref="Estimation.StopReason.DegenerateGroup"/>).</param>
public sealed record GroupEstimate(
    int Index,
    double Share,
    double? ShareSe,
    double AssignedShare,
    double? AvePP,
    double? Occ,
    int Order,
    IReadOnlyList<double> Beta,
    IReadOnlyList<double?> BetaSe,
    int InflationOrder,
    IReadOnlyList<double> Inflation,
    IReadOnlyList<double?> InflationSe,
    double ExpectedSize,
    bool Degenerate);
