using Trajectories.Core.Estimation;

namespace Trajectories.Cli.Tests;

public sealed class ProgressClockTests
{
    [Theory]
    [InlineData(10, 5, 10, "0:10")]
    [InlineData(30, 1, 3, "1:00")]
    [InlineData(3600, 1, 2, "1:00:00")]
    [InlineData(10, 0, 10, null)]
    [InlineData(10, 10, 10, null)]
    public void TimeLeftIsElapsedPerStepTimesStepsLeft(double seconds, int done, int total, string? expected) =>
        Assert.Equal(expected, ProgressClock.Eta(TimeSpan.FromSeconds(seconds), done, total));

    [Fact]
    public void TheLineCountsStepsAndEstimatesEachPhaseFromItsOwnStart()
    {
        var now = TimeSpan.Zero;
        var clock = new ProgressClock(() => now);
        now = TimeSpan.FromSeconds(4);
        Assert.Equal("start 2/10, ETA 0:16", clock.Describe(new FitProgress("start", 2, 10)));
        now = TimeSpan.FromSeconds(20);
        Assert.Equal("start 10/10", clock.Describe(new FitProgress("start", 10, 10)));

        // The finalists began when the starts ended (20 s), not when the work began.
        now = TimeSpan.FromSeconds(30);
        Assert.Equal("finalist 1/3, ETA 0:20", clock.Describe(new FitProgress("finalist", 1, 3)));
    }
}
