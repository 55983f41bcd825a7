using Trajectories.Core.Estimation;
using Trajectories.Core.Families;
using Trajectories.Core.Inference;
using Trajectories.Core.Panels;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Inference;

/// <summary>
/// <see cref="FittedModel"/> evaluates a fit from its published estimates alone; summed over persons, its marginal
/// log-likelihood must be the estimator's own at those estimates — for every family, with exposure, an absent inflation,
/// risk factors and time-varying covariates.
/// </summary>
public sealed class FittedModelTests
{
    public static TheoryData<string> References() => new(TestData.ReferenceTable("families/references.tsv").Select(r => r[0]));

    [Theory]
    [MemberData(nameof(References))]
    public void PersonLikelihoodsSumToTheFitsOnTheRReferenceData(string name)
    {
        var row = TestData.ReferenceTable("families/references.tsv").Single(r => r[0] == name);
        // As FamilyReferenceTests: the Gaussian data as a censored normal whose bounds no value comes near.
        ITrajectoryFamily family = row[1] switch
        {
            "cnorm" when name.StartsWith("gaussian", StringComparison.Ordinal) => new CensoredNormalFamily(-1000, 1000),
            "cnorm" => FamilyPanels.Cnorm,
            _ => FamilyCatalog.Find(row[1])!,
        };
        var folder = Folder;
        var panel = FamilyPanels.ReadLong(Path.Combine(folder, name + ".csv"));
        var spec = ModelSpecification.Of(family, int.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture), [int.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture)]);
        var risk = Path.Combine(folder, name + "_risk.csv");
        if (File.Exists(risk))
        {
            panel = FamilyPanels.WithRisk(panel, risk);
            spec = spec.WithRiskFactors(panel.Covariates!.Names);
        }

        var tcov = Path.Combine(folder, name + "_tcov.csv");
        if (File.Exists(tcov))
        {
            panel = FamilyPanels.WithTcov(panel, tcov);
            spec = spec.WithTimeCovariates(panel.TimeCovariates!.Names);
        }

        SumMatches(panel, spec, name);
    }

    [Fact]
    public void PersonLikelihoodsSumToTheFitsForZipWithExposureAndAnAbsentInflation() =>
        SumMatches(Models.Messy(600, 71), Models.MessyZip, "messy zip");

    [Fact]
    public void PersonLikelihoodsSumToTheFitsForTheFrailtyWithExposure()
    {
        var family = FrailtyFamily.Instance;
        SumMatches(FamilyPanels.Simulate(family, 500, 72).Panel, FamilyPanels.Spec(family), "frailty");
    }

    [Fact]
    public void APanelWithoutTheModelsCovariatesIsRefused()
    {
        var folder = Folder;
        var panel = FamilyPanels.WithRisk(FamilyPanels.ReadLong(Path.Combine(folder, "risk_k3_o2.csv")), Path.Combine(folder, "risk_k3_o2_risk.csv"));
        var fit = TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(2, 1).WithRiskFactors(panel.Covariates!.Names), new FitOptions { Starts = 2 });
        var e = Assert.Throws<ArgumentException>(() => new FittedModel(fit, panel.WithCovariates(null)));
        Assert.Contains("risk factors", e.Message, StringComparison.Ordinal);
    }

    private static string Folder => Path.Combine(Trajectories.Testing.RepositoryPaths.Root, "tests", "Trajectories.Core.Tests", "reference", "families");

    private static void SumMatches(CountPanel panel, ModelSpecification spec, string what)
    {
        var fit = TrajectoryEstimator.Fit(panel, spec, new FitOptions { Starts = 4, Seed = 3 });
        var model = new FittedModel(fit, panel);
        var posterior = new double[model.Groups];
        var total = 0.0;
        for (var i = 0; i < panel.PersonCount; i++)
        {
            total += model.Posteriors(i, posterior);
            Assert.Equal(1.0, posterior.Sum(), 12);
        }

        Assert.True(Math.Abs(total - fit.LogLikelihood) <= 1e-9 * Math.Abs(fit.LogLikelihood), $"{what}: {total:R} against the fit's {fit.LogLikelihood:R}");
    }
}
