using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;
using Trajectories.Core.Results;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

public class DegenerateInputTests
{
    private static readonly FitOptions Quick = new() { Starts = 4, Finalists = 2 };

    private static CountPanel Panel(int persons, Func<int, int, int> count, int years = 6)
    {
        var times = Enumerable.Range(0, years).Select(t => 20.0 + t).ToArray();
        var b = new CountPanelBuilder(times);
        for (var i = 0; i < persons; i++)
        {
            b.BeginPerson($"p{i}");
            for (var t = 0; t < years; t++)
            {
                b.Add(times[t], count(i, t));
            }
        }

        return b.Build();
    }

    [Fact]
    public void MoreGroupsThanDistinctPatternsIsRejected()
    {
        var panel = Panel(50, (i, t) => i % 2 == 0 ? 0 : t % 2);
        var e = Assert.Throws<ModelSpecificationException>(() => TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(3, 1), Quick));
        Assert.Contains("distinct", e.Message);
    }

    [Fact]
    public void AllZeroDataIsRejected()
    {
        var panel = Panel(30, (_, _) => 0);
        Assert.Throws<ModelSpecificationException>(() => TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(1, 0), Quick));
        Assert.Throws<ModelSpecificationException>(() => TrajectoryEstimator.Fit(panel, ModelSpecification.Zip(1, [0], [0]), Quick));
    }

    [Fact]
    public void ConstantDataFitsOneGroupAndRejectsTwo()
    {
        var panel = Panel(40, (_, _) => 2);
        var fit = TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(1, 1), Quick);
        Assert.True(fit.Converged);
        Assert.Equal(Math.Log(2), fit.Groups[0].Beta[0], 6);
        AssertNoNaN(fit);
        Assert.Throws<ModelSpecificationException>(() => TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(2, 1), Quick));
    }

    [Fact]
    public void OrderTooHighForTheTimePointsIsRejected()
    {
        var panel = Panel(40, (i, t) => (i + t) % 3, years: 3);
        var e = Assert.Throws<ModelSpecificationException>(() => TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(1, 3), Quick));
        Assert.Contains("order 3", e.Message);
        Assert.Throws<ModelSpecificationException>(() => TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(1, 6), Quick));
        Assert.Throws<ModelSpecificationException>(() => TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(0, 1), Quick));
        Assert.Throws<ModelSpecificationException>(() => new ModelSpecification(PoissonFamily(), [1], [0]).Validate());
    }

    [Fact]
    public void SurplusGroupIsFlaggedNotDroppedAndNothingIsNaN()
    {
        // Half the persons never offend: a Poisson group for them has log rate → −∞ (degenerate), yet K groups are reported.
        var panel = Panel(60, (i, t) => i < 30 ? 0 : 1 + ((i + t) % 3));
        var fit = TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(3, 1), Quick);
        Assert.Equal(3, fit.Groups.Count);
        AssertNoNaN(fit);
        Assert.Contains(fit.Groups, g => g.Degenerate);
        Assert.False(fit.Converged);
        Assert.NotEmpty(fit.Warnings);
    }

    [Fact]
    public void IterationLimitIsReportedNotHidden()
    {
        var panel = Models.Messy(400, 3);
        var options = new FitOptions { Starts = 2, Finalists = 1, ShortIterations = 1, MaxIterations = 1, MaxNewtonIterations = 1 };
        var fit = TrajectoryEstimator.Fit(panel, Models.MessyZip, options);
        Assert.Equal(StopReason.MaxIterations, fit.StopReason);
        Assert.False(fit.Converged);
        Assert.Contains(fit.Warnings, w => w.Contains("did not converge"));
        AssertNoNaN(fit);
    }

    private static Trajectories.Core.Families.ITrajectoryFamily PoissonFamily() => Trajectories.Core.Families.PoissonFamily.Instance;

    private static void AssertNoNaN(TrajectoryFit fit)
    {
        Assert.False(double.IsNaN(fit.LogLikelihood));
        Assert.False(double.IsNaN(fit.Entropy));
        foreach (var g in fit.Groups)
        {
            var values = new double?[] { g.Share, g.ShareSe, g.AssignedShare, g.AvePP, g.Occ, g.ExpectedSize }
                .Concat(g.Beta.Select(b => (double?)b)).Concat(g.BetaSe).Concat(g.Inflation.Select(b => (double?)b)).Concat(g.InflationSe);
            Assert.All(values, v => Assert.True(v is null || double.IsFinite(v.Value), $"group {g.Index}: {v}"));
        }

        Assert.All(fit.Trajectories, p =>
        {
            Assert.True(double.IsFinite(p.Predicted));
            Assert.True(p.Lower is null || (double.IsFinite(p.Lower.Value) && p.Lower >= 0));
            Assert.True(p.Upper is null || double.IsFinite(p.Upper.Value));
            Assert.True(p.ObservedMean is null || double.IsFinite(p.ObservedMean.Value));
            Assert.True(double.IsFinite(p.N));
        });
        for (var i = 0; i < fit.Posteriors.Count; i++)
        {
            foreach (var v in fit.Posteriors.Row(i))
            {
                Assert.True(double.IsFinite(v));
            }
        }
    }
}
