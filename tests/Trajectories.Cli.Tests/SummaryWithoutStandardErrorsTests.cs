using Trajectories.Core.Estimation;
using Trajectories.Core.Families;
using Trajectories.Core.Results;
using Trajectories.Reporting.Fits;

namespace Trajectories.Cli.Tests;

/// <summary>A fit whose information matrix is singular has no SEs: the summary says so instead of printing NaN.</summary>
public sealed class SummaryWithoutStandardErrorsTests
{
    private static readonly Lazy<TrajectoryFit> Toronto = new(() =>
    {
        var panel = InputLoading.LoadPanel(Paths.Toronto("to1.csv"), null).Panel;
        return TrajectoryEstimator.Fit(panel, ModelSpecification.Of(PoissonFamily.Instance, 2, [2, 2]), new FitOptions { Starts = 2 });
    });

    [Fact]
    public void ASingularInformationMatrixIsNamedInTheTable()
    {
        var fit = Toronto.Value;
        var singular = fit with
        {
            Covariance = null,
            Groups = [.. fit.Groups.Select(g => g with { ShareSe = null, Trajectory = g.Trajectory with { Se = [.. g.Trajectory.Se.Select(_ => (double?)null)] } })],
        };
        var text = string.Join('\n', FitSummaryText.Lines(singular));
        var parameters = ConsoleText.Table(text, "group", "parameter", "estimate", "SE");
        Assert.Equal(6, parameters.Count);
        Assert.All(parameters, r => Assert.Equal(["singular", "–", "–"], r[3..]));
        Assert.Contains("the information matrix is singular", text);
        Assert.All(ConsoleText.Table(text, "group", "share", "95 % CI"), r => Assert.Equal("–", r[2]));
        Assert.DoesNotContain("NaN", text);
        ConsoleText.AssertAligned(text);
    }

    [Fact]
    public void ANonFiniteStandardErrorIsNotAvailableNotNaN()
    {
        var fit = Toronto.Value;
        var broken = fit with
        {
            Groups = [.. fit.Groups.Select(g => g with { Trajectory = g.Trajectory with { Se = [.. g.Trajectory.Se.Select(_ => (double?)double.NaN)] } })],
        };
        var text = string.Join('\n', FitSummaryText.Lines(broken));
        Assert.All(ConsoleText.Table(text, "group", "parameter", "estimate", "SE"), r => Assert.Equal("n/a", r[3]));
        Assert.DoesNotContain("NaN", text);
    }

    [Fact]
    public void WithStandardErrorsZIsTheEstimateOverItsSe()
    {
        var rows = ParameterTable.Rows(Toronto.Value);
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(SeStatus.Estimated, r.Status);
            Assert.Equal(r.Estimate / r.Se!.Value, r.Z!.Value, 12);
            Assert.InRange(r.P!.Value, 0, 1);
        });
    }
}
