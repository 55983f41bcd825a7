using Trajectories.Core.Estimation;
using Trajectories.Core.Inference;
using Trajectories.Core.Panels;
using Trajectories.Core.Simulation;

namespace Trajectories.Core.Tests.Inference;

/// <summary>
/// The bootstrap likelihood-ratio test on data of known K: it rejects too few groups, keeps the true number, stops by
/// its rules, and gives the same bits on any number of threads. Its size and power over hundreds of data sets are
/// measured by the benchmarks' <c>inference</c> runner (benchmarks/README.md).
/// </summary>
public sealed class BlrtTests
{
    private static readonly FitOptions Quick = new() { Starts = 3, Seed = 1 };

    [Fact]
    public void RejectsOneGroupOnTwoGroupData()
    {
        var panel = Data(2, 250, 5);
        var (one, two) = (Fit(panel, 1), Fit(panel, 2));
        var result = BootstrapLikelihoodRatio.Test(panel, one, two, new BlrtOptions { Fit = Quick, MaxReplicates = 200 });
        Assert.Equal(0, result.Exceedances);
        Assert.True(result.Rejects);
        Assert.True(result.Interval.Upper < 0.05 || result.MonteCarloError <= 0.01, $"{result.Stop} after {result.Replicates}");
        Assert.NotEqual(BlrtStop.Limit, result.Stop);
        Assert.Equal(1.0 / (1 + result.Replicates), result.PValue, 15);
        Assert.All(result.ReplicateStatistics, s => Assert.True(s >= 0 && s < result.Statistic));
    }

    [Fact]
    public void KeepsTheTrueNumberOfGroupsAndStopsEarly()
    {
        var panel = Data(2, 250, 6);
        var (two, three) = (Fit(panel, 2), Fit(panel, 3));
        var result = BootstrapLikelihoodRatio.Test(panel, two, three, new BlrtOptions { Fit = Quick, MaxReplicates = 200 });
        Assert.False(result.Rejects, $"p = {result.PValue} after {result.Replicates}");
        Assert.Equal(BlrtStop.Decision, result.Stop);
        Assert.True(result.Replicates < 100);
        Assert.Equal((1.0 + result.Exceedances) / (1 + result.Replicates), result.PValue, 15);
    }

    [Fact]
    public void GivesTheSameBitsOnOneThreadAndOnTwo()
    {
        var panel = Data(2, 150, 7);
        var (one, two) = (Fit(panel, 1), Fit(panel, 2));
        var options = new BlrtOptions { MinReplicates = 6, MaxReplicates = 6, Batch = 3, Seed = 11 };
        var a = BootstrapLikelihoodRatio.Test(panel, one, two, options with { Fit = Quick with { Threads = 1 } });
        var b = BootstrapLikelihoodRatio.Test(panel, one, two, options with { Fit = Quick with { Threads = 2 } });
        Assert.Equal(6, a.Replicates + a.Failed);
        Assert.Equal(a.ReplicateStatistics.Select(BitConverter.DoubleToInt64Bits), b.ReplicateStatistics.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(BlrtStop.Limit, a.Stop);
    }

    [Fact]
    public void ARunnerThatAsksFarAheadUsesTheSameReplicates()
    {
        // A cluster asks for several batches at once; the stopping rule must still see them batch by batch.
        var panel = Data(2, 150, 12);
        var (two, three) = (Fit(panel, 2), Fit(panel, 3));
        var options = new BlrtOptions { Fit = Quick, MaxReplicates = 200, Seed = 3 };
        var local = BootstrapLikelihoodRatio.Test(panel, two, three, options);
        var wide = new WideRunner();
        var ahead = BootstrapLikelihoodRatio.Test(panel, two, three, options with { Runner = wide });
        Assert.Equal(local.ReplicateStatistics, ahead.ReplicateStatistics);
        Assert.Equal((local.Stop, local.PValue, local.Failed), (ahead.Stop, ahead.PValue, ahead.Failed));
        Assert.True(wide.Asked > local.Replicates + local.Failed, $"asked {wide.Asked}, used {local.Replicates}");
    }

    [Fact]
    public void RefusesALargerModelWithoutMoreGroupsAndBadSettings()
    {
        var panel = Data(2, 100, 8);
        var two = Fit(panel, 2);
        Assert.Throws<ArgumentException>(() => BootstrapLikelihoodRatio.Test(panel, two, two));
        Assert.Throws<ArgumentOutOfRangeException>(() => BootstrapLikelihoodRatio.Test(panel, Fit(panel, 1), two, new BlrtOptions { Alpha = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => BootstrapLikelihoodRatio.Test(panel, Fit(panel, 1), two, new BlrtOptions { MinReplicates = 50, MaxReplicates = 10 }));
    }

    [Fact]
    public void ParametricDrawsKeepTheDesignAndFollowTheModel()
    {
        var panel = Data(2, 3000, 9);
        var fit = Fit(panel, 2);
        var model = new FittedModel(fit, panel);
        var (draw, groups) = ParametricDraw.Draw(model, 5);
        Assert.Same(panel.RowStart, draw.RowStart);
        Assert.Same(panel.TimeIndex, draw.TimeIndex);
        Assert.Equal(draw.Values, ParametricDraw.Draw(model, 5).Panel.Values);
        Assert.NotEqual(draw.Values, ParametricDraw.Draw(model, 6).Panel.Values);

        // Group shares and the total count within 4 standard errors of the model's expectation.
        var share = groups.Count(g => g == 0) / (double)groups.Length;
        var p = fit.Groups[0].Share;
        Assert.True(Math.Abs(share - p) < 4 * Math.Sqrt(p * (1 - p) / groups.Length), $"{share} against {p}");
        double expected = 0, variance = 0;
        for (var i = 0; i < panel.PersonCount; i++)
        {
            for (var n = panel.RowStart[i]; n < panel.RowStart[i + 1]; n++)
            {
                var mean = (fit.Groups[0].Share * model.Mean(0, n)) + (fit.Groups[1].Share * model.Mean(1, n));
                expected += mean;
                variance += mean;
            }
        }

        // Poisson within groups plus the mixture's between-group spread bounds the variance by a small factor.
        Assert.True(Math.Abs(draw.Values.Sum() - expected) < 4 * Math.Sqrt(3 * variance), $"{draw.Values.Sum()} against {expected}");
    }

    /// <summary>A runner as wide as a cluster, running replicates one after another here.</summary>
    private sealed class WideRunner : IReplicateRunner
    {
        public int Width => 45;

        public int Asked { get; private set; }

        public IReadOnlyList<double[]> Run(IReplicatePlan plan, int first, int count, CancellationToken cancellation)
        {
            Asked += count;
            return Enumerable.Range(first, count).Select(plan.Run).ToArray();
        }
    }

    internal static CountPanel Data(int groups, int persons, int seed) =>
        GbtmSimulator.Simulate(GbtmSimulator.StandardDesign(persons, groups, 2, false, seed)).Panel;

    internal static Trajectories.Core.Results.TrajectoryFit Fit(CountPanel panel, int groups) =>
        TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(groups, Enumerable.Repeat(2, groups).ToArray()), new FitOptions { Starts = 5, Seed = 2 });
}
