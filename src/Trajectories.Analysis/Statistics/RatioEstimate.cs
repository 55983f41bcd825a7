namespace Trajectories.Analysis.Statistics;

/// <summary>A ratio measure (risk ratio, odds ratio, rate ratio) with its interval and how it was computed.</summary>
/// <param name="Measure">What is estimated, e.g. "risk ratio".</param>
/// <param name="Estimate">Point estimate; may be 0 or positive infinity when a cell is zero.</param>
/// <param name="Ci">Confidence interval.</param>
/// <param name="Method">Interval method, e.g. "Katz log".</param>
/// <param name="Notes">Corrections applied (e.g. Haldane 0.5 added for the interval only).</param>
public sealed record RatioEstimate(
    string Measure,
    double Estimate,
    ConfidenceInterval Ci,
    string Method,
    IReadOnlyList<string> Notes);
