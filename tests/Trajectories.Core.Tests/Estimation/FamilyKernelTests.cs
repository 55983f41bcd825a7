using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;
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
    [InlineData("logit")]
    [InlineData("cnorm")]
    public void FastKernelMatchesScalarReference(string name)
    {
        var family = FamilyPanels.Family(name);
        var panel = FamilyPanels.Simulate(family, 5000, 21).Panel;
        var spec = FamilyPanels.Spec(family);
        var m = Models.Likelihood(panel, spec, threads: 2);
        var psi = Models.MessyPsi(m);
        var ll = m.EStep(psi);

        var reference = EStepReference.Run(
            PatternPanel.Compress(panel), m.Layout, family, m.Tables.Eta, m.Tables.Zeta,
            EStepReference.LogPriors(psi.AsSpan(0, m.Parameters.MembershipCount)));

        Assert.True(Math.Abs(ll - reference.LogLikelihood) <= 1e-9 * Math.Abs(ll), $"{ll} vs {reference.LogLikelihood}");
        for (var k = 0; k < reference.Posteriors.Length; k++)
        {
            Assert.True(Math.Abs(m.State.Posteriors[k] - reference.Posteriors[k]) < 1e-9, $"posterior {k}");
        }

        for (var k = 0; k < reference.CellWeights.Length; k++)
        {
            Assert.True(Math.Abs(m.State.CellWeights[k] - reference.CellWeights[k]) < 1e-7, $"cell weight {k}");
        }
    }

    [Theory]
    [InlineData("nb")]
    [InlineData("logit")]
    [InlineData("cnorm")]
    public void AnalyticGradientMatchesFiniteDifferences(string name)
    {
        var family = FamilyPanels.Family(name);
        var m = Models.Likelihood(FamilyPanels.Simulate(family, 600, 22).Panel, FamilyPanels.Spec(family));
        var psi = Models.MessyPsi(m);
        var grad = new double[psi.Length];
        m.Gradient(psi, grad);
        for (var j = 0; j < psi.Length; j++)
        {
            const double h = 1e-5;
            var x = psi.ToArray();
            x[j] += h;
            var up = m.EStep(x);
            x[j] -= 2 * h;
            var fd = (up - m.EStep(x)) / (2 * h);
            Assert.True(Math.Abs(fd - grad[j]) <= 1e-5 * Math.Max(1.0, Math.Abs(fd)), $"{name} parameter {j}: analytic {grad[j]}, numeric {fd}");
        }
    }

    [Theory]
    [InlineData("nb")]
    [InlineData("logit")]
    [InlineData("cnorm")]
    public void ExactHessianMatchesCentralDifferencesOfTheGradient(string name)
    {
        var family = FamilyPanels.Family(name);
        var m = Models.Likelihood(FamilyPanels.Simulate(family, 700, 23).Panel, FamilyPanels.Spec(family));
        var psi = Models.MessyPsi(m);
        var numeric = m.Hessian(psi);
        var exact = m.ExactHessian(psi)!;
        var scale = numeric.Max(Math.Abs);
        for (var k = 0; k < numeric.Length; k++)
        {
            Assert.True(Math.Abs(numeric[k] - exact[k]) <= 1e-5 * scale, $"{name} entry {k}: numeric {numeric[k]}, analytic {exact[k]}");
        }
    }

    [Theory]
    [InlineData("nb")]
    [InlineData("logit")]
    [InlineData("cnorm")]
    public void EmNeverDecreasesTheLogLikelihood(string name)
    {
        var family = FamilyPanels.Family(name);
        var m = Models.Likelihood(FamilyPanels.Simulate(family, 800, 24).Panel, FamilyPanels.Spec(family));
        var psi = Models.MessyPsi(m);
        var previous = m.EStep(psi);
        for (var it = 0; it < 40; it++)
        {
            m.MStep(psi, 3);
            var ll = m.EStep(psi);
            Assert.True(ll >= previous - (1e-10 * Math.Abs(previous)), $"{name} iteration {it}: {previous} -> {ll}");
            previous = ll;
        }
    }
}
