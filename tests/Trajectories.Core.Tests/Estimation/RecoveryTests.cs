using Trajectories.Core.Estimation;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

/// <summary>Simulate from known parameters, fit, and compare (canonical order is ascending mean count).</summary>
public class RecoveryTests
{
    private static readonly FitOptions Quick = new() { Starts = 8, Finalists = 2, Seed = 3 };

    [Fact]
    public void PoissonTwoGroupsQuadraticUnbalanced()
    {
        var sim = new SimulationSpec([0.7, 0.3], [[-1.5, 0.3, -0.8], [0.5, -0.2, -0.6]], [[], []], Models.Ages) { MinWindow = 8 };
        var fit = TrajectoryEstimator.Fit(sim.Simulate(2000, 1, out _), ModelSpecification.Poisson(2, 2), Quick);
        AssertRecovered(fit, sim, betaTolerance: 0.12, shareTolerance: 0.03);
    }

    [Fact]
    public void PoissonThreeGroupsDifferentOrdersWithExposure()
    {
        var sim = new SimulationSpec(
            [0.5, 0.3, 0.2],
            [[-2.0, 0.0], [-0.5, 0.8, -0.9], [0.8, -0.6, -0.4]],
            [[], [], []],
            Models.Ages)
        { MinWindow = 6, Exposure = true };
        var spec = ModelSpecification.Poisson(3, 1, 2, 2);
        var fit = TrajectoryEstimator.Fit(sim.Simulate(3000, 2, out _), spec, Quick);
        AssertRecovered(fit, sim, betaTolerance: 0.15, shareTolerance: 0.03);
    }

    [Fact]
    public void PoissonFourGroupsLinear()
    {
        var sim = new SimulationSpec(
            [0.4, 0.25, 0.2, 0.15],
            [[-2.5, -0.5], [-0.7, 0.9], [0.3, -1.0], [1.2, 0.2]],
            [[], [], [], []],
            Models.Ages);
        var fit = TrajectoryEstimator.Fit(sim.Simulate(3000, 4, out _), ModelSpecification.Poisson(4, 1), Quick);
        AssertRecovered(fit, sim, betaTolerance: 0.15, shareTolerance: 0.03);
    }

    [Fact]
    public void ZipTwoGroupsWithInflation()
    {
        var sim = new SimulationSpec([0.6, 0.4], [[-0.8, 0.4, -0.6], [0.9, -0.3, -0.5]], [[-0.5], [0.2, 0.8]], Models.Ages) { MinWindow = 10 };
        var fit = TrajectoryEstimator.Fit(sim.Simulate(4000, 5, out _), ModelSpecification.Zip(2, [2], [0, 1]), Quick);
        AssertRecovered(fit, sim, betaTolerance: 0.15, shareTolerance: 0.03);
        Assert.Equal(-0.5, fit.Groups[0].Inflation[0], 0.2);
        Assert.Equal(0.2, fit.Groups[1].Inflation[0], 0.2);
        Assert.Equal(0.8, fit.Groups[1].Inflation[1], 0.3);
        Assert.All(fit.Groups.SelectMany(g => g.InflationSe), se => Assert.True(se is > 0 and < 0.3));
    }

    [Fact]
    public void ZipThreeGroupsDifferentOrdersWithExposureAndGaps()
    {
        var sim = new SimulationSpec(
            [0.5, 0.3, 0.2],
            [[-1.0, -0.6], [0.2, 0.7, -0.8], [1.0, -0.5, -0.5]],
            [[-0.8], [-0.4], [-1.2]],
            Models.Ages)
        { MinWindow = 8, Exposure = true, Gaps = true };
        var fit = TrajectoryEstimator.Fit(sim.Simulate(5000, 6, out _), ModelSpecification.Zip(3, [1, 2, 2], [0]), Quick);
        AssertRecovered(fit, sim, betaTolerance: 0.2, shareTolerance: 0.03);
        for (var g = 0; g < 3; g++)
        {
            Assert.True(Math.Abs(fit.Groups[g].Inflation[0] - sim.Gamma[g][0]) < 0.3, $"group {g + 1} inflation {fit.Groups[g].Inflation[0]}");
        }
    }

    private static void AssertRecovered(Trajectories.Core.Results.TrajectoryFit fit, SimulationSpec sim, double betaTolerance, double shareTolerance)
    {
        Assert.True(fit.Converged, fit.StopReason.ToString());
        Assert.Equal(sim.Shares.Length, fit.Groups.Count);
        for (var g = 0; g < sim.Shares.Length; g++)
        {
            var est = fit.Groups[g];
            Assert.True(Math.Abs(est.Share - sim.Shares[g]) < shareTolerance, $"group {g + 1} share {est.Share} vs {sim.Shares[g]}");
            Assert.True(est.ShareSe is > 0 and < 0.05, $"share se {est.ShareSe}");
            for (var k = 0; k < sim.Beta[g].Length; k++)
            {
                Assert.True(Math.Abs(est.Beta[k] - sim.Beta[g][k]) < betaTolerance, $"group {g + 1} beta{k} {est.Beta[k]} vs {sim.Beta[g][k]}");
                Assert.True(est.BetaSe[k] is > 0 and < 0.2, $"group {g + 1} beta{k} se {est.BetaSe[k]}");
            }

            Assert.True(est.AvePP > 0.7, $"AvePP {est.AvePP}");
        }

        Assert.All(fit.Trajectories, p =>
        {
            Assert.True(double.IsFinite(p.Predicted));
            Assert.True(p.Lower <= p.Predicted && p.Predicted <= p.Upper);
        });
        Assert.InRange(fit.Entropy, 0.0, 1.0);
        Assert.Equal(fit.PersonCount, fit.Posteriors.Count);
    }
}
