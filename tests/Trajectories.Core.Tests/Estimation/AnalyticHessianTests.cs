using Trajectories.Core.Estimation;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

public class AnalyticHessianTests
{
    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(true, false)]
    public void MatchesCentralDifferencesOfTheGradient(bool zip, bool exposure)
    {
        var panel = Models.Messy(700, 13, exposure);
        var spec = zip ? Models.MessyZip : ModelSpecification.Poisson(3, 2, 1, 2);
        var m = Models.Likelihood(panel, spec);
        AssertMatchesDifferences(m, Models.MessyPsi(m));
    }

    /// <summary>Five groups of different widths: every membership parameter meets its own group's block.</summary>
    [Fact]
    public void MatchesCentralDifferencesWithManyGroupsOfDifferentWidths()
    {
        var panel = Models.Messy(900, 17, exposure: false);
        var m = Models.Likelihood(panel, ModelSpecification.Zip(5, [0, 1, 2, 3, 1], [-1, 0, -1, 1, 0]));
        AssertMatchesDifferences(m, Models.MessyPsi(m));
    }

    private static void AssertMatchesDifferences(MixtureLikelihood m, double[] psi) => LikelihoodChecks.HessianMatchesDifferences(m, psi);
}
