namespace Trajectories.Analysis.Statistics;

/// <summary>
/// Comparison of the mean number of times victimised, among victims only (figure A3: 3.1 vs 2.5 vs 2.0), between two
/// groups. Which test where: the p-value reported is the Wilcoxon rank-sum test (<see cref="RankTest"/>), because
/// counts among victims are zero-truncated (≥ 1), skewed and heavily tied, so a distribution-free test is the safe
/// choice; the effect size is the ratio of means with a quasi-Poisson interval (<see cref="RatioOfMeans"/>), whose
/// dispersion factor absorbs the non-Poisson variance of truncated counts. For k &gt; 2 groups (the four profiles)
/// use <see cref="RankTests.KruskalWallis"/>.
/// </summary>
/// <param name="N1">Victims in group 1.</param>
/// <param name="Mean1">Mean count in group 1.</param>
/// <param name="N2">Victims in group 2 (the reference).</param>
/// <param name="Mean2">Mean count in group 2.</param>
/// <param name="RatioOfMeans">Quasi-Poisson ratio Mean1/Mean2 with interval and Wald-t p-value.</param>
/// <param name="RankTest">Wilcoxon rank-sum test (normal approximation, tie- and continuity-corrected).</param>
public sealed record MeanCountComparison(
    int N1,
    double Mean1,
    int N2,
    double Mean2,
    TestResult RatioOfMeans,
    TestResult RankTest)
{
    /// <summary>The p-value to publish (the rank test's, see the type's remarks).</summary>
    public double PValue => RankTest.PValue;

    /// <summary>Compares counts <paramref name="y1"/> with the reference counts <paramref name="y2"/>.</summary>
    public static MeanCountComparison Compute(ReadOnlySpan<double> y1, ReadOnlySpan<double> y2, double level = 0.95)
    {
        var ratio = RateRatioTests.QuasiPoisson(y1, y2, level);
        return new MeanCountComparison(
            y1.Length,
            Mean(y1),
            y2.Length,
            Mean(y2),
            ratio,
            RankTests.MannWhitney(y1, y2));
    }

    private static double Mean(ReadOnlySpan<double> y)
    {
        double s = 0;
        foreach (var v in y)
        {
            s += v;
        }

        return s / y.Length;
    }
}
