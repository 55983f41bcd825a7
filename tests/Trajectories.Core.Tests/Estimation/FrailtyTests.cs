using Trajectories.Core.Estimation;
using Trajectories.Core.Families;
using Trajectories.Core.Numerics;
using Trajectories.Core.Panels;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

/// <summary>
/// The gamma-frailty group model (negative multinomial) beyond the family checks every family passes
/// (<see cref="FamilyKernelTests"/>, <see cref="FamilyRecoveryTests"/>, <see cref="FamilyReferenceTests"/>): its exact
/// special cases, its fast E-step on gapped, exposed and extreme data, and its shape terms.
/// </summary>
public class FrailtyTests
{
    private static ModelSpecification Spec => ModelSpecification.Of(FrailtyFamily.Instance, 3, [2, 1, 2]);

    /// <summary>
    /// With one observation per person a shared frailty is no different from an observation-level one: the negative
    /// multinomial is then the negative binomial with α = Var u, so the two likelihoods agree at every ψ.
    /// </summary>
    [Fact]
    public void OneObservationPerPersonIsTheNegativeBinomial()
    {
        var rng = new Random(5);
        var builder = new CountPanelBuilder(Models.Ages, 2000);
        for (var i = 0; i < 2000; i++)
        {
            builder.BeginPerson("P" + i);
            builder.Add(Models.Ages[rng.Next(Models.Ages.Length)], rng.Next(0, 6) * rng.Next(0, 2));
        }

        var panel = builder.Build();
        var frailty = Models.Likelihood(panel, Spec);
        var nb = Models.Likelihood(panel, ModelSpecification.Of(NegativeBinomialFamily.Instance, 3, [2, 1, 2]));
        var psi = Models.MessyPsi(frailty);
        var a = frailty.EStep(psi);
        var b = nb.EStep(psi);
        Assert.True(Math.Abs(a - b) <= 1e-11 * Math.Abs(b), $"{a} vs {b}");
        Assert.Equal(nb.State.Posteriors, frailty.State.Posteriors, (x, y) => Math.Abs(x - y) < 1e-12);
    }

    /// <summary>As Var u → 0 the model is Poisson: at ζ = −30 (Var u = 1e-13) the likelihoods agree to rounding.</summary>
    [Fact]
    public void VanishingFrailtyIsPoisson()
    {
        var panel = Models.Messy(1500, 3);
        var frailty = Models.Likelihood(panel, Spec);
        var poisson = Models.Likelihood(panel, ModelSpecification.Poisson(3, 2, 1, 2));
        var psi = Models.MessyPsi(frailty);
        var p = frailty.Parameters;
        var poissonPsi = new List<double>(psi.AsSpan(0, p.MembershipCount).ToArray());
        for (var g = 0; g < 3; g++)
        {
            psi[p.GammaOffset[g]] = -30.0;
            poissonPsi.AddRange(psi.AsSpan(p.BetaOffset[g], p.Orders[g] + 1).ToArray());
        }

        var a = frailty.EStep(psi);
        var b = poisson.EStep(poissonPsi.ToArray());
        Assert.True(Math.Abs(a - b) <= 1e-9 * Math.Abs(b), $"{a} vs {b}");
    }

    /// <summary>Rows with gaps (the dense cell list), exposure (non-baseline cells) and several threads, against the plain sum.</summary>
    [Fact]
    public void KernelMatchesTheReferenceWithGapsAndExposure()
    {
        var panel = Models.Messy(4000, 11, exposure: true);
        var m = Models.Likelihood(panel, Spec, threads: 2);
        LikelihoodChecks.KernelMatchesReference(m, panel, Models.MessyPsi(m), "frailty, gaps and exposure");
    }

    /// <summary>
    /// A group whose log rate reaches ±300: the rate prefix sums lose every digit, the kernel sums windows directly,
    /// and the value is still the model's true one.
    /// </summary>
    [Theory]
    [InlineData(300.0)]
    [InlineData(-300.0)]
    [InlineData(45.0)]
    public void KernelMatchesTheReferenceAtExtremeRates(double peak)
    {
        var panel = Models.Messy(2000, 8, exposure: true);
        var m = Models.Likelihood(panel, Spec, threads: 2);
        var psi = Models.MessyPsi(m);
        var p = m.Parameters;
        var off = p.BetaOffset[2];
        psi[off] = -1.0;
        psi[off + 1] = 0;
        psi[off + 2] = peak + 1.0;
        var ll = m.EStep(psi);
        Assert.Equal(peak < 0, m.Tables.PrefixExact);
        var reference = EStepReference.Run(
            PatternPanel.Compress(panel), m.Layout, m.Spec.Family, m.Tables.Eta, m.Tables.Zeta,
            EStepReference.LogPriors(psi.AsSpan(0, p.MembershipCount)));
        Assert.True(ll <= 0 && double.IsFinite(ll), $"{ll}");
        Assert.True(Math.Abs(ll - reference.LogLikelihood) <= 1e-12 * Math.Abs(reference.LogLikelihood), $"{ll} vs {reference.LogLikelihood}");
    }

    /// <summary>
    /// The frailty tables follow ψ even where the density tables are not finite (an infinite rate somewhere): the
    /// windowed-sum path reads them then, so they must never keep a previous ψ's values.
    /// </summary>
    [Fact]
    public void FrailtyTablesFollowPsiWhenDensitiesAreNotFinite()
    {
        var m = Models.Likelihood(Models.Messy(500, 4), Spec);
        var psi = Models.MessyPsi(m);
        m.EStep(psi);
        var p = m.Parameters;
        psi[p.GammaOffset[0]] = -2.5;
        psi[p.BetaOffset[2]] = double.PositiveInfinity;
        m.Tables.Update(psi, 1);
        Assert.False(m.Tables.PrefixExact);
        Assert.Equal(Math.Exp(2.5), m.Tables.Shape[0], 12);
    }

