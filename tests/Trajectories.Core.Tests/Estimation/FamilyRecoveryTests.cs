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
    [InlineData("logit")]
    [InlineData("cnorm")]
    public void StandardErrorsMatchTheSpreadOverRepeatedPanels(string name)
    {
        var family = FamilyPanels.Family(name);
        var groups = FamilyPanels.Groups(family).Take(2).ToArray();
        const int replications = 40;
        var estimates = new List<double[]>();
        var ses = new List<double[]>();
        for (var r = 0; r < replications; r++)
        {
            var sim = GbtmSimulator.Simulate(new SimulationDesign
            {
                Persons = 600,
                Groups = groups,
                Family = family,
                Seed = 1000 + r,
                Times = Models.Ages,
                MinWindow = 8,
            });
            var fit = TrajectoryEstimator.Fit(sim.Panel, sim.TrueSpecification(), new FitOptions { Starts = 5, Seed = r, Replications = 1, Continuation = false });
            var n = fit.Parameters.Count;
            estimates.Add([.. fit.Parameters]);
            ses.Add(Enumerable.Range(0, n).Select(j => Math.Sqrt(fit.Covariance![(j * n) + j])).ToArray());
        }

        for (var j = 0; j < estimates[0].Length; j++)
        {
            var values = estimates.Select(e => e[j]).ToArray();
            var mean = values.Average();
            var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (replications - 1));
            var meanSe = ses.Average(s => s[j]);
            // With 40 panels the spread is itself uncertain by about ±11 % (one standard error), so allow ±40 %.
            Assert.InRange(meanSe / sd, 0.6, 1.4);
        }
    }

    private static double TrueLogLikelihood(SimulatedPanel sim)
    {
        var m = Models.Likelihood(sim.Panel, sim.TrueSpecification());
        return m.EStep(sim.TrueParameters());
    }
}
