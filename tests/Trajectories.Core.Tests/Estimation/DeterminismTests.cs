using Trajectories.Core.Estimation;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

public class DeterminismTests
{
    [Fact]
    public void OneAndFourThreadsGiveBitIdenticalFits()
    {
        // 4500 persons, gaps and exposure: several E-step chunks (2048 rows each).
        var panel = Models.Messy(4500, 31);
        var options = new FitOptions { Starts = 4, Finalists = 2, Seed = 12 };
        var one = TrajectoryEstimator.Fit(panel, Models.MessyZip, options with { Threads = 1 });
        var four = TrajectoryEstimator.Fit(panel, Models.MessyZip, options with { Threads = 4 });
        Assert.Equal(one.LogLikelihood, four.LogLikelihood);
        Assert.Equal(one.Parameters, four.Parameters);
        Assert.Equal(one.Covariance, four.Covariance);
        Assert.Equal(one.Iterations, four.Iterations);
    }

    [Fact]
    public void CompressedAndUncompressedFitsAgree()
    {
        var sim = new SimulationSpec([0.6, 0.4], [[-2.5, 0.5], [-0.8, -0.5]], [[], []], Models.Ages) { MinWindow = 12 };
        var panel = sim.Simulate(1500, 17, out _);
        var options = new FitOptions { Starts = 4, Finalists = 2, Seed = 2 };
        var compressed = TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(2, 1), options);
        var plain = TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(2, 1), options with { CompressPatterns = false });
        Assert.True(compressed.PatternCount < plain.PatternCount);
        Assert.Equal(plain.LogLikelihood, compressed.LogLikelihood, 6);
        for (var k = 0; k < plain.Parameters.Count; k++)
        {
            Assert.Equal(plain.Parameters[k], compressed.Parameters[k], 4);
        }

        Assert.Equal(plain.Posteriors.Probability(10, 1), compressed.Posteriors.Probability(10, 1), 5);
    }
}
