using Trajectories.Analysis.Statistics;

namespace Trajectories.Analysis.Tests.Statistics;

public class RankTestsTests
{
    private static readonly double[] X = [1, 1, 2, 3, 3, 3, 4, 5, 7, 1, 2, 2, 6];
    private static readonly double[] Y = [1, 1, 1, 2, 2, 3, 1, 4, 1, 2];
    private static readonly double[] Z = [2, 5, 1, 1, 3, 8, 2];

    [Fact]
    public void Wilcoxon_with_continuity_matches_R()
    {
        // R: wilcox.test(x, y, exact = FALSE, correct = TRUE)  (x, y as in reference/references.R)
        var r = RankTests.MannWhitney(X, Y);
        Assert.Equal(92.0, r.Statistic);
        Close.Rel(0.089333124515053791, r.PValue);
        Assert.Equal(92.0 / (13 * 10), r.Estimate!.Value, 12);
    }

    [Fact]
    public void Wilcoxon_without_continuity_matches_R()
    {
        // R: wilcox.test(x, y, exact = FALSE, correct = FALSE)$p.value
        Close.Rel(0.08345511346235869, RankTests.MannWhitney(X, Y, continuity: false).PValue);
    }

    [Fact]
    public void Kruskal_Wallis_matches_R()
    {
        // R: kruskal.test(list(x, y, z))
        var r = RankTests.KruskalWallis([X, Y, Z]);
        Close.Rel(3.1133633293789522, r.Statistic);
        Close.Rel(0.21083453136744643, r.PValue);
        Assert.Equal(2.0, r.DegreesOfFreedom);
    }

    [Fact]
    public void Kruskal_Wallis_with_two_groups_equals_uncorrected_Wilcoxon()
    {
        // With k = 2, H = z² of the rank-sum test without continuity correction (same tie correction).
        var kw = RankTests.KruskalWallis([X, Y]);
        var w = RankTests.MannWhitney(X, Y, continuity: false);
        Close.Rel(w.PValue, kw.PValue, 1e-10);
    }

    [Fact]
    public void Mid_ranks_and_tie_sum()
    {
        var (ranks, tieSum) = Ranks.MidRanks([3.0, 1.0, 3.0, 2.0, 3.0]);
        Assert.Equal([4.0, 1.0, 4.0, 2.0, 4.0], ranks);
        Assert.Equal(24.0, tieSum);
    }

    [Fact]
    public void All_tied_gives_p_one()
    {
        Assert.Equal(1.0, RankTests.MannWhitney([1.0, 1.0], [1.0, 1.0, 1.0]).PValue);
        Assert.Equal(1.0, RankTests.KruskalWallis([[2.0, 2.0], [2.0], [2.0]]).PValue);
    }
}
