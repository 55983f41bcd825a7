using FsCheck.Xunit;
using Trajectories.Core.Estimation;

namespace Trajectories.Core.Tests.Estimation;

public class StartPlanTests
{
    [Property(MaxTest = 100)]
    public bool KindsCoverEveryFreshStart(byte size)
    {
        var starts = 1 + size;
        var plan = StartPlan.For(starts);
        var kinds = Enumerable.Range(0, plan.Fresh).Select(plan.KindOf).ToList();
        var random = kinds.Count(k => k != StartKind.KMeans);
        return plan.Fresh + plan.Local == starts
            && kinds.Count(k => k == StartKind.KMeans) == plan.KMeans
            && random == plan.Random
            && kinds.Count(k => k == StartKind.RandomShares) == random / 2
            && kinds[0] == StartKind.KMeans
            && kinds.TakeWhile(k => k == StartKind.KMeans).Count() == plan.KMeans;
    }

    [Theory]
    [InlineData(1, 1, 0, 0)]
    [InlineData(2, 1, 1, 0)]
    [InlineData(5, 2, 2, 1)]
    [InlineData(10, 3, 5, 2)]
    [InlineData(20, 5, 10, 5)]
    public void SplitsStartsAsDocumented(int starts, int kmeans, int random, int local) =>
        Assert.Equal(new StartPlan(kmeans, random, local), StartPlan.For(starts));
}
