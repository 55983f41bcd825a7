using Trajectories.Core.Estimation;
using Trajectories.Core.Simulation;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

/// <summary>
/// Parameter recovery and standard errors for the negative binomial, logit and censored-normal families on data
/// simulated from known parameters: estimates within 4 standard errors of the truth on one large panel, and the
/// reported standard errors against the spread of the estimates over repeated panels.
/// </summary>
public class FamilyRecoveryTests
{
    [Theory]
    [InlineData("nb")]
    [InlineData("frailty")]
    [InlineData("logit")]
    [InlineData("cnorm")]
    public void RecoversThePlantedParametersWithinFourStandardErrors(string name)
    {
        var family = FamilyPanels.Family(name);
        var sim = FamilyPanels.Simulate(family, 4000, 31);
        var spec = sim.TrueSpecification();
        var fit = TrajectoryEstimator.Fit(sim.Panel, spec, new FitOptions { Starts = 10, Seed = 2 });
        var truth = sim.TrueParameters();

        Assert.True(fit.Converged, fit.StopReason.ToString());
        Assert.True(fit.LogLikelihood >= TrueLogLikelihood(sim), "the fit is below the truth's log-likelihood");
        var se = fit.Covariance!;
        var n = truth.Length;
        for (var j = 0; j < n; j++)
        {
            var s = Math.Sqrt(se[(j * n) + j]);
            Assert.True(Math.Abs(fit.Parameters[j] - truth[j]) <= 4 * s, $"{name} parameter {j}: estimate {fit.Parameters[j]:F4}, truth {truth[j]:F4}, se {s:F4}");
        }
    }

    [Theory]
    [InlineData("nb")]
    [InlineData("frailty")]
    [InlineData("logit")]
    [InlineData("cnorm")]
    public void StandardErrorsMatchTheSpreadOverRepeatedPanels(string name)
    {
        var family = FamilyPanels.Family(name);
        var groups = FamilyPanels.Groups(family).Take(2).ToArray();
        Calibration.StandardErrorsMatchTheSpread(
            r => GbtmSimulator.Simulate(new SimulationDesign
            {
                Persons = 600,
                Groups = groups,
                Family = family,
                Seed = 1000 + r,
                Times = Models.Ages,
                MinWindow = 8,
            }),
            starts: 5);
    }

    private static double TrueLogLikelihood(SimulatedPanel sim)
    {
        var m = Models.Likelihood(sim.Panel, sim.TrueSpecification());
        return m.EStep(sim.TrueParameters());
    }
}
