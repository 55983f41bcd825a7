using Trajectories.Core.Estimation;
using Trajectories.Core.Families;
using Trajectories.Core.Panels;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

/// <summary>
/// Fits on data R drew and fitted itself (<c>reference/families/make_references.R</c>): flexmix for the logit and the
/// uncensored Gaussian, a direct likelihood maximised by optim for the censored normal, the negative binomial and the
/// gamma frailty (<c>make_frailty_reference.R</c>).
/// The fit must reach at least R's log-likelihood and at least that of the true parameters.
/// </summary>
public class FamilyReferenceTests
{
    public static TheoryData<string> Names() => new(TestData.ReferenceTable("families/references.tsv").Select(r => r[0]));

    [Theory]
    [MemberData(nameof(Names))]
    public void ReachesAtLeastRsLogLikelihood(string name)
    {
        var row = TestData.ReferenceTable("families/references.tsv").Single(r => r[0] == name);
        var (familyName, groups, order) = (row[1], int.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture));
        var reference = double.Parse(row[6], System.Globalization.CultureInfo.InvariantCulture);
        var truth = double.Parse(row[7], System.Globalization.CultureInfo.InvariantCulture);
        var panel = FamilyPanels.ReadLong(Folder(name + ".csv"));
        var risk = Folder(name + "_risk.csv");
        var spec = ModelSpecification.Of(Family(familyName, name), groups, [order]);
        if (File.Exists(risk))
        {
            panel = FamilyPanels.WithRisk(panel, risk);
            spec = spec.WithRiskFactors(panel.Covariates!.Names);
        }

        var tcov = Folder(name + "_tcov.csv");
        if (File.Exists(tcov))
        {
            panel = FamilyPanels.WithTcov(panel, tcov);
            spec = spec.WithTimeCovariates(panel.TimeCovariates!.Names);
        }

        var fit = TrajectoryEstimator.Fit(panel, spec, new FitOptions { Starts = 10, Seed = 1 });

