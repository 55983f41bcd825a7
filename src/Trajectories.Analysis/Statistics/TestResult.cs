namespace Trajectories.Analysis.Statistics;

/// <summary>
/// The immutable outcome of a hypothesis test, in the style of statsmodels' result bunches
/// (<c>statistic</c>, <c>pvalue</c>, estimate, interval, method): tests are pure functions that return one.
/// </summary>
/// <param name="Method">Human-readable name of the test actually used (e.g. "Fisher's exact test (two-sided)").</param>
/// <param name="Statistic">The test statistic (chi-square, z, U, H, the observed cell …; see <paramref name="Method"/>).</param>
/// <param name="PValue">Two-sided p-value unless the method says otherwise.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom for chi-square or t reference distributions; null otherwise.</param>
/// <param name="Estimate">The effect estimate the test is about (odds ratio, rate ratio …), when there is one.</param>
/// <param name="Ci">Confidence interval for <paramref name="Estimate"/>, when there is one.</param>
/// <param name="Notes">Caveats a reader needs: corrections applied, approximations, seeds.</param>
public sealed record TestResult(
    string Method,
    double Statistic,
    double PValue,
    double? DegreesOfFreedom = null,
    double? Estimate = null,
    ConfidenceInterval? Ci = null,
    IReadOnlyList<string>? Notes = null)
{
    /// <summary>Caveats a reader needs (never null; empty when there are none).</summary>
    public IReadOnlyList<string> Notes { get; init; } = Notes ?? [];
}
