using Trajectories.Core.Simulation;

namespace Trajectories.Core.Tests.Simulation;

public class GbtmSimulatorTests
{
    [Fact]
    public void SameSeedSamePanelOtherSeedOtherPanel()
    {
        var design = GbtmSimulator.StandardDesign(2000, 3, 2, zeroInflated: true) with { MinExposure = 0.5, MinWindow = 5 };
        var a = GbtmSimulator.Simulate(design).Panel;
        var b = GbtmSimulator.Simulate(design).Panel;
        var c = GbtmSimulator.Simulate(design with { Seed = 2 }).Panel;
        Assert.Equal(a.PersonIds, b.PersonIds);
        Assert.Equal(a.RowStart, b.RowStart);
        Assert.Equal(a.TimeIndex, b.TimeIndex);
        Assert.Equal(a.Values, b.Values);
        Assert.Equal(a.Exposure, b.Exposure);
        Assert.NotEqual(a.Values, c.Values);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EmpiricalMeansMatchThePlantedMeans(bool zeroInflated)
    {
        var sim = GbtmSimulator.Simulate(GbtmSimulator.StandardDesign(60_000, 3, 2, zeroInflated, seed: 7));
        var panel = sim.Panel;
        var groups = sim.Design.Groups;
        var sum = new double[groups.Count * panel.TimeCount];
        var n = new double[groups.Count];
        for (var i = 0; i < panel.PersonCount; i++)
        {
            var g = sim.TrueGroup[i];
            n[g]++;
            var s = panel.Series(i);
            for (var j = 0; j < s.Length; j++)
            {
                sum[(g * panel.TimeCount) + s.TimeIndex[j]] += s.Values[j];
            }
        }

        for (var g = 0; g < groups.Count; g++)
        {
            for (var t = 0; t < panel.TimeCount; t++)
            {
                var u = sim.Scale.Apply(panel.Times[t]);
                var mean = groups[g].Mean(u);
                // Variance of a ZIP count is (1−ω)λ(1+ωλ); allow five standard errors of the group-time mean.
                var w = groups[g].Inflation(u);
                var variance = (1 - w) * groups[g].Rate(u) * (1 + (w * groups[g].Rate(u)));
                var tolerance = 5 * Math.Sqrt(variance / n[g]);
                Assert.InRange(sum[(g * panel.TimeCount) + t] / n[g], mean - tolerance, mean + tolerance);
            }
        }

        var shares = sim.TrueShares();
        for (var g = 0; g < groups.Count; g++)
        {
            Assert.InRange(n[g] / panel.PersonCount, shares[g] - 0.01, shares[g] + 0.01);
        }
    }

    [Fact]
    public void ZeroInflationAddsThePlantedShareOfZeros()
    {
        // One constant-rate group: P(0) = ω + (1 − ω)e^{−λ}.
        var group = new SimulatedGroup(1, [Math.Log(2.0)], [0.0]);
        var panel = GbtmSimulator.Simulate(new SimulationDesign { Persons = 20_000, Groups = [group], Seed = 3 }).Panel;
        var zeros = panel.Values.Count(c => c == 0) / (double)panel.ObservationCount;
        Assert.InRange(zeros, 0.5 + (0.5 * Math.Exp(-2)) - 0.01, 0.5 + (0.5 * Math.Exp(-2)) + 0.01);
    }

    [Fact]
    public void WindowsAndExposureStayInRange()
    {
        var design = GbtmSimulator.StandardDesign(5000, 2, 3, zeroInflated: false) with { MinExposure = 0.25, MinWindow = 4 };
        var panel = GbtmSimulator.Simulate(design).Panel;
        var lengths = Enumerable.Range(0, panel.PersonCount).Select(i => panel.RowStart[i + 1] - panel.RowStart[i]).ToArray();
        Assert.All(lengths, l => Assert.InRange(l, 4, 21));
        Assert.Contains(lengths, l => l < 21);
        Assert.Contains(lengths, l => l == 21);
        for (var i = 0; i < panel.PersonCount; i++)
        {
            var s = panel.Series(i);
            // A window is contiguous: consecutive time indices.
            Assert.Equal(s.Length - 1, s.TimeIndex[^1] - s.TimeIndex[0]);
        }

        Assert.All(panel.Exposure!, e => Assert.InRange(e, 0.25f, 1f));
    }

    [Fact]
    public void ExposureScalesTheRate()
    {
        var group = new SimulatedGroup(1, [Math.Log(3.0)]);
        var panel = GbtmSimulator.Simulate(new SimulationDesign { Persons = 20_000, Groups = [group], MinExposure = 0.2, Seed = 4 }).Panel;
        var expected = panel.Exposure!.Sum(e => 3.0 * e);
        var observed = panel.Values.Sum(c => (double)c);
        Assert.InRange(observed / expected, 0.99, 1.01);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(4.0)]
    [InlineData(25.0)]
    [InlineData(400.0)]
    public void PoissonDrawsHaveTheRightMeanAndVariance(double lambda)
    {
        var random = new Random(11);
        const int n = 200_000;
        var draws = Enumerable.Range(0, n).Select(_ => (double)PoissonSampler.Draw(random, lambda)).ToArray();
        var mean = draws.Average();
        var variance = draws.Sum(d => (d - mean) * (d - mean)) / (n - 1);
        Assert.InRange(mean, lambda - (5 * Math.Sqrt(lambda / n)), lambda + (5 * Math.Sqrt(lambda / n)));
        Assert.InRange(variance / lambda, 0.98, 1.02);
    }

    [Fact]
    public void InvalidDesignsAreRejected()
    {
        var ok = GbtmSimulator.StandardDesign(10, 2, 2, zeroInflated: false);
        Assert.Throws<ArgumentException>(() => GbtmSimulator.Simulate(ok with { Persons = -1 }));
        Assert.Throws<ArgumentException>(() => GbtmSimulator.Simulate(ok with { MinExposure = 0 }));
        Assert.Throws<ArgumentException>(() => GbtmSimulator.Simulate(ok with { MinWindow = 22 }));
        Assert.Throws<ArgumentException>(() => GbtmSimulator.Simulate(ok with { Groups = [new SimulatedGroup(0, [1.0])] }));
    }
}
