using Trajectories.Core.Estimation;
using Trajectories.Core.Inference;
using Trajectories.Core.Simulation;

namespace Trajectories.Core.Tests.Inference;

/// <summary>
/// The simulation study on a design whose estimator is known to work (two well-separated Poisson groups, 300
/// persons): small bias against the standard errors, standard errors that match the spread, coverage near 95 %, and the
/// true K chosen most often; the same bits on any number of threads.
/// </summary>
public sealed class EstimatorStudyTests
{
    [Fact]
    public void RecoversAWellSeparatedDesignWithCalibratedErrors()
    {
        var truth = StudyTruth.FromDesign(GbtmSimulator.StandardDesign(300, 2, 2, false));
        var result = EstimatorStudy.Run(truth, new StudyOptions { Replicates = 60, Seed = 5, SelectGroups = [1, 2, 3], Fit = new FitOptions { Starts = 3 } });
        Assert.Equal(60, result.Used + result.Unmatched + result.Failed);
        Assert.True(result.Used >= 57, $"{result.Unmatched} unmatched, {result.Failed} failed");
        Assert.Equal(2 + 3 + 3, result.Parameters.Count);
        foreach (var p in result.Parameters)
        {
            var what = $"{p.Kind} g{p.Group} power {p.Power}: truth {p.Truth}, mean {p.Mean}, SE {p.MeanSe}, SD {p.EmpiricalSd}, coverage {p.Coverage}";
            // 60 data sets: the mean is within 4 of its standard errors SD/√60 of the truth, the SE within ±35 % of the SD.
            Assert.True(Math.Abs(p.Bias) < 4 * p.EmpiricalSd / Math.Sqrt(p.Count), what);
            Assert.InRange(p.MeanSe / p.EmpiricalSd, 0.65, 1.35);
            Assert.InRange(p.Coverage, 0.8, 1.0);
            Assert.Equal(Math.Sqrt((p.Bias * p.Bias) + (p.EmpiricalSd * p.EmpiricalSd * (p.Count - 1) / p.Count)), p.Rmse, 9);
        }

        Assert.Equal(60, result.Selected.Values.Sum());
        Assert.Equal(2, result.Selected.MaxBy(kv => kv.Value).Key);
    }

    [Fact]
    public void AStudyOfAFitDrawsOnItsDesignAndGivesTheSameBitsOnAnyThreads()
    {
        var panel = BlrtTests.Data(2, 200, 41);
        var fit = BlrtTests.Fit(panel, 2);
        var truth = StudyTruth.FromFit(fit, panel);
        Assert.Same(panel.RowStart, truth.Draw(3).RowStart);
        var options = new StudyOptions { Replicates = 6, Seed = 2, Fit = new FitOptions { Starts = 2 } };
        var a = EstimatorStudy.Run(truth, options with { Fit = options.Fit with { Threads = 1 } });
        var b = EstimatorStudy.Run(truth, options with { Fit = options.Fit with { Threads = 2 } });
        Assert.Equal(a.Parameters, b.Parameters);
        Assert.Equal(fit.Groups[0].Share, a.Parameters[0].Truth);
        Assert.Empty(a.Selected);
    }

    [Fact]
    public void RefusesADesignWithCovariatesAndTooFewDataSets()
    {
        var design = GbtmSimulator.StandardDesign(100, 2, 1, false) with { RiskFactors = [new CovariateDraw("sex", true, 0.5)], Groups = [new SimulatedGroup(1, [0.0, 0.5]), new SimulatedGroup(1, [1.0, -0.5], Risk: [0.4])] };
        Assert.Throws<ArgumentException>(() => StudyTruth.FromDesign(design));
        var truth = StudyTruth.FromDesign(GbtmSimulator.StandardDesign(100, 2, 1, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => EstimatorStudy.Run(truth, new StudyOptions { Replicates = 1 }));
    }
}
