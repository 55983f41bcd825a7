using Trajectories.Core.Estimation;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

/// <summary>The hand-over from EM to Newton, and the fallback when Newton cannot finish from there.</summary>
public class NewtonFallbackTests
{
    private static readonly SimulationSpec Sim = new(
        [0.6, 0.4], [[-1.2, 0.4, -0.7], [0.4, -0.3, -0.5]], [[-1.0], [-2.0]], Models.Ages)
    { MinWindow = 8, Exposure = true };

    [Fact]
    public void NewtonThatCannotFinishFallsBackToLongerEmAndStillConverges()
    {
        var panel = Sim.Simulate(1500, 4, out _);
        var spec = ModelSpecification.Zip(2, [2, 2], [0, 0]);
        var reference = TrajectoryEstimator.Fit(panel, spec, new FitOptions { Starts = 4, Seed = 2 });

        // Newton gets no iteration at all, so whether a run converges is decided by its gradient after EM: with the
        // fallback as loose as the hand-over the fit stops unconverged; with a tight one, EM runs on until it is. One
        // round of three fresh starts, no local moves (which would go on from the best run's EM), no continuation.
        FitOptions Hurried(double fallback) => new()
        {
            Starts = 3,
            Seed = 2,
            Replications = 1,
            Continuation = false,
            EmHandoverTolerance = 1e-2,
            MaxNewtonIterations = 0,
            MaxIterations = 20000,
            EmFallbackTolerance = fallback,
            GradientTolerance = 1e-5,
        };
        var stuck = TrajectoryEstimator.Fit(panel, spec, Hurried(1e-2));
        var hurried = TrajectoryEstimator.Fit(panel, spec, Hurried(1e-15));

        Assert.False(stuck.Converged);
        Assert.True(reference.Converged, reference.StopReason.ToString());
        Assert.True(hurried.Converged, hurried.StopReason.ToString());
        Assert.Equal(reference.LogLikelihood, hurried.LogLikelihood, 6);
    }

    [Fact]
    public void EarlyAndLateHandOverReachTheSameOptimum()
    {
        var panel = Sim.Simulate(1500, 5, out _);
        var spec = ModelSpecification.Zip(2, [2, 2], [0, 0]);
        var early = TrajectoryEstimator.Fit(panel, spec, new FitOptions { Starts = 4, Seed = 1, EmHandoverTolerance = 1e-4 });
        var late = TrajectoryEstimator.Fit(panel, spec, new FitOptions { Starts = 4, Seed = 1, EmHandoverTolerance = 1e-9 });
        Assert.True(early.Converged && late.Converged);
        Assert.Equal(late.LogLikelihood, early.LogLikelihood, 6);
        for (var k = 0; k < early.Parameters.Count; k++)
        {
            Assert.Equal(late.Parameters[k], early.Parameters[k], 4);
        }
    }
}
