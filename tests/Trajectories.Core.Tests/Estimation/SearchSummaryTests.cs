using Trajectories.Core.Estimation;
using Trajectories.Core.Results;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

/// <summary>What the global search reports about itself, and the replication rule it enforces.</summary>
public class SearchSummaryTests
{
    private static string To2(string name) => Path.Combine(TestData.TorontoFolder(), name);

    private static void Consistent(TrajectoryFit fit)
    {
        var s = fit.Search;
        Assert.InRange(s.AtBest, 1, s.RunToConvergence);
        Assert.InRange(s.Replications, 0, s.AtBest);
        Assert.Equal(s.Replications >= s.RequiredReplications, s.Replicated);
        Assert.True(MultiStartSearch.SameOptimum(s.Optima[0].LogLikelihood, fit.LogLikelihood), $"{s.Optima[0].LogLikelihood} vs {fit.LogLikelihood}");
        Assert.Equal(s.AtBest, s.Optima[0].Runs);
        Assert.True(s.Optima.Sum(o => o.Runs) <= s.RunToConvergence);
        for (var k = 1; k < s.Optima.Count; k++)
        {
            Assert.True(s.Optima[k].LogLikelihood < s.Optima[k - 1].LogLikelihood);
            Assert.False(MultiStartSearch.SameOptimum(s.Optima[k].LogLikelihood, s.Optima[k - 1].LogLikelihood));
        }
    }

    [Fact]
    public void ZipWithAnInflationTrendReachesTheOptimumThatFlatInflationStartsMissed()
    {
        // The case: to2 with exposure, ZIP K = 2, cubic, linear inflation. Twenty starts from flat inflation
        // stopped at −8 032.52; the optimum (−7 991.54) has π ≈ 1 at age 9 and ≈ 0 after 20 in one group.
        var panel = TestData.ReadWide(To2("to2.csv"), To2("to2risk.csv"));
        var fit = TrajectoryEstimator.Fit(panel, ModelSpecification.Zip(2, [3], [1]), new FitOptions());
        Assert.Equal(-7991.536, fit.LogLikelihood, 3);
        Assert.True(fit.Search.Replicated);
        Assert.DoesNotContain(fit.Warnings, w => w.Contains("replicated", StringComparison.Ordinal));
        Consistent(fit);
    }

    [Fact]
    public void AnUnreplicatedBestKeepsAddingRoundsWithinTheBudgetAndSaysSo()
    {
        var panel = Models.Messy(1200, 41, exposure: false);
        var options = new FitOptions { Starts = 8, Replications = 50, MaxStarts = 24, Seed = 2 };
        var fit = TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(3, 2), options);
        Assert.Equal(3, fit.Search.Rounds);
        Assert.Equal(24, fit.Search.Starts);
        Assert.False(fit.Search.Replicated);
        Assert.Equal(50, fit.Search.RequiredReplications);
        Assert.Contains(fit.Warnings, w => w.Contains("independent start", StringComparison.Ordinal) && w.Contains("24 starts tried", StringComparison.Ordinal));
        Consistent(fit);
    }

    [Fact]
    public void AReplicatedBestStopsAfterOneRoundOnASmoothLikelihood()
    {
        // Two well-separated planted groups: every start ends at the same optimum.
        var panel = new SimulationSpec([0.6, 0.4], [[-1.5, 0.3, -0.8], [0.5, -0.2, -0.6]], [[], []], Models.Ages) { MinWindow = 8 }
            .Simulate(2000, 7, out _);
        var fit = TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(2, 2), new FitOptions { Starts = 12, Seed = 4 });
        Assert.Equal(1, fit.Search.Rounds);
        Assert.Equal(12, fit.Search.Starts);
        Assert.True(fit.Search.Replications >= 2);
        Assert.Single(fit.Search.Optima);
        Assert.Empty(fit.Search.Discarded);
        Consistent(fit);
    }

    [Fact]
    public void OneGroupWithoutInflationIsOneStartOfAConcaveLikelihood()
    {
        var panel = Models.Messy(500, 42, exposure: true);
        var fit = TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(1, 2), new FitOptions());
        Assert.Equal(1, fit.Search.Starts);
        Assert.Equal(1, fit.Search.RequiredReplications);
        Assert.True(fit.Search.Replicated);
        Consistent(fit);
    }

    [Fact]
    public void SearchIsDeterministicAcrossThreadCounts()
    {
        var panel = TestData.ReadWide(To2("to2.csv"), To2("to2risk.csv"));
        var spec = ModelSpecification.Zip(3, [2], [1]);
        var one = TrajectoryEstimator.Fit(panel, spec, new FitOptions { Threads = 1, Seed = 9 });
        var two = TrajectoryEstimator.Fit(panel, spec, new FitOptions { Threads = 2, Seed = 9 });
        Assert.Equal(one.LogLikelihood, two.LogLikelihood);
        Assert.Equal(one.Parameters, two.Parameters);
        Assert.Equal(one.Search, two.Search with { Optima = one.Search.Optima, Discarded = one.Search.Discarded });
        Assert.Equal(one.Search.Optima, two.Search.Optima);
        Assert.Equal(one.Search.Discarded, two.Search.Discarded);
    }
}
