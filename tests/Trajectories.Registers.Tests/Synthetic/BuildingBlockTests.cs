using Trajectories.Registers.Model;
using Trajectories.Registers.Synthetic;

namespace Trajectories.Registers.Tests.Synthetic;

public class BuildingBlockTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(630)]
    [InlineData(1025)]
    public void StratifiedAssignmentIsABijectionWithExactCounts(int n)
    {
        var shares = new[] { 0.36, 0.28, 0.21, 0.15 };
        var assignment = new StratifiedAssignment(n, shares, 99);
        var seen = new HashSet<(int, long)>();
        var counts = new long[4];
        for (var i = 0; i < n; i++)
        {
            var k = assignment.CategoryOf(i, out var rank);
            Assert.InRange(rank, 0, assignment.Counts[k] - 1);
            Assert.True(seen.Add((k, rank)));
            counts[k]++;
        }

        Assert.Equal(assignment.Counts, counts);
        Assert.Equal(n, counts.Sum());
        for (var k = 0; k < 4; k++)
        {
            Assert.True(Math.Abs(counts[k] - (n * shares[k])) < 1.0);
        }
    }

    [Fact]
    public void RandomStreamMomentsMatchTheirDistributions()
    {
        var rng = RandomStream.For(1, 2, 3);
        const int draws = 200_000;
        double poisson = 0, poissonSq = 0, gamma = 0, gammaSq = 0;
        for (var i = 0; i < draws; i++)
        {
            double p = rng.Poisson(2.5);
            poisson += p;
            poissonSq += p * p;
            var g = rng.MeanOneGamma(3.0);
            gamma += g;
            gammaSq += g * g;
        }

        var poissonMean = poisson / draws;
        Assert.InRange(poissonMean, 2.47, 2.53);
        Assert.InRange((poissonSq / draws) - (poissonMean * poissonMean), 2.43, 2.57);
        var gammaMean = gamma / draws;
        Assert.InRange(gammaMean, 0.99, 1.01);
        Assert.InRange((gammaSq / draws) - (gammaMean * gammaMean), 0.32, 0.35);
    }

    [Fact]
    public void StreamsOfNeighbouringMatchesDiffer()
    {
        var a = RandomStream.For(1, 0, 0);
        var b = RandomStream.For(1, 1, 0);
        var c = RandomStream.For(1, 0, 1);
        var first = a.NextULong();
        Assert.NotEqual(first, b.NextULong());
        Assert.NotEqual(first, c.NextULong());
    }

    [Fact]
    public void CancellationLeavesTheSinkIncomplete()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var register = new InMemoryRegister();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            SyntheticRegisterGenerator.Generate(new GeneratorOptions { Offenders = 100 }, register, null, cancelled.Token));
        Assert.False(register.IsComplete);
    }

    [Fact]
    public void ProgressEndsAtOneAndInvalidSizesAreRejected()
    {
        var reports = new List<double>();
        var register = new InMemoryRegister();
        SyntheticRegisterGenerator.Generate(
            new GeneratorOptions { Offenders = 1000, ChunkSize = 100 }, register, new SyncProgress(reports));
        Assert.Equal(1.0, reports[^1]);
        Assert.Equal(reports.OrderBy(r => r), reports);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            SyntheticRegisterGenerator.Generate(new GeneratorOptions { Offenders = 0 }, new InMemoryRegister()));
    }

    private sealed class SyncProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }
}
