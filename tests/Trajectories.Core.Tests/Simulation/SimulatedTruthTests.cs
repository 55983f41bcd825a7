using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;
using Trajectories.Core.Simulation;

namespace Trajectories.Core.Tests.Simulation;

public class SimulatedTruthTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheFitReachesAtLeastTheLikelihoodOfThePlantedParameters(bool zeroInflated)
    {
        var sim = GbtmSimulator.Simulate(GbtmSimulator.StandardDesign(3000, 2, 2, zeroInflated, seed: 5));
        var spec = sim.TrueSpecification();
        var truth = sim.TrueParameters();
        Assert.Equal(spec.ParameterCount, truth.Length);

        var patterns = PatternPanel.Compress(sim.Panel);
        var model = new MixtureLikelihood(new CellLayout(patterns, spec.Family), spec, sim.Panel.Times, sim.Scale, 1);
        var atTruth = model.EStep(truth);
        var fit = TrajectoryEstimator.Fit(sim.Panel, spec, new FitOptions { Starts = 5, Threads = 1 });

        // The MLE can only be better than the truth on the same data; a lower LL means the search missed the optimum.
        Assert.True(fit.LogLikelihood >= atTruth - 1e-6, $"fit {fit.LogLikelihood} < truth {atTruth}");
        // And with 3000 persons it lies close to the truth: the LL gain is of the order of the parameter count.
        Assert.InRange(fit.LogLikelihood - atTruth, 0, 5 * spec.ParameterCount);
        var shares = sim.TrueShares();
        var fitted = fit.Groups.Select(g => g.Share).Order().ToArray();
        Assert.InRange(fitted[0], shares.Min() - 0.05, shares.Min() + 0.05);
    }
}
