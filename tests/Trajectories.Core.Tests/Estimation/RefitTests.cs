using Trajectories.Core.Estimation;
using Trajectories.Core.Families;
using Trajectories.Core.Panels;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

/// <summary>The fit of a chosen model to a whole panel from another fit's solution (selection on a sample).</summary>
public class RefitTests
{
    private static readonly FitOptions Options = new() { Starts = 4, Seed = 2 };

    [Fact]
    public void ARefitFromTheOptimumStaysThereAndSaysWhereItCameFrom()
    {
        var panel = Models.Messy(1_500, 61);
        var spec = ModelSpecification.Poisson(2, 2, 1);
        var fit = TrajectoryEstimator.Fit(panel, spec, Options);
        var refit = TrajectoryEstimator.Refit(PreparedPanel.Prepare(panel, PoissonFamily.Instance), fit, Options);

        Assert.True(Math.Abs(refit.LogLikelihood - fit.LogLikelihood) <= 1e-9 * Math.Abs(fit.LogLikelihood), $"{refit.LogLikelihood} vs {fit.LogLikelihood}");
        Assert.True(refit.Converged);
        Assert.Equal(0, refit.Search.Starts);
        Assert.Equal(1, refit.Search.RunToConvergence);
        Assert.Contains("the fit on a sample of 1500 persons", refit.Search.BestOrigin, StringComparison.Ordinal);
    }

    [Fact]
    public void ARefitFromASamplesFitReachesTheWholePanelsOptimum()
    {
        var panel = Models.Messy(3_000, 62);
        var spec = ModelSpecification.Poisson(3, 2, 1, 2);
        var (sample, _) = PanelSample.Draw(panel, 600, 5);
        var onSample = TrajectoryEstimator.Fit(sample, spec, Options);
        var refit = TrajectoryEstimator.Refit(PreparedPanel.Prepare(panel, PoissonFamily.Instance), onSample, Options);
        var full = TrajectoryEstimator.Fit(panel, spec, Options with { Starts = 12 });

        Assert.Equal(panel.PersonCount, refit.PersonCount);
        Assert.True(refit.LogLikelihood >= full.LogLikelihood - (1e-8 * Math.Abs(full.LogLikelihood)), $"refit {refit.LogLikelihood} < full search {full.LogLikelihood}");
    }

    [Fact]
    public void AStartOnAnotherTimeScaleIsRefused()
    {
        var panel = Models.Messy(400, 63);
        var shifted = new CountPanel(panel.PersonIds, panel.Times.Select(t => t + 5).ToArray(), panel.RowStart, panel.TimeIndex, panel.Values, panel.Exposure);
        var fit = TrajectoryEstimator.Fit(shifted, ModelSpecification.Poisson(2, 1), Options);
        var e = Assert.Throws<ArgumentException>(() => TrajectoryEstimator.Refit(PreparedPanel.Prepare(panel, PoissonFamily.Instance), fit, Options));
        Assert.Contains("time scale", e.Message, StringComparison.Ordinal);
    }
}
