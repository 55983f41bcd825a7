using Trajectories.Core.Estimation;
using Trajectories.Core.Simulation;

namespace Trajectories.Core.Tests.Support;

/// <summary>Standard errors against the spread of the estimates over repeated simulated panels.</summary>
internal static class Calibration
{
    /// <summary>
    /// Fits the true model to <paramref name="replications"/> panels (panel r from <paramref name="simulate"/>(r)) and
    /// asserts, for every parameter, that the mean reported SE is within ±40 % of the SD of the estimates: with 40 panels
    /// the SD is itself uncertain by about ±11 % (one standard error).
    /// </summary>
    public static void StandardErrorsMatchTheSpread(Func<int, SimulatedPanel> simulate, int starts, int replications = 40)
    {
        var estimates = new List<double[]>();
        var ses = new List<double[]>();
        for (var r = 0; r < replications; r++)
        {
            var sim = simulate(r);
            var fit = TrajectoryEstimator.Fit(sim.Panel, sim.TrueSpecification(), new FitOptions { Starts = starts, Seed = r, Replications = 1, Continuation = false });
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
