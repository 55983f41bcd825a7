using Trajectories.Analysis.Statistics;

namespace Trajectories.Analysis.Tests.Statistics;

public class MeanCountComparisonTests
{
    [Fact]
    public void Bundles_means_quasi_Poisson_ratio_and_rank_test()
    {
        double[] x = [1, 1, 2, 3, 3, 3, 4, 5, 7, 1, 2, 2, 6];
        double[] y = [1, 1, 1, 2, 2, 3, 1, 4, 1, 2];
        var c = MeanCountComparison.Compute(x, y);
        Assert.Equal(13, c.N1);
        Assert.Equal(x.Average(), c.Mean1, 14);
        Assert.Equal(y.Average(), c.Mean2, 14);
        // R values as in RankTestsTests / RateRatioTestsTests (reference/references.R).
        Close.Rel(0.089333124515053791, c.PValue);
        Close.Rel(0.066070711979155844, c.RatioOfMeans.PValue);
        Assert.Equal(c.Mean1 / c.Mean2, c.RatioOfMeans.Estimate!.Value, 12);
    }
}