    /// <summary>The shape objective's derivatives in ζ against central differences of its value, across the shape's range.</summary>
    [Theory]
    [InlineData(1.5, 0.3)]
    [InlineData(0.0, 1.0)]
    [InlineData(-2.0, -1.5)]
    [InlineData(-9.0, -8.5)]
    [InlineData(-20.0, -20.0)]
    public void ShapeObjectiveDerivativesMatchDifferences(double zeta, double zeta0)
    {
        var a0 = GammaFrailty.Shape(zeta0);
        const double size = 250.0, excess = -3.5, logSum = -40.0;
        var (_, grad, hess) = GammaFrailty.ShapeObjective(zeta, a0, size, excess, logSum);
        const double h = 1e-4;
        var up = GammaFrailty.ShapeObjective(zeta + h, a0, size, excess, logSum);
        var down = GammaFrailty.ShapeObjective(zeta - h, a0, size, excess, logSum);
        Assert.True(Math.Abs(((up.Value - down.Value) / (2 * h)) - grad) <= 1e-5 * Math.Max(1, Math.Abs(grad)), $"gradient {grad}");
        Assert.True(Math.Abs(((up.Gradient - down.Gradient) / (2 * h)) - hess) <= 1e-5 * Math.Max(1, Math.Abs(hess)), $"hessian {hess}");
    }

    /// <summary>
    /// The series of <see cref="Polygamma"/> against R's lgamma, digamma and trigamma (R 4.2, printed to 17 digits) at
    /// a = 10, where they take over, and a = 50; the direct formulas below 10 join them within MathNet's own accuracy;
    /// and the series keep their digits at a = 1e12, where the direct differences cancel completely.
    /// </summary>
    [Fact]
    public void PolygammaMatchesRAndJoinsTheDirectFormulas()
    {
        // options(digits = 17); a*log(a) - lgamma(a) - a; log(a) - digamma(a); 1/a - trigamma(a)
        Assert.Equal(0.2240234498589917, Polygamma.ShapeTerm(10.0), 13);
        Assert.Equal(0.050832503927324524, Polygamma.LogMinusDigamma(10.0), 13);
        Assert.Equal(-0.0051663356816857159, Polygamma.InverseMinusTrigamma(10.0), 13);
        Assert.Equal(1.0354063250624392367, Polygamma.ShapeTerm(50.0), 13);
        Assert.Equal(0.0100333320002539139, Polygamma.LogMinusDigamma(50.0), 13);
        Assert.Equal(-0.0002013332266971278, Polygamma.InverseMinusTrigamma(50.0), 13);

        var below = 10.0 - 1e-9;
        Assert.Equal(Polygamma.ShapeTerm(below), Polygamma.ShapeTerm(10.0), 9);
        Assert.Equal(Polygamma.LogMinusDigamma(below), Polygamma.LogMinusDigamma(10.0), 9);
        Assert.Equal(Polygamma.InverseMinusTrigamma(below), Polygamma.InverseMinusTrigamma(10.0), 9);

        // a = 1e12: log a − ψ(a) = 1/(2a) + 1/(12a²) + …, which the direct difference cannot resolve.
        Assert.True(Math.Abs((Polygamma.LogMinusDigamma(1e12) / 0.5e-12) - 1) < 1e-11);
        Assert.True(Math.Abs((Polygamma.InverseMinusTrigamma(1e12) / -0.5e-24) - 1) < 1e-11);
    }

    /// <summary>
    /// Far beyond the Poisson boundary (a = e^700, where a² overflows) the shape objective's derivatives stay finite,
    /// and a damped Newton solve refuses a non-finite system instead of looping forever (it once did, hanging a fit).
    /// </summary>
    [Fact]
    public void ShapeTermsStayFiniteBeyondTheBoundaryAndNonFiniteSystemsAreRefused()
    {
        var (value, grad, hess) = GammaFrailty.ShapeObjective(-700.0, GammaFrailty.Shape(-30.0), 100.0, -1e-12, -1e-12);
        Assert.True(double.IsFinite(grad) && double.IsFinite(hess), $"{value} {grad} {hess}");
        Assert.Null(Cholesky.SolveDamped([double.PositiveInfinity, 0, 0, 1], 2, [1.0, 1.0]));
        Assert.Null(Cholesky.SolveDamped([1.0, 0, 0, 1], 2, [double.NaN, 1.0]));
    }

    /// <summary>The E-step's posterior frailty means average to about 1 in each group at the truth (E u = 1 a priori).</summary>
    [Fact]
    public void PosteriorFrailtyMeansAverageToOneAtTheTruth()
    {
        var sim = FamilyPanels.Simulate(FrailtyFamily.Instance, 6000, 41);
        var m = Models.Likelihood(sim.Panel, sim.TrueSpecification());
        m.EStep(sim.TrueParameters());
        for (var g = 0; g < 3; g++)
        {
            var mean = 1.0 - (m.State.FrailtyExcess[g] / m.State.GroupSums[g]);
            Assert.True(Math.Abs(mean - 1.0) < 0.05, $"group {g + 1}: mean posterior frailty {mean:F3}");
        }
    }
}
