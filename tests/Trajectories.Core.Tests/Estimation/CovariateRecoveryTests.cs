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
        var m = PreparedPanel.Prepare(sim.Panel, spec.Family);
        var atTruth = new MixtureLikelihood(m.Layout, spec, sim.Panel.Times, m.Scale, 1, m.Membership(spec)).EStep(truth);

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
        const int replications = 40;
        var estimates = new List<double[]>();
        var ses = new List<double[]>();
        for (var r = 0; r < replications; r++)
        {
            var sim = GbtmSimulator.Simulate(Design(700, 2000 + r));
            var fit = TrajectoryEstimator.Fit(sim.Panel, sim.TrueSpecification(), new FitOptions { Starts = 4, Seed = r, Replications = 1, Continuation = false });
            var n = fit.Parameters.Count;
            estimates.Add([.. fit.Parameters]);
            ses.Add(Enumerable.Range(0, n).Select(j => Math.Sqrt(fit.Covariance![(j * n) + j])).ToArray());
        }

        for (var j = 0; j < estimates[0].Length; j++)
        {
            var values = estimates.Select(e => e[j]).ToArray();
            var mean = values.Average();
            var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (replications - 1));
            Assert.InRange(ses.Average(s => s[j]) / sd, 0.6, 1.4);
        }
    }
}
