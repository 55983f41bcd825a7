using Trajectories.Core.Inference;

namespace Trajectories.Core.Tests.Inference;

/// <summary>
/// The nonparametric bootstrap: its standard errors agree with the observed information's, its intervals hold the
/// estimate, and it gives the same bits on any number of threads. Coverage over many data sets is measured by the
/// benchmarks' <c>inference</c> runner (benchmarks/README.md).
/// </summary>
public sealed class BootstrapTests
{
    [Fact]
    public void ShareAndCoefficientErrorsAgreeWithTheInformationMatrix()
    {
        var panel = BlrtTests.Data(2, 600, 21);
        var fit = BlrtTests.Fit(panel, 2);
        var result = Bootstrap.Run(panel, fit, new BootstrapOptions { Replicates = 120, Seed = 3 });
        Assert.Equal(120, result.Used + result.Unmatched + result.Failed);
        Assert.True(result.Used >= 110, $"{result.Unmatched} unmatched, {result.Failed} failed");
        foreach (var g in fit.Groups)
        {
            var share = result.Intervals.Single(i => i.Quantity == BootstrapQuantity.Share && i.Group == g.Index);
            Assert.Equal(g.Share, share.Estimate);
            Assert.True(share.Lower < g.Share && g.Share < share.Upper);
            // 120 samples estimate an SE to about ±13 %; the delta method is itself approximate.
            Assert.InRange(share.Se / g.ShareSe!.Value, 0.7, 1.4);
            var b0 = result.Intervals.Single(i => i.Quantity == BootstrapQuantity.Coefficient && i.Group == g.Index && i.Index == 0);
            Assert.InRange(b0.Se / g.BetaSe[0]!.Value, 0.7, 1.4);
        }

        var points = result.Intervals.Where(i => i.Quantity == BootstrapQuantity.Trajectory).ToList();
        Assert.Equal(fit.Trajectories.Count, points.Count);
        Assert.All(points, p => Assert.True(p.Lower <= p.Upper && p.Se > 0));
    }

    [Fact]
    public void GivesTheSameBitsOnOneThreadAndOnTwo()
    {
        var panel = BlrtTests.Data(3, 300, 22);
        var fit = BlrtTests.Fit(panel, 3);
        var options = new BootstrapOptions { Replicates = 12, Seed = 4, FullSearch = true, Fit = new() { Starts = 2 } };
        var a = Bootstrap.Run(panel, fit, options with { Fit = options.Fit with { Threads = 1 } });
        var b = Bootstrap.Run(panel, fit, options with { Fit = options.Fit with { Threads = 2 } });
        Assert.Equal(a.Intervals, b.Intervals);
        Assert.Equal((a.Used, a.Unmatched, a.Failed, a.OtherOptimum), (b.Used, b.Unmatched, b.Failed, b.OtherOptimum));
    }

    [Fact]
    public void RefusesTooFewSamplesOrABadLevel()
    {
        var panel = BlrtTests.Data(2, 100, 23);
        var fit = BlrtTests.Fit(panel, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Run(panel, fit, new BootstrapOptions { Replicates = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bootstrap.Run(panel, fit, new BootstrapOptions { Level = 1 }));
    }
}
