using Trajectories.Core.Basis;
using Trajectories.Core.Estimation;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

public class StandardErrorTests
{
    [Fact]
    public void OneGroupPoissonMatchesTheGlmInformation()
    {
        // K = 1 is a Poisson GLM: Var(β) = (Σ_obs λ_t x_t x_tᵀ)⁻¹ at the MLE.
        var sim = new SimulationSpec([1.0], [[0.2, -0.4]], [[]], Models.Ages) { MinWindow = 6 };
        var panel = sim.Simulate(500, 3, out _);
        var fit = TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(1, 1), new FitOptions { Starts = 1 });
        var scale = TimeScale.FromGrid(panel.Times);
        double i00 = 0, i01 = 0, i11 = 0;
        for (var k = 0; k < panel.ObservationCount; k++)
        {
            var u = scale.Apply(panel.Times[panel.TimeIndex[k]]);
            var lambda = Math.Exp(fit.Groups[0].Beta[0] + (fit.Groups[0].Beta[1] * u));
            i00 += lambda;
            i01 += lambda * u;
            i11 += lambda * u * u;
        }

        var det = (i00 * i11) - (i01 * i01);
        Assert.Equal(Math.Sqrt(i11 / det), fit.Groups[0].BetaSe[0]!.Value, 5);
        Assert.Equal(Math.Sqrt(i00 / det), fit.Groups[0].BetaSe[1]!.Value, 5);
        Assert.Equal(0.0, fit.Groups[0].ShareSe);
    }

    [Fact]
    public void WellSeparatedSharesHaveBinomialStandardErrors()
    {
        // Perfectly separable groups: the share estimate is a binomial proportion, se ≈ √(π(1−π)/n).
        var sim = new SimulationSpec([0.7, 0.3], [[-4.0], [1.5]], [[], []], Models.Ages);
        var panel = sim.Simulate(1000, 8, out var truth);
        var fit = TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(2, 0), new FitOptions { Starts = 4 });
        var share = truth.Count(g => g == 1) / 1000.0;
        Assert.Equal(share, fit.Groups[1].Share, 3);
        var expected = Math.Sqrt(share * (1 - share) / 1000);
        Assert.Equal(expected, fit.Groups[1].ShareSe!.Value, 3);
        Assert.Equal(fit.Groups[0].ShareSe!.Value, fit.Groups[1].ShareSe!.Value, 10);
    }
}
