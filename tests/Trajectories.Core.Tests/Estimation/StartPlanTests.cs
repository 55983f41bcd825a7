using FsCheck.Xunit;
using Trajectories.Core.Estimation;

namespace Trajectories.Core.Tests.Estimation;

public class StartPlanTests
{
    [Property(MaxTest = 100)]
    public bool KindsCoverEveryStartInOrder(byte size)
    {
        var starts = 1 + size;
        var plan = StartPlan.For(starts);
        var kinds = Enumerable.Range(0, starts).Select(plan.KindOf).ToList();
        var ordered = kinds.Zip(kinds.Skip(1)).All(p => p.First <= p.Second);
        return plan.KMeans + plan.Random + plan.Perturbations == starts
            && kinds.Count(k => k == StartKind.KMeans) == plan.KMeans
            && kinds.Count(k => k == StartKind.Perturbation) == plan.Perturbations
            && kinds[0] == StartKind.KMeans
            && ordered;
    }

    [Theory]
    [InlineData(1, 1, 0, 0)]
    [InlineData(2, 1, 1, 0)]
    [InlineData(5, 2, 2, 1)]
    [InlineData(10, 3, 5, 2)]
    [InlineData(20, 5, 10, 5)]
    public void SplitsStartsAsDocumented(int starts, int kmeans, int random, int perturbations) =>
        Assert.Equal(new StartPlan(kmeans, random, perturbations), StartPlan.For(starts));
}
