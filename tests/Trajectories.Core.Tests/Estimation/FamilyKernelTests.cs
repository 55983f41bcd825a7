using Trajectories.Core.Estimation;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

/// <summary>
/// The fast paths (cells, prefix sums, chunked E-step, analytic gradient and Hessian) for the negative binomial,
/// logit and censored-normal families, each against the plain scalar reference or finite differences.
/// </summary>
public class FamilyKernelTests
{
    [Theory]
    [InlineData("nb")]
    [InlineData("frailty")]
    [InlineData("logit")]
    [InlineData("cnorm")]
    public void FastKernelMatchesScalarReference(string name)
    {
        var family = FamilyPanels.Family(name);
        var panel = FamilyPanels.Simulate(family, 5000, 21).Panel;
        var spec = FamilyPanels.Spec(family);
        var m = Models.Likelihood(panel, spec, threads: 2);
        LikelihoodChecks.KernelMatchesReference(m, panel, Models.MessyPsi(m), name);
    }

    [Theory]
    [InlineData("nb")]
    [InlineData("frailty")]
    [InlineData("logit")]
    [InlineData("cnorm")]
    public void AnalyticGradientMatchesFiniteDifferences(string name)
    {
        var family = FamilyPanels.Family(name);
        var m = Models.Likelihood(FamilyPanels.Simulate(family, 600, 22).Panel, FamilyPanels.Spec(family));
        LikelihoodChecks.GradientMatchesDifferences(m, Models.MessyPsi(m), name);
    }

    [Theory]
    [InlineData("nb")]
    [InlineData("frailty")]
    [InlineData("logit")]
    [InlineData("cnorm")]
    public void ExactHessianMatchesCentralDifferencesOfTheGradient(string name)
    {
        var family = FamilyPanels.Family(name);
        var m = Models.Likelihood(FamilyPanels.Simulate(family, 700, 23).Panel, FamilyPanels.Spec(family));
        LikelihoodChecks.HessianMatchesDifferences(m, Models.MessyPsi(m), name);
    }

    [Theory]
    [InlineData("nb")]
    [InlineData("frailty")]
    [InlineData("logit")]
    [InlineData("cnorm")]
    public void EmNeverDecreasesTheLogLikelihood(string name)
    {
        var family = FamilyPanels.Family(name);
        var m = Models.Likelihood(FamilyPanels.Simulate(family, 800, 24).Panel, FamilyPanels.Spec(family));
        LikelihoodChecks.EmIsMonotone(m, Models.MessyPsi(m), 40, name);
    }
}
