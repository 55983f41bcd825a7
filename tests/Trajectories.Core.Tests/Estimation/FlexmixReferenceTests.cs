using Trajectories.Core.Estimation;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

public class FlexmixReferenceTests
{
    [Theory]
    [InlineData("to1", 2, 2, -9208.634530)]
    [InlineData("to1", 3, 2, -8948.980018)]
    [InlineData("to1", 4, 2, -8766.986748)]
    public void ReachesAtLeastFlexmixLogLikelihood(string data, int k, int order, double flexmix)
    {
        var panel = TestData.ReadWide(Path.Combine(TestData.TorontoFolder(), data + ".csv"));
        var fit = TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(k, order), new FitOptions { Seed = 7 });
        Assert.True(fit.LogLikelihood >= flexmix - 1e-3, $"LL {fit.LogLikelihood} below flexmix {flexmix}");
        Assert.True(fit.Converged, fit.StopReason.ToString());
    }
}
