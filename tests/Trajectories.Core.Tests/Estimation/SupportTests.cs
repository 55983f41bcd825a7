using Trajectories.Core.Basis;
using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;
using Trajectories.Core.Results;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

/// <summary>Degeneracy and published curves judged where a group has persons, not on the whole age grid.</summary>
public class SupportTests
{
    /// <summary>
    /// 400 young persons observed at ages 12–14 with 2–4 cases a year, 400 persons observed at 12–26 with a low rate
    /// (only zeros after 18 when <paramref name="zerosLate"/>): the young group's cubic is only estimated on 12–14.
    /// </summary>
    private static CountPanel YoungAndAll(bool zerosLate = false)
    {
        var b = new CountPanelBuilder(Models.Ages);
        var rng = new Random(5);
        for (var i = 0; i < 400; i++)
        {
            b.BeginPerson($"young{i}");
            for (var a = 12; a <= 14; a++)
            {
                b.Add(a, rng.Next(2, 5));
            }
        }

        for (var i = 0; i < 400; i++)
        {
            b.BeginPerson($"all{i}");
            for (var a = 12; a <= 26; a++)
            {
                b.Add(a, zerosLate && a > 18 ? 0 : rng.Next(0, 2));
            }
        }

        return b.Build();
    }

    private static TrajectoryFit Summarize(CountPanel panel, ModelSpecification spec, double[] psi)
    {
        var patterns = PatternPanel.Compress(panel);
        var model = Models.Likelihood(panel, spec);
        var ll = model.EStep(psi);
        var hessian = model.ExactHessian(psi)!;
        var search = new SearchSummary(1, 1, 1, 1, 1, 1, [new LocalOptimum(ll, 1, 1)], [], "test");
        return FitSummarizer.Summarize(new FitSummarizer.Inputs(
            model, patterns, TimeScale.FromGrid(panel.Times), psi, ll, hessian, new RunState(psi, ll, 1, StopReason.Converged, true),
            search, null, panel.PersonCount, panel.ObservationCount, 0.0));
    }

    [Fact]
    public void ACubicExplodingBeyondItsGroupsAgesIsNotDegenerateAndIsMarkedExtrapolated()
    {
        var panel = YoungAndAll();

        // Group 2: log rate log 3 + 5(u + 1)³ on u = (age − 19)/7: log 3 at 12, +0.12 at 14 (its persons' ages), a
        // fine fit there; e^40 at 26, where no one of the group is observed.
        var psi = new[] { 0.0, Math.Log(0.5), 0, 0, 0, Math.Log(3) + 5, 15, 15, 5 };
        var fit = Summarize(panel, ModelSpecification.Poisson(2, 3), psi);
        var young = fit.Groups[1];
        Assert.True(young.ExpectedSize > 390, $"{young.ExpectedSize}");
        Assert.False(young.Degenerate);
        Assert.Equal(StopReason.Converged, fit.StopReason);

        var curve = fit.Trajectories.Where(p => p.Group == 2).ToList();
        Assert.All(curve.Where(p => p.Time <= 14), p => Assert.True(p.InSupport));
        Assert.All(curve.Where(p => p.Time >= 15), p => Assert.False(p.InSupport));
        Assert.True(curve.Last().Predicted > 1e15, "the extrapolated value itself is still published, marked");
        Assert.All(fit.Trajectories.Where(p => p.Group == 1), p => Assert.True(p.InSupport));
    }

    [Fact]
    public void RatesExplodingWhereTheGroupHasPersonsAreDegenerate()
    {
        // The zero-inflation ridge: the "all" persons have only zeros after 18, so a group with π ≈ 1 there keeps
        // them whatever its Poisson rate, which can run off to e^30 at ages the group covers. One group, so every
        // person is in it.
        var panel = YoungAndAll(zerosLate: true);
        var u18 = -1.0 / 7.0;

        // ψ = [β (4), γ (2)]: log rate −1 + 31u³ (30 at age 26); logit π = 20(u − u18) + 2.
        var psi = new[] { -1.0, 0, 0, 31.0, 2 - (20 * u18), 20.0 };
        var fit = Summarize(panel, ModelSpecification.Zip(1, [3], [1]), psi);
        Assert.True(double.IsFinite(fit.LogLikelihood));
        Assert.True(fit.Groups[0].Degenerate);
        Assert.Equal(StopReason.DegenerateGroup, fit.StopReason);
        Assert.Contains(fit.Warnings, w => w.Contains("degenerate", StringComparison.Ordinal));
        Assert.All(fit.Trajectories, p => Assert.True(p.InSupport));
    }
}
