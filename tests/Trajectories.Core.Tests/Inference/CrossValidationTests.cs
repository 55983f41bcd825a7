using Trajectories.Core.Estimation;
using Trajectories.Core.Inference;
using Trajectories.Core.Panels;
using Trajectories.Core.Simulation;

namespace Trajectories.Core.Tests.Inference;

/// <summary>
/// Cross-validation error: leave-one-out by distinct series equals leaving out each person in turn, K folds partition
/// the persons, and results do not depend on threads. The Toronto value against crimCV's definition computed in R is in
/// <see cref="CrossValidationReferenceTests"/>.
/// </summary>
public sealed class CrossValidationTests
{
    [Fact]
    public void LeaveOneOutByPatternEqualsLeavingOutEachPerson()
    {
        // Short, sparse careers: many persons share a series, so the pattern shortcut has work to do.
        var design = GbtmSimulator.StandardDesign(120, 2, 1, false, 31) with { Times = [14, 15, 16, 17] };
        var panel = GbtmSimulator.Simulate(design).Panel;
        var fit = TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(2, 1, 1), new FitOptions { Starts = 4 });
        var result = CrossValidation.Run(panel, fit);
        Assert.True(result.Refits < panel.PersonCount / 2, $"{result.Refits} refits for {panel.PersonCount} persons");

        double absolute = 0, squared = 0, log = 0;
        var posterior = new double[2];
        for (var i = 0; i < panel.PersonCount; i++)
        {
            var training = Enumerable.Range(0, panel.PersonCount).Where(j => j != i).ToArray();
            var refit = TrajectoryEstimator.Refit(PreparedPanel.Prepare(PanelSample.Subset(panel, training), fit.Model.Family), fit);
            var model = new FittedModel(refit, panel);
            log += model.Posteriors(i, posterior);
            for (var n = panel.RowStart[i]; n < panel.RowStart[i + 1]; n++)
            {
                var e = panel.Values[n] - ((posterior[0] * model.Mean(0, n)) + (posterior[1] * model.Mean(1, n)));
                absolute += Math.Abs(e);
                squared += e * e;
            }
        }

        Assert.Equal(panel.PersonCount, result.Persons);
        Assert.Equal(panel.ObservationCount, result.Observations);
        Assert.Equal(absolute / panel.ObservationCount, result.Cve, 10);
        Assert.Equal(squared / panel.ObservationCount, result.Cve2, 10);
        Assert.Equal(-2 * log, result.Lcv, 7);
    }

    [Fact]
    public void KFoldsCoverEveryPersonOnceAndDoNotDependOnThreads()
    {
        var panel = BlrtTests.Data(2, 200, 32);
        var fit = BlrtTests.Fit(panel, 2);
        var options = new CrossValidationOptions { Folds = 5, Seed = 9 };
        var a = CrossValidation.Run(panel, fit, options with { Fit = new() { Threads = 1 } });
        var b = CrossValidation.Run(panel, fit, options with { Fit = new() { Threads = 2 } });
        Assert.Equal(5, a.Refits);
        Assert.Equal(panel.PersonCount, a.Persons);
        Assert.Equal(panel.ObservationCount, a.Observations);
        Assert.Equal((a.Cve, a.Cve2, a.Lcv), (b.Cve, b.Cve2, b.Lcv));
        Assert.NotEqual(a.Cve, CrossValidation.Run(panel, fit, options with { Seed = 10 }).Cve);
        Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.Run(panel, fit, new CrossValidationOptions { Folds = 1 }));
    }

    [Fact]
    public void MoreGroupsThanTheDataHaveDoNotLowerTheErrorMuch()
    {
        // The point of the CVE: the in-sample fit always improves with K, the held-out prediction does not.
        var panel = BlrtTests.Data(2, 300, 33);
        var cve = new[] { 1, 2, 4 }.Select(k => CrossValidation.Run(panel, BlrtTests.Fit(panel, k), new CrossValidationOptions { Folds = 10 }).Cve).ToArray();
        Assert.True(cve[1] < cve[0], $"K=1 {cve[0]}, K=2 {cve[1]}");
        Assert.True(cve[2] > cve[1] - (0.01 * cve[1]), $"K=2 {cve[1]}, K=4 {cve[2]}");
    }
}
