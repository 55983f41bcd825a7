using Trajectories.Core.Estimation;
using Trajectories.Core.Membership;
using Trajectories.Core.Panels;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

/// <summary>
/// The membership model on risk factors inside the likelihood: E-step priors, analytic gradient and exact Hessian
/// against finite differences, the M-step never lowering Q, and compression that respects the covariates.
/// </summary>
public class RiskFactorKernelTests
{
    private static (CountPanel Panel, ModelSpecification Spec) Data(int persons, int seed)
    {
        var panel = Models.Messy(persons, seed);
        var random = new Random(seed);
        var values = new double[panel.PersonCount * 2];
        for (var i = 0; i < panel.PersonCount; i++)
        {
            values[2 * i] = random.Next(2);
            values[(2 * i) + 1] = Math.Round(random.NextDouble() * 3, 1);
        }

        var covariates = new PersonCovariates(["sex", "cohort"], values);
        return (panel.WithCovariates(covariates), Models.MessyZip.WithRiskFactors(["sex", "cohort"]));
    }

    [Fact]
    public void AnalyticGradientMatchesFiniteDifferences()
    {
        var (panel, spec) = Data(600, 41);
        var m = Models.Prepared(panel, spec);
        LikelihoodChecks.GradientMatchesDifferences(m, Models.MessyPsi(m));
    }

    [Fact]
    public void ExactHessianMatchesCentralDifferencesOfTheGradient()
    {
        var (panel, spec) = Data(700, 42);
        var m = Models.Prepared(panel, spec);
        LikelihoodChecks.HessianMatchesDifferences(m, Models.MessyPsi(m));
    }

    [Fact]
    public void PriorsAreTheMultinomialLogitOfEachPersonsCovariates()
    {
        var (panel, spec) = Data(300, 43);
        var m = Models.Prepared(panel, spec);
        var psi = Models.MessyPsi(m);
        var lp = new double[3];
        var theta = psi.AsSpan(0, m.Parameters.MembershipCount);
        for (var i = 0; i < m.Layout.RowCount; i++)
        {
            m.Membership.LogPriors(theta, i, lp);
            var x = m.Membership.Row(i);
            // By hand: logits 0, θ₂·x, θ₃·x.
            var a = new[] { 0.0, (theta[0] * x[0]) + (theta[1] * x[1]) + (theta[2] * x[2]), (theta[3] * x[0]) + (theta[4] * x[1]) + (theta[5] * x[2]) };
            var log = Math.Log(a.Sum(Math.Exp));
            for (var g = 0; g < 3; g++)
            {
                Assert.Equal(a[g] - log, lp[g], 12);
            }
        }
    }

    [Fact]
    public void EmNeverDecreasesTheLogLikelihood()
    {
        var (panel, spec) = Data(800, 44);
        var m = Models.Prepared(panel, spec);
        LikelihoodChecks.EmIsMonotone(m, Models.MessyPsi(m), 30);
    }

    [Fact]
    public void CompressionKeepsPersonsWithDifferentCovariatesApart()
    {
        // Two persons with the same counts but a different sex must not share a row, or their priors would be one.
        var panel = TinyPanels.ThreeAlike().WithCovariates(new PersonCovariates(["sex"], [0, 1, 0]));
        var patterns = PatternPanel.Compress(panel);
        Assert.Equal(2, patterns.PatternCount);
        Assert.Equal([2.0, 1.0], patterns.Weights);
        Assert.Equal([0.0, 1.0], patterns.Patterns.Covariates!.Values);
    }

    [Fact]
    public void ARiskFactorThatDoesNotVaryIsRefused()
    {
        var (panel, _) = Data(200, 45);
        var constant = panel.WithCovariates(new PersonCovariates(["one"], Enumerable.Repeat(1.0, panel.PersonCount).ToArray()));
        var spec = ModelSpecification.Poisson(2, 1).WithRiskFactors(["one"]);
        var e = Assert.Throws<ModelSpecificationException>(() => TrajectoryEstimator.Fit(constant, spec));
        Assert.Contains("'one' has the same value", e.Message);
        Assert.Contains("no covariate 'two'", Assert.Throws<ModelSpecificationException>(() =>
            TrajectoryEstimator.Fit(constant, ModelSpecification.Poisson(2, 1).WithRiskFactors(["two"]))).Message);
    }

    [Fact]
    public void NestedEmbeddingWithRiskFactorsKeepsEveryPersonsDistribution()
    {
        // A split group's copies share its prior for every covariate value: the embedded K = 3 likelihood is the K = 2 one.
        var (panel, _) = Data(500, 46);
        var inner = ModelSpecification.Poisson(2, 1).WithRiskFactors(["sex", "cohort"]);
        var outer = ModelSpecification.Poisson(3, 1).WithRiskFactors(["sex", "cohort"]);
        var small = TrajectoryEstimator.Fit(panel, inner, new FitOptions { Starts = 4, Seed = 3 });
        var embedded = NestedModels.Exact(small, outer);
        Assert.Equal(small.LogLikelihood, Models.Prepared(panel, outer).EStep(embedded), 8);
    }

    [Fact]
    public void RelabellingGroupsReReferencesTheCoefficientsWithoutChangingTheModel()
    {
        var (panel, spec) = Data(400, 47);
        var m = Models.Prepared(panel, spec);
        var psi = Models.MessyPsi(m);
        var ll = m.EStep(psi);
        var p = m.Parameters;
        int[] order = [2, 0, 1];
        var permuted = new double[psi.Length];
        MultinomialLogit.Permute(psi.AsSpan(0, p.MembershipCount), order, 3).CopyTo(permuted, 0);
        var relabelled = spec with { Orders = order.Select(g => spec.Orders[g]).ToArray(), InflationOrders = order.Select(g => spec.InflationOrders[g]).ToArray() };
        var m2 = Models.Prepared(panel, relabelled);
        for (var g = 0; g < 3; g++)
        {
            Array.Copy(psi, p.BetaOffset[order[g]], permuted, m2.Parameters.BetaOffset[g], p.GroupWidth(order[g]));
        }

        Assert.Equal(ll, m2.EStep(permuted), 9);
    }
}
