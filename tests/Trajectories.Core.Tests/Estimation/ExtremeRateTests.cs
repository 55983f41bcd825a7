using Trajectories.Core.Estimation;
using Trajectories.Core.Families;
using Trajectories.Core.Panels;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

/// <summary>
/// The E-step at parameters where a group's log rate reaches ±300 (or overflows) somewhere on the grid: the
/// log-likelihood must still be the model's true value, i.e. what the plain per-observation sum gives.
/// </summary>
public class ExtremeRateTests
{
    /// <summary>ψ for a 3-group model of <see cref="Models.Messy"/> data where group <paramref name="wild"/>'s log rate reaches <paramref name="peak"/> at the oldest age.</summary>
    private static double[] WildPsi(MixtureLikelihood m, int wild, double peak)
    {
        var psi = Models.MessyPsi(m);
        var p = m.Parameters;
        var off = p.BetaOffset[wild];
        var order = p.Orders[wild];

        // log rate −1 + (peak + 1)·u^order on u ∈ [−1, 1]: −1 at the middle age, `peak` at the oldest.
        psi[off] = -1.0;
        for (var k = 1; k <= order; k++)
        {
            psi[off + k] = 0;
        }

        psi[off + order] = peak + 1.0;
        return psi;
    }

    [Theory]
    [InlineData(false, 300.0)]
    [InlineData(false, -300.0)]
    [InlineData(true, 300.0)]
    [InlineData(true, -300.0)]
    [InlineData(false, 45.0)]
    [InlineData(true, 45.0)]
    public void LikelihoodAtExtremeLogRatesIsTheDirectSum(bool zip, double peak)
    {
        var panel = Models.Messy(3000, 8, exposure: true);
        var spec = zip ? Models.MessyZip : ModelSpecification.Poisson(3, 2, 1, 2);
        var m = Models.Likelihood(panel, spec, threads: 2);
        var psi = WildPsi(m, 2, peak);
        var ll = m.EStep(psi);

        // Poisson zeros have log-density −e^η, so the prefix sums explode with the rate; a zero-inflated group's zeros
        // stay at about log π, and only its positive counts (never differenced against each other) explode.
        Assert.Equal(zip || peak < 0, m.Tables.PrefixExact);

        var patterns = PatternPanel.Compress(panel);
        var reference = EStepReference.Run(
            patterns, m.Layout, spec.Family, m.Tables.Eta, m.Tables.Zeta,
            EStepReference.LogPriors(psi.AsSpan(0, m.Parameters.MembershipCount)));
        Assert.True(ll <= 0, $"a log-likelihood of counts cannot be positive: {ll}");
        Assert.True(Math.Abs(ll - reference.LogLikelihood) <= 1e-12 * Math.Abs(reference.LogLikelihood), $"{ll} vs {reference.LogLikelihood}");
        for (var k = 0; k < reference.Posteriors.Length; k++)
        {
            Assert.True(Math.Abs(m.State.Posteriors[k] - reference.Posteriors[k]) < 1e-9, $"posterior {k}");
        }

        // The likelihood-only pass of the line search must agree bit for bit.
        Assert.Equal(ll, m.LogLikelihood(psi));
    }

