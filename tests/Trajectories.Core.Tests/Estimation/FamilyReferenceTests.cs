using Trajectories.Core.Estimation;
using Trajectories.Core.Families;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

/// <summary>
/// Fits on data R drew and fitted itself (<c>reference/families/make_references.R</c>): flexmix for the logit and the
/// uncensored Gaussian, a direct likelihood maximised by optim for the censored normal and the negative binomial.
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
        var panel = FamilyPanels.ReadLong(Path.Combine(Trajectories.Testing.RepositoryPaths.Root, "tests", "Trajectories.Core.Tests", "reference", "families", name + ".csv"));

        // The Gaussian data are fitted as a censored normal whose bounds no value comes near: no censoring, as in flexmix.
        var family = familyName == "cnorm" ? name.StartsWith("gaussian", StringComparison.Ordinal) ? new CensoredNormalFamily(-1000, 1000) : new CensoredNormalFamily(0, 10) : FamilyCatalog.Find(familyName)!;
        var fit = TrajectoryEstimator.Fit(panel, ModelSpecification.Of(family, groups, [order]), new FitOptions { Starts = 10, Seed = 1 });

        Assert.True(fit.Converged, $"{name}: {fit.StopReason}");
        Assert.True(fit.LogLikelihood >= reference - (1e-7 * Math.Abs(reference)), $"{name}: {fit.LogLikelihood:F6} below R's {reference:F6}");
        Assert.True(fit.LogLikelihood >= truth, $"{name}: {fit.LogLikelihood:F6} below the truth's {truth:F6}");
        // R's fits are run to their own tolerances; the two maxima must be the same optimum, not merely both high.
        Assert.True(fit.LogLikelihood - reference < 0.05, $"{name}: {fit.LogLikelihood:F6} far above R's {reference:F6} — a different optimum?");
        Assert.True(fit.Search.Replicated);
    }
}
