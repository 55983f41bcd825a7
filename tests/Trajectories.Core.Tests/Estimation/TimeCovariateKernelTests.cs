using Trajectories.Core.Estimation;
using Trajectories.Core.Families;
using Trajectories.Core.Panels;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

/// <summary>
/// Time-varying covariates in the trajectory (TCOV) inside the likelihood: the E-step against a plain per-observation
/// sum, the analytic gradient and exact Hessian against finite differences, EM monotonicity, and compression.
/// </summary>
public class TimeCovariateKernelTests
{
    /// <summary>The messy ZIP panel with a 0/1 and a continuous covariate per observation.</summary>
    private static (CountPanel Panel, ModelSpecification Spec) Data(int persons, int seed, bool exposure = true)
    {
        var panel = Models.Messy(persons, seed, exposure);
        var random = new Random(seed);
        var values = new double[panel.ObservationCount * 2];
        for (var o = 0; o < panel.ObservationCount; o++)
        {
            values[2 * o] = random.NextDouble() < 0.3 ? 1 : 0;
            values[(2 * o) + 1] = Math.Round(random.NextDouble() * 2, 1);
        }

        return (panel.WithTimeCovariates(new ObservationCovariates(["detention", "work"], values)), Models.MessyZip.WithTimeCovariates(["detention", "work"]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EStepMatchesAPlainSumOverEachPersonsObservations(bool exposure)
    {
        var (panel, spec) = Data(3000, 51, exposure);
        var m = Models.Prepared(panel, spec, threads: 2);
        var psi = Models.MessyPsi(m);
        var ll = m.EStep(psi);

        // By hand: η = x_t'β + δ₁·detention + δ₂·work, ζ = z_t'γ, log π from θ, summed per person.
        var p = m.Parameters;
        var scale = Basis.TimeScale.FromGrid(panel.Times);
        var logPriors = EStepReference.LogPriors(psi.AsSpan(0, p.MembershipCount));
        var family = ZipFamily.Instance;
        var expected = 0.0;
        var lp = new double[3];
        for (var i = 0; i < panel.PersonCount; i++)
        {
            for (var g = 0; g < 3; g++)
            {
                lp[g] = logPriors[g];
                for (var o = panel.RowStart[i]; o < panel.RowStart[i + 1]; o++)
                {
                    var u = scale.Apply(panel.Times[panel.TimeIndex[o]]);
                    var eta = 0.0;
                    for (var k = 0; k <= p.Orders[g]; k++)
                    {
                        eta += psi[p.BetaOffset[g] + k] * Math.Pow(u, k);
                    }

                    var w = panel.TimeCovariates!.Of(o);
                    eta += (psi[p.BetaOffset[g] + p.Orders[g] + 1] * w[0]) + (psi[p.BetaOffset[g] + p.Orders[g] + 2] * w[1]);
                    var zeta = double.NegativeInfinity;
                    if (p.SecondaryOrders[g] >= 0)
                    {
                        zeta = 0;
                        for (var k = 0; k <= p.SecondaryOrders[g]; k++)
                        {
                            zeta += psi[p.GammaOffset[g] + k] * Math.Pow(u, k);
                        }
                    }

                    var y = panel.Values[o];
                    var logE = panel.Exposure is null ? 0 : Math.Log(panel.Exposure[o]);
                    lp[g] += family.LogDensity(y, logE, eta, zeta);
                }
            }

            // The data constant (−log y!) is the same in every group: added once, outside the mixture.
            var max = lp.Max();
            expected += max + Math.Log(lp.Sum(v => Math.Exp(v - max))) + SumConstants(panel, i, family);
        }

        Assert.True(Math.Abs(ll - expected) <= 1e-8 * Math.Abs(ll), $"{ll} vs {expected}");
    }

    private static double SumConstants(CountPanel panel, int person, ITrajectoryFamily family)
    {
        var s = 0.0;
        for (var o = panel.RowStart[person]; o < panel.RowStart[person + 1]; o++)
        {
            s += family.LogConstant(panel.Values[o]);
        }

        return s;
    }

    [Fact]
    public void AnalyticGradientMatchesFiniteDifferences()
    {
        var (panel, spec) = Data(600, 52);
        var m = Models.Prepared(panel, spec);
        LikelihoodChecks.GradientMatchesDifferences(m, Models.MessyPsi(m));
    }

    [Fact]
    public void ExactHessianMatchesCentralDifferencesOfTheGradient()
    {
        var (panel, spec) = Data(700, 53);
        var m = Models.Prepared(panel, spec);
        LikelihoodChecks.HessianMatchesDifferences(m, Models.MessyPsi(m));
    }

    /// <summary>
    /// The frailty family's exact Hessian carries a per-row person-level term (FrailtyRowTerms): checked here where it
    /// is hardest — gapped rows, part-year exposure, time-varying covariates in the trajectories and risk factors in
    /// the shares at once.
    /// </summary>
    [Fact]
    public void FrailtyExactHessianWithGapsExposureAndCovariatesMatchesCentralDifferences()
    {
        var (panel, _) = Data(700, 54);
        var random = new Random(54);
        var risk = new double[panel.PersonCount];
        for (var i = 0; i < risk.Length; i++)
        {
            risk[i] = random.Next(2);
        }

        var spec = ModelSpecification.Of(FrailtyFamily.Instance, 3, [2, 1, 2]).WithTimeCovariates(["detention", "work"]).WithRiskFactors(["sex"]);
        var m = Models.Prepared(panel.WithCovariates(new PersonCovariates(["sex"], risk)), spec);
        LikelihoodChecks.HessianMatchesDifferences(m, Models.MessyPsi(m), "frailty");
    }

    [Fact]
    public void EmNeverDecreasesTheLogLikelihood()
    {
        var (panel, spec) = Data(800, 54);
        var m = Models.Prepared(panel, spec);
        LikelihoodChecks.EmIsMonotone(m, Models.MessyPsi(m), 30);
    }

    [Fact]
    public void CompressionKeepsPersonsWithDifferentCovariatesApart()
    {
        var panel = TinyPanels.ThreeAlike().WithTimeCovariates(new ObservationCovariates(["detention"], [0, 1, 0, 0, 0, 1]));
        // a and c share their covariates, b differs at time 11.
        var patterns = PatternPanel.Compress(panel);
        Assert.Equal(2, patterns.PatternCount);
        Assert.Equal([2.0, 1.0], patterns.Weights);
        Assert.Equal([0.0, 1.0, 0.0, 0.0], patterns.Patterns.TimeCovariates!.Values);
        var same = TinyPanels.ThreeAlike();
        Assert.Equal(1, PatternPanel.Compress(same.WithTimeCovariates(new ObservationCovariates(["detention"], [0, 1, 0, 1, 0, 1]))).PatternCount);
    }

    [Fact]
    public void AModelNamingAnAbsentCovariateIsRefused()
    {
        var (panel, _) = Data(200, 55);
        var e = Assert.Throws<ModelSpecificationException>(() =>
            TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(2, 1).WithTimeCovariates(["unemployed"])));
        Assert.Contains("no time-varying covariate 'unemployed'", e.Message);
    }
}
