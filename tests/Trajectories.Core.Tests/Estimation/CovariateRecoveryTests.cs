using Trajectories.Core.Estimation;
using Trajectories.Core.Simulation;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

/// <summary>
/// Risk factors on membership and time-varying covariates in the trajectories, on panels simulated with known
/// coefficients: recovery within 4 standard errors, and standard errors against the spread over repeated panels.
/// </summary>
public class CovariateRecoveryTests
{
    /// <summary>Two Poisson groups; sex (0/1) and cohort (normal) on membership; detention (0/1 per year) in η.</summary>
    private static SimulationDesign Design(int persons, int seed) => new()
    {
        Persons = persons,
        Seed = seed,
        Times = Models.Ages,
        MinWindow = 8,
        RiskFactors = [new("sex", true, 0.4), new("cohort", false, 1.0)],
        TimeCovariates = [new("detention", true, 0.3)],
        Groups =
        [
            new SimulatedGroup(0.6, [-1.0, 0.5, -0.8], Delta: [-0.8]),
            new SimulatedGroup(0.4, [0.4, -0.3, -0.6], Risk: [1.0, -0.5], Delta: [-0.3]),
        ],
    };

    [Fact]
    public void RecoversThePlantedCoefficientsWithinFourStandardErrors()
    {
        var sim = GbtmSimulator.Simulate(Design(3000, 71));
        var spec = sim.TrueSpecification();
        Assert.Equal(["sex", "cohort"], spec.RiskFactors);
        Assert.Equal(["detention"], spec.TimeCovariates);
        var fit = TrajectoryEstimator.Fit(sim.Panel, spec, new FitOptions { Starts = 8, Seed = 1 });
        var truth = sim.TrueParameters();
        var atTruth = Models.Prepared(sim.Panel, spec).EStep(truth);

        Assert.True(fit.Converged, fit.StopReason.ToString());
        Assert.True(fit.LogLikelihood >= atTruth, $"{fit.LogLikelihood} below the truth's {atTruth}");
        var n = truth.Length;
        for (var j = 0; j < n; j++)
        {
            var se = Math.Sqrt(fit.Covariance![(j * n) + j]);
            Assert.True(Math.Abs(fit.Parameters[j] - truth[j]) <= 4 * se, $"parameter {j}: estimate {fit.Parameters[j]:F4}, truth {truth[j]:F4}, se {se:F4}");
        }

        Assert.Equal(fit.Parameters[1], fit.Membership!.Coefficients.Single(c => c.Group == 2 && c.Covariate == "sex").Estimate, 12);
        Assert.Equal(fit.Parameters[6], fit.Groups[0].TimeCovariates[0].Estimate, 12);
        Assert.Equal(fit.Parameters[10], fit.Groups[1].TimeCovariates[0].Estimate, 12);
    }

    [Fact]
    public void StandardErrorsMatchTheSpreadOverRepeatedPanels()
    {
        Calibration.StandardErrorsMatchTheSpread(r => GbtmSimulator.Simulate(Design(700, 2000 + r)), starts: 4);
    }
}
