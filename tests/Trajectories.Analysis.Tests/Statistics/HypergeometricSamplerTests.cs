using MathNet.Numerics.Random;
using Trajectories.Analysis.Statistics;

namespace Trajectories.Analysis.Tests.Statistics;

public class HypergeometricSamplerTests
{
    [Theory]
    [InlineData(20L, 7L, 12L)]
    [InlineData(630L, 9L, 465L)]
    [InlineData(2_000_000L, 600_000L, 1_000_000L)]
    public void Draws_stay_in_support_with_the_right_mean_and_variance(long population, long successes, long draws)
    {
        var rng = new Xoshiro256StarStar(5);
        const int reps = 20_000;
        var lo = Math.Max(0, draws - (population - successes));
        var hi = Math.Min(draws, successes);
        double sum = 0, sumSq = 0;
        for (var i = 0; i < reps; i++)
        {
            var x = HypergeometricSampler.Sample(population, successes, draws, rng);
            Assert.InRange(x, lo, hi);
            sum += x;
            sumSq += (double)x * x;
        }

        // Mean nK/N; variance nK(N − K)(N − n)/(N²(N − 1)). Mean within 5 SE, variance within 5 %.
        double n = draws, k = successes, N = population;
        var mean = n * k / N;
        var variance = n * k * (N - k) * (N - n) / (N * N * (N - 1));
        var m = sum / reps;
        Assert.InRange(m, mean - 5 * Math.Sqrt(variance / reps), mean + 5 * Math.Sqrt(variance / reps));
        var v = sumSq / reps - m * m;
        Assert.InRange(v, variance * 0.95, variance * 1.05);
    }

    [Fact]
    public void Degenerate_support_returns_the_only_value()
    {
        Assert.Equal(3, HypergeometricSampler.Sample(10, 10, 3, new Xoshiro256StarStar(1)));
        Assert.Equal(0, HypergeometricSampler.Sample(10, 0, 3, new Xoshiro256StarStar(1)));
    }
}
