namespace Trajectories.Analysis.Statistics;

/// <summary>
/// Everything the report needs to compare a percentage between two independent groups (e.g. the LVB rate of
/// offenders against the non-criminal controls): both rates with Wilson intervals, the risk ratio (the figure A1
/// "ratio vs non-criminal"), the odds ratio, and the test chosen as the counts require.
/// </summary>
/// <param name="X1">Events in group 1.</param>
/// <param name="N1">Size of group 1.</param>
/// <param name="X2">Events in group 2 (the reference).</param>
/// <param name="N2">Size of group 2.</param>
/// <param name="Rate1">X1/N1 with its Wilson interval.</param>
/// <param name="Rate2">X2/N2 with its Wilson interval.</param>
/// <param name="RiskRatio">Rate1/Rate2 with the Katz interval.</param>
/// <param name="OddsRatio">Sample odds ratio with the Woolf interval.</param>
/// <param name="Test">The independence test (chi-square or Fisher, per <see cref="ContingencyTests.Independence(TwoByTwo)"/>).</param>
public sealed record TwoProportionComparison(
    long X1,
    long N1,
    long X2,
    long N2,
    ProportionEstimate Rate1,
    ProportionEstimate Rate2,
    RatioEstimate RiskRatio,
    RatioEstimate OddsRatio,
    TestResult Test)
{
    /// <summary>Compares x1 of n1 against x2 of n2 (group 2 is the reference/denominator).</summary>
    public static TwoProportionComparison Compute(long x1, long n1, long x2, long n2, double level = 0.95)
    {
        var t = TwoByTwo.FromProportions(x1, n1, x2, n2);
        return new TwoProportionComparison(
            x1,
            n1,
            x2,
            n2,
            ProportionEstimate.Compute(x1, n1, level),
            ProportionEstimate.Compute(x2, n2, level),
            RatioMeasures.RiskRatio(t, level),
            RatioMeasures.OddsRatio(t, level),
            ContingencyTests.Independence(t));
    }
}