    [Fact]
    public void ExplosionBeforeAWindowDoesNotLeakIntoIt()
    {
        // Persons observed at ages 22–26 only never see age 12, where group 2's rate is e^300. In prefix sums over
        // time every window from age 22 on then starts and ends at about −1.9e130, whose difference has lost every
        // digit (it rounds to 0: a "perfect fit" and a positive log-likelihood). Their likelihood must be the direct sum.
        var builder = new CountPanelBuilder(Models.Ages);
        for (var i = 0; i < 200; i++)
        {
            builder.BeginPerson($"late{i}");
            for (var a = 22; a <= 26; a++)
            {
                builder.Add(a, (i + a) % 3 == 0 ? 1 : 0);
            }
        }

        builder.BeginPerson("all");
        for (var a = 12; a <= 26; a++)
        {
            builder.Add(a, a % 2);
        }

        var panel = builder.Build();
        var spec = ModelSpecification.Poisson(2, 1);
        var m = Models.Likelihood(panel, spec);

        // Group 2: log rate −210·(u − 3/7) on u = (age − 19)/7, i.e. 0 at 22 and 300 at 12.
        var psi = new[] { 0.0, -1.0, 0.0, 210.0 * 3.0 / 7.0, -210.0 };
        var ll = m.EStep(psi);
        Assert.False(m.Tables.PrefixExact);
        var reference = EStepReference.Run(PatternPanel.Compress(panel), m.Layout, spec.Family, m.Tables.Eta, m.Tables.Zeta, EStepReference.LogPriors([0.0]));
        Assert.True(ll < 0, $"{ll}");
        Assert.True(Math.Abs(ll - reference.LogLikelihood) <= 1e-12 * Math.Abs(reference.LogLikelihood), $"{ll} vs {reference.LogLikelihood}");
        for (var k = 0; k < reference.Posteriors.Length; k++)
        {
            Assert.True(Math.Abs(m.State.Posteriors[k] - reference.Posteriors[k]) < 1e-12, $"posterior {k}: {m.State.Posteriors[k]} vs {reference.Posteriors[k]}");
        }
    }

    [Fact]
    public void OverflowingRatesGiveMinusInfinityOrTheOtherGroupsNeverNaN()
    {
        var panel = Models.Messy(1000, 3, exposure: false);
        var spec = ModelSpecification.Poisson(3, 2, 1, 2);
        var m = Models.Likelihood(panel, spec);

        // One group overflows (log rate 800 at the oldest age): the others still explain everybody.
        var one = WildPsi(m, 2, 800.0);
        var ll = m.EStep(one);
        Assert.True(double.IsFinite(ll), $"{ll}");
        Assert.DoesNotContain(m.State.Posteriors, double.IsNaN);

        // Every group overflows at every age: no density left anywhere.
        var all = Models.MessyPsi(m);
        for (var g = 0; g < 3; g++)
        {
            all[m.Parameters.BetaOffset[g]] = 800.0;
        }

        Assert.Equal(double.NegativeInfinity, m.EStep(all));
        Assert.DoesNotContain(m.State.Posteriors, double.IsNaN);
        Assert.Equal(double.NegativeInfinity, m.LogLikelihood(all));
    }

    [Theory]
    [InlineData(false, 20.0)]
    [InlineData(false, 24.0)]
    [InlineData(true, 20.0)]
    [InlineData(true, 24.0)]
    public void GradientStaysExactWhereAGroupsRateExplodes(bool frailty, double peak)
    {
        // A cubic extrapolated to ages where its group has no persons reaches rates of e^20–e^24 where other groups'
        // persons are observed. The cell weights there are ~0, but they come from a running sum over time of the
        // whole group's +w·p / −w·p window ends; left uncompensated, its ε·(group size) residue times μ ≈ 10¹⁰ made a
        // gradient error of 10⁻⁴ (Newton then crept without converging on such fits).
        var panel = Models.Messy(3000, 8, exposure: false);
        var spec = frailty ? ModelSpecification.Of(FrailtyFamily.Instance, 3, [2, 1, 2]) : ModelSpecification.Poisson(3, 2, 1, 2);
        var m = Models.Likelihood(panel, spec, threads: 2);
        LikelihoodChecks.GradientMatchesDifferences(m, WildPsi(m, 2, peak), $"{spec.Family.Name} peak {peak}");
    }

    [Fact]
    public void OrdinaryParametersKeepTheFastPath()
    {
        var panel = Models.Messy(2000, 4, exposure: true);
        var m = Models.Likelihood(panel, Models.MessyZip);
        m.EStep(Models.MessyPsi(m));
        Assert.True(m.Tables.PrefixExact);
    }
}