        Assert.True(fit.Converged, $"{name}: {fit.StopReason}");
        Assert.True(fit.LogLikelihood >= reference - (1e-7 * Math.Abs(reference)), $"{name}: {fit.LogLikelihood:F6} below R's {reference:F6}");
        Assert.True(fit.LogLikelihood >= truth, $"{name}: {fit.LogLikelihood:F6} below the truth's {truth:F6}");
        // R's fits are run to their own tolerances; the two maxima must be the same optimum, not merely both high.
        Assert.True(fit.LogLikelihood - reference < 0.05, $"{name}: {fit.LogLikelihood:F6} far above R's {reference:F6} — a different optimum?");
        Assert.True(fit.Search.Replicated);
    }

    /// <summary>
    /// The membership coefficients on risk factors (PROC TRAJ's RISK) against flexmix's concomitant multinomial logit
    /// (FLXPmultinom), groups in canonical order, both relative to the lowest group.
    /// </summary>
    [Fact]
    public void RiskFactorCoefficientsMatchFlexmixsConcomitantModel()
    {
        var panel = FamilyPanels.WithRisk(FamilyPanels.ReadLong(Folder("risk_k3_o2.csv")), Folder("risk_k3_o2_risk.csv"));
        var spec = ModelSpecification.Poisson(3, 2).WithRiskFactors(["sex", "cohort"]);
        var fit = TrajectoryEstimator.Fit(panel, spec, new FitOptions { Starts = 10, Seed = 1 });
        var expected = TestData.ReferenceTable("families/risk_k3_o2_membership.tsv");
        Assert.Equal(6, expected.Count);
        foreach (var row in expected)
        {
            var group = int.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture);
            var estimate = double.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture);
            var ours = fit.Membership!.Coefficients.Single(c => c.Group == group && c.Covariate == row[1]);
            Assert.True(Math.Abs(ours.Estimate - estimate) < 2e-3, $"group {group} {row[1]}: {ours.Estimate:F6} vs flexmix {estimate:F6}");
            Assert.True(ours.Se > 0 && ours.P is >= 0 and <= 1);
        }

        // Re-referenced to group 3: the same model, so group 1's coefficients are minus group 3's against group 1.
        var against3 = fit.MembershipRelativeTo(3)!;
        foreach (var c in fit.Membership!.Coefficients.Where(c => c.Group == 3))
        {
            var back = against3.Coefficients.Single(b => b.Group == 1 && b.Covariate == c.Covariate);
            Assert.Equal(-c.Estimate, back.Estimate, 12);
            Assert.Equal(c.Se!.Value, back.Se!.Value, 9);
        }

        // The joint tests do not depend on the reference group.
        Assert.Equal(fit.Membership.Tests.Select(t => t.Chi2!.Value), against3.Tests.Select(t => t.Chi2!.Value), (a, b) => Math.Abs(a - b) < 1e-8 * Math.Max(1, a));
        Assert.All(fit.Membership.Tests, t => Assert.True(t.P < 1e-6, $"{t.Covariate}: p {t.P}"));

        // Average share effects sum to zero over the groups for each covariate (shares always sum to 1).
        foreach (var covariate in new[] { "sex", "cohort" })
        {
            Assert.Equal(0.0, fit.Membership.ShareEffects.Where(e => e.Covariate == covariate).Sum(e => e.Effect), 12);
        }
    }

    /// <summary>
    /// The groups' coefficients of time-varying covariates (PROC TRAJ's TCOV) against flexmix's
    /// <c>y ~ u + I(u^2) + detention + work | id</c>, groups in canonical order; and against the truth R drew from.
    /// </summary>
    [Fact]
    public void TimeVaryingCovariateEffectsMatchFlexmixAndTheTruth()
    {
        var panel = FamilyPanels.WithTcov(FamilyPanels.ReadLong(Folder("tcov_k2_o2.csv")), Folder("tcov_k2_o2_tcov.csv"));
        var spec = ModelSpecification.Poisson(2, 2).WithTimeCovariates(["detention", "work"]);
        var fit = TrajectoryEstimator.Fit(panel, spec, new FitOptions { Starts = 10, Seed = 1 });
        var expected = TestData.ReferenceTable("families/tcov_k2_o2_effects.tsv");
        Assert.Equal(4, expected.Count);
        foreach (var row in expected)
        {
            var group = int.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture);
            var estimate = double.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture);
            var truth = double.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture);
            var ours = fit.Groups[group - 1].TimeCovariates.Single(c => c.Name == row[1]);
            Assert.True(Math.Abs(ours.Estimate - estimate) < 2e-3, $"group {group} {row[1]}: {ours.Estimate:F6} vs flexmix {estimate:F6}");
            Assert.True(Math.Abs(ours.Estimate - truth) < 4 * ours.Se!.Value, $"group {group} {row[1]}: {ours.Estimate:F4} vs truth {truth} (se {ours.Se:F4})");
        }

        // The reported trajectory is at the persons' mean covariates of each year: between the curves at 0 and at 1.
        Assert.All(fit.Trajectories.Where(t => t.InSupport), t => Assert.True(t.Predicted > 0));
    }

    /// <summary>
    /// The gamma-frailty fit's parameters (shares' logit, each group's β and log frailty variance) against the maximum
    /// of the negative multinomial mixture likelihood that R wrote out and optim maximised
    /// (<c>make_frailty_reference.R</c>); groups in canonical order, which both fits share (group 1 the lower).
    /// </summary>
    [Fact]
    public void FrailtyParametersMatchRsDirectLikelihoodMaximum()
    {
        var panel = FamilyPanels.ReadLong(Folder("frailty_k2_o2.csv"));
        var fit = TrajectoryEstimator.Fit(panel, ModelSpecification.Of(FrailtyFamily.Instance, 2, [2]), new FitOptions { Starts = 10, Seed = 1 });
        var expected = TestData.ReferenceTable("families/frailty_k2_o2_estimates.tsv");
        Assert.Equal(fit.Parameters.Count, expected.Count);
        for (var j = 0; j < expected.Count; j++)
        {
            var estimate = double.Parse(expected[j][1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(fit.Parameters[j] - estimate) < 2e-3, $"{expected[j][0]}: {fit.Parameters[j]:F6} vs R {estimate:F6}");
        }

        // Both groups' frailty is well inside its space: their variances have standard errors.
        var se = fit.Covariance!;
        var n = fit.Parameters.Count;
        Assert.All(new[] { 4, 8 }, j => Assert.True(se[(j * n) + j] > 0, $"parameter {j} has no standard error"));

        // The standard errors (from the exact Hessian, FrailtyRowTerms) against R's optimHess of the direct likelihood
        // at its maximum; both Hessians are taken at optima that agree to the estimates' precision above.
        for (var j = 0; j < n; j++)
        {
            var reference = double.Parse(expected[j][3], System.Globalization.CultureInfo.InvariantCulture);
            var ours = Math.Sqrt(se[(j * n) + j]);
            Assert.True(Math.Abs(ours - reference) <= 1e-4 * reference, $"{expected[j][0]}: SE {ours:F8} vs R {reference:F8}");
        }
    }

    private static string Folder(string file) =>
        Path.Combine(Trajectories.Testing.RepositoryPaths.Root, "tests", "Trajectories.Core.Tests", "reference", "families", file);

    // The Gaussian data are fitted as a censored normal whose bounds no value comes near: no censoring, as in flexmix.
    private static ITrajectoryFamily Family(string family, string name) => family switch
    {
        "cnorm" when name.StartsWith("gaussian", StringComparison.Ordinal) => new CensoredNormalFamily(-1000, 1000),
        "cnorm" => new CensoredNormalFamily(0, 10),
        _ => FamilyCatalog.Find(family)!,
    };
}
