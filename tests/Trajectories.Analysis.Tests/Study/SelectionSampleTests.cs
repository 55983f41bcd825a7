using Trajectories.Analysis.Study;
using Trajectories.Core.Estimation;
using Trajectories.Core.Families;
using Trajectories.Registers.Columns;
using Trajectories.Registers.Model;
using Trajectories.Registers.Panels;
using Trajectories.Registers.Synthetic;

namespace Trajectories.Analysis.Tests.Study;

/// <summary>
/// Selection on a sample of a large panel (AnalysisOptions.SelectionSample): the grid runs on the sample, and the
/// chosen model's fit to all offenders must be the whole panel's optimum — the value a full multi-start search reaches.
/// </summary>
public class SelectionSampleTests
{
    [Fact]
    public void TheChosenModelIsFittedToAllOffendersAndReachesTheFullSearchsOptimum()
    {
        var register = new InMemoryRegister();
        SyntheticRegisterGenerator.Generate(new GeneratorOptions { Offenders = 4_000, Seed = 12 }, register);
        var columns = ColumnarRegister.From(register);
        var options = new AnalysisOptions
        {
            Families = [PoissonFamily.Instance, FrailtyFamily.Instance],
            Groups = [3, 4],
            Orders = [2, 3],
            Starts = 4,
            Seed = 3,
            SelectionSample = 1_000,
        };
        var run = StudyAnalysis.RunWithMicrodata(columns, options);
        var panel = RegisterPanel.Build(columns).Panel;

        // The grid ran on the sample; the published model and the profiles describe every panel offender.
        Assert.Equal(1_000, run.Published.Selection.Sample);
        Assert.All(run.Selection.Rows, r => Assert.Equal(1_000, r.Fit!.PersonCount));
        Assert.Equal(panel.PersonCount, run.Fit.PersonCount);
        Assert.Equal(panel.PersonCount, run.Fit.Posteriors.Count);
        Assert.Equal(run.Selection.Chosen!.Model.Label, run.Fit.Model.Label);
        Assert.Contains(run.Published.Notes, n => n.Contains("random sample of 1000", StringComparison.Ordinal));
        Assert.True(run.Fit.Converged);

        // A full search on all offenders (more starts than the grid's) finds nothing better.
        var full = TrajectoryEstimator.Fit(panel, run.Fit.Model, new FitOptions { Starts = 10, Seed = 8 });
        Assert.True(run.Fit.LogLikelihood >= full.LogLikelihood - (1e-8 * Math.Abs(full.LogLikelihood)), $"refit {run.Fit.LogLikelihood} < full search {full.LogLikelihood}");
    }

    [Fact]
    public void APanelNoLargerThanTheSampleIsSelectedOnAsAWhole()
    {
        var register = new InMemoryRegister();
        SyntheticRegisterGenerator.Generate(new GeneratorOptions { Offenders = 300, Seed = 5 }, register);
        var run = StudyAnalysis.RunWithMicrodata(register, new AnalysisOptions { Families = [PoissonFamily.Instance], Groups = [2], Orders = [1], Starts = 2, SelectionSample = 300 });
        Assert.Null(run.Published.Selection.Sample);
        Assert.Same(run.Selection.Chosen!.Fit, run.Fit);
        Assert.DoesNotContain(run.Published.Notes, n => n.Contains("random sample", StringComparison.Ordinal));
    }
}
