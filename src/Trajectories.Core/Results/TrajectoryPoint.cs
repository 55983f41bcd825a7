namespace Trajectories.Core.Results;

/// <summary>The predicted and observed trajectory of one group at one time point.</summary>
/// <param name="Group">1-based group number.</param>
/// <param name="Time">The time value (e.g. age).</param>
/// <param name="Predicted">Expected count at exposure 1: exp(η) for Poisson, (1−π)·exp(η) for ZIP (capped at double.MaxValue for a degenerate group).</param>
/// <param name="Lower">Lower 95 % limit (null when the information is singular): exp(log μ − 1.96·se(log μ)), se by the delta method on the group's coefficients.</param>
/// <param name="Upper">Upper 95 % limit (the band is symmetric on the log scale, so it stays positive).</param>
/// <param name="ObservedMean">Posterior-weighted mean observed count at this time, Σ p_ig y_it / Σ p_ig over persons observed at t; null when nobody is.</param>
/// <param name="N">Posterior-weighted number of persons observed at t, Σ p_ig (the weight behind <paramref name="ObservedMean"/>).</param>
/// <param name="InSupport">
/// Whether t is in the group's support (<paramref name="N"/> ≥ 0.5): where it is not, <paramref name="Predicted"/> is the
/// polynomial extrapolated beyond the ages of the group's persons, not an estimate from its data.
/// </param>
public sealed record TrajectoryPoint(int Group, double Time, double Predicted, double? Lower, double? Upper, double? ObservedMean, double N, bool InSupport = true);
