using Trajectories.Core.Estimation;

namespace Trajectories.Core.Tests.Support;

/// <summary>The checks every likelihood (family, membership model) must pass, against finite differences.</summary>
internal static class LikelihoodChecks
{
    /// <summary>
    /// The fast E-step at ψ (cells, prefix sums, chunks, threads) against <see cref="EStepReference"/>'s plain sum over
    /// each row's own observations: log-likelihood, posteriors and cell weights (and a frailty model's V).
    /// </summary>
    public static void KernelMatchesReference(MixtureLikelihood m, Trajectories.Core.Panels.CountPanel panel, double[] psi, string what = "")
    {
        var ll = m.EStep(psi);
        var reference = EStepReference.Run(
            Trajectories.Core.Panels.PatternPanel.Compress(panel), m.Layout, m.Spec.Family, m.Tables.Eta, m.Tables.Zeta,
            EStepReference.LogPriors(psi.AsSpan(0, m.Parameters.MembershipCount)));
        Assert.True(Math.Abs(ll - reference.LogLikelihood) <= 1e-9 * Math.Abs(ll), $"{what}: {ll} vs {reference.LogLikelihood}");
        for (var k = 0; k < reference.Posteriors.Length; k++)
        {
            Assert.True(Math.Abs(m.State.Posteriors[k] - reference.Posteriors[k]) < 1e-9, $"{what} posterior {k}");
        }

        for (var k = 0; k < reference.CellWeights.Length; k++)
        {
            Assert.True(Math.Abs(m.State.CellWeights[k] - reference.CellWeights[k]) < 1e-7, $"{what} cell weight {k}: {m.State.CellWeights[k]} vs {reference.CellWeights[k]}");
        }

        Assert.Equal(reference.FrailtyWeights.Length, m.State.FrailtyWeights.Length);
        for (var k = 0; k < reference.FrailtyWeights.Length; k++)
        {
            Assert.True(Math.Abs(m.State.FrailtyWeights[k] - reference.FrailtyWeights[k]) < 1e-7, $"{what} frailty weight {k}: {m.State.FrailtyWeights[k]} vs {reference.FrailtyWeights[k]}");
        }
    }

    /// <summary>The analytic gradient at ψ against central differences of the log-likelihood (step 1e-5).</summary>
    public static void GradientMatchesDifferences(MixtureLikelihood m, double[] psi, string what = "")
    {
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
            Assert.True(Math.Abs(fd - grad[j]) <= 1e-5 * Math.Max(1.0, Math.Abs(fd)), $"{what} parameter {j}: analytic {grad[j]}, numeric {fd}");
        }
    }

    /// <summary>The exact Hessian at ψ against central differences of the analytic gradient.</summary>
    public static void HessianMatchesDifferences(MixtureLikelihood m, double[] psi, string what = "")
    {
        var numeric = m.Hessian(psi);
        var exact = m.ExactHessian(psi);
        var scale = numeric.Max(Math.Abs);
        for (var k = 0; k < numeric.Length; k++)
        {
            Assert.True(Math.Abs(numeric[k] - exact[k]) <= 1e-5 * scale, $"{what} entry {k}: numeric {numeric[k]}, analytic {exact[k]}");
        }
    }

    /// <summary>EM steps from ψ never lower the log-likelihood (a generalised EM).</summary>
    public static void EmIsMonotone(MixtureLikelihood m, double[] psi, int iterations, string what = "")
    {
        var previous = m.EStep(psi);
        for (var it = 0; it < iterations; it++)
        {
            m.MStep(psi, 3);
            var ll = m.EStep(psi);
            Assert.True(ll >= previous - (1e-10 * Math.Abs(previous)), $"{what} iteration {it}: {previous} -> {ll}");
            previous = ll;
        }
    }
}
