using System.Globalization;
using Trajectories.Analysis.Profiles;
using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;
using Trajectories.Core.Results;
using Trajectories.Registers.Io;
using Trajectories.Registers.Panels;

namespace Trajectories.Analysis.Tests.Profiles;

/// <summary>
/// The labelling on fitted curves of real data (the Toronto peer data) and of the shipped sample register, at several
/// K. Each fit is a Poisson cubic with 5 starts and a fixed seed (well under a second each). The assertions are about
/// shapes, not group numbers, so they survive a regenerated register or a better optimum.
/// </summary>
public sealed class RealCurveLabellingTests
{
    private static readonly Lazy<CountPanel> Toronto = new(() => ReadWide(Trajectories.Testing.RepositoryPaths.Toronto("to1.csv")));

    private static readonly Lazy<CountPanel> Sample = new(() =>
        RegisterPanel.Build(RegisterReader.Load(Path.Combine(Trajectories.Testing.RepositoryPaths.Root, "sample-registers", "study"))).Panel);

    /// <summary>
    /// Toronto (378 boys, convictions at ages 8–38, no exposure): every group rises from ≈ 0 at age 12, so no group has
    /// a quiet start and late_peaking is never right. K = 3: a low adolescence-limited group (≈ 47 %, peak ≈ 0.9 at 18,
    /// gone by 26) → incidental (lowest level, peak under half the highest group's, few cases per person); a mid-rate
    /// adolescent peak (≈ 45 %, ≈ 1.9 at 19, a fifth of it left at 25–30) → early_peaking; a small high-rate chronic
    /// group (≈ 8 %, peak ≈ 2.5 at 23–24, still ≈ 0.7 of it at 25–30) → continuous — the group the former rule called
    /// late_peaking. K = 4, 5: the adolescent groups split by level; the lowest stays incidental, the highest-rate one
    /// that peaks by 22 and declines is early_peaking, the chronic group continuous, and the groups between are
    /// 'other', each naming the group that holds the profile it resembles.
    /// </summary>
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Toronto_groups_get_the_labels_their_curves_show(int k)
    {
        var fit = TrajectoryEstimator.Fit(Toronto.Value, ModelSpecification.Poisson(k, 3), new FitOptions { Starts = 5, Seed = 1 });
        var labels = ProfileLabeller.Label(fit);
        var what = Describe(labels);

        AssertEachLabelAtMostOnce(labels);
        AssertShapesAgree(labels);
        Assert.True(labels.All(l => l.Label != "late_peaking"), what);
        var incidental = Single(labels, "incidental", what);
        var early = Single(labels, "early_peaking", what);
        var continuous = Single(labels, "continuous", what);

        // Continuous is the highest-level group, incidental one of the two lowest, early_peaking one of the two
        // highest-level groups that peak by 22 and decline (at K = 5 two such groups match about equally well — 0.94
        // and 0.96 — and which one wins may turn on the fit; the loser names the winner).
        Assert.Equal(labels.MaxBy(l => l.Level)!.Group, continuous.Group);
        var declining = labels.Where(l => l.PeakAge <= 22 && l.RateAdult < 0.5 * l.PeakRate).OrderByDescending(l => l.Level);
        Assert.Contains(early.Group, declining.Take(2).Select(l => l.Group));
        Assert.Contains(incidental.Group, labels.OrderBy(l => l.Level).Take(2).Select(l => l.Group));
        Assert.Equal(k - 3, labels.Count(l => l.Label == ProfileLabeller.Other));
        AssertOthersExplained(labels);
    }

    /// <summary>
    /// The sample register (630 offenders planted with the study's four curves, sample-registers/README.md). K = 3: the
    /// incidental group (low, flat after 15) and the late-peaking one (quiet until 20, peak ≈ 31) stand apart; early-
    /// peaking and continuous offenders, both peaking near 19–20, merge into one high-rate adolescent group that is
    /// early_peaking or continuous by its decline. K = 4: the four profiles. K = 5, 6: the four profiles, the extra groups
    /// (a second late-peaking group, or a tiny spurious one) 'other', each either matching nothing acceptably or naming the
    /// group that holds its profile. At every K the incidental group's peak is read at ages it has data for, not at
    /// the cubic's rise at age 12.
    /// </summary>
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Sample_register_groups_get_the_study_profiles(int k)
    {
        var fit = TrajectoryEstimator.Fit(Sample.Value, ModelSpecification.Poisson(k, 3), new FitOptions { Starts = 5, Seed = 1 });
        var labels = ProfileLabeller.Label(fit);
        var what = Describe(labels);

        AssertEachLabelAtMostOnce(labels);
        AssertShapesAgree(labels);
        var incidental = Single(labels, "incidental", what);
        Assert.True(incidental.PeakAge >= 14, what);
        Single(labels, "late_peaking", what);
        if (k == 3)
        {
            var third = labels.Single(l => l.Label is not ("incidental" or "late_peaking"));
            Assert.True(third.Label is "early_peaking" or "continuous", what);
        }
        else
        {
            Assert.True(ProfileLabeller.Labels.All(p => labels.Any(l => l.Label == p)), what);
            Assert.Equal(k - 4, labels.Count(l => l.Label == ProfileLabeller.Other));
        }

        AssertOthersExplained(labels);
    }

    private static ProfileLabel Single(IReadOnlyList<ProfileLabel> labels, string label, string what)
    {
        var found = labels.Where(l => l.Label == label).ToArray();
        Assert.True(found.Length == 1, $"{label} expected once: {what}");
        return found[0];
    }

    private static void AssertEachLabelAtMostOnce(IReadOnlyList<ProfileLabel> labels) =>
        Assert.All(ProfileLabeller.Labels, p => Assert.True(labels.Count(l => l.Label == p) <= 1, p));

    /// <summary>Nothing is labelled against its shape: each label's defining facts hold on the features, with some slack.</summary>
    private static void AssertShapesAgree(IReadOnlyList<ProfileLabel> labels)
    {
        var what = Describe(labels);
        var maxLevel = labels.Max(l => l.Level);
        var maxPeak = labels.Max(l => l.PeakRate);
        foreach (var l in labels)
        {
            var ok = l.Label switch
            {
                "incidental" => l.Level <= 0.4 * maxLevel && l.PeakRate <= 0.6 * maxPeak,
                "early_peaking" => l.PeakAge <= 22.5 && l.RateAdult <= 0.5 * l.PeakRate,
                "late_peaking" => l.PeakAge >= 22 && l.RateYouth <= 0.35 * l.PeakRate,
                "continuous" => l.Level >= 0.75 * maxLevel && l.RateYouth >= 0.4 * l.PeakRate && l.RateAdult >= 0.5 * l.PeakRate,
                _ => true,
            };
            Assert.True(ok, $"group {l.Group} is {l.Label} against its shape: {what}");
            Assert.True(l.Label == ProfileLabeller.Other || l.Quality >= 0.5, what);
        }
    }

    /// <summary>Every 'other' group either matches nothing acceptably or names the group holding its closest profile.</summary>
    private static void AssertOthersExplained(IReadOnlyList<ProfileLabel> labels)
    {
        foreach (var l in labels.Where(l => l.Label == ProfileLabeller.Other))
        {
            if (l.Quality >= 0.5)
            {
                Assert.NotNull(l.Rival);
                Assert.Equal(l.Closest, labels.Single(x => x.Group == l.Rival).Label);
                Assert.Contains($"but group {l.Rival}", l.Description, StringComparison.Ordinal);
            }
            else
            {
                Assert.StartsWith("matches no profile", l.Description, StringComparison.Ordinal);
            }
        }
    }

    private static string Describe(IReadOnlyList<ProfileLabel> labels) =>
        string.Join(" | ", labels.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Group} {l.Label} q={l.Quality:0.00} peak {l.PeakAge:0} level {l.Level:0.00}: {l.Description}")));

    /// <summary>The wide CSV of the peer data: person id, then one count per age (empty or negative: missing).</summary>
    private static CountPanel ReadWide(string path)
    {
        var lines = File.ReadAllLines(path);
        var times = lines[0].Split(',').Skip(1).Select(h => double.Parse(h, CultureInfo.InvariantCulture)).ToArray();
        var builder = new CountPanelBuilder(times, lines.Length * times.Length);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            builder.BeginPerson(cells[0]);
            for (var t = 1; t < cells.Length; t++)
            {
                if (cells[t].Length > 0 && double.Parse(cells[t], CultureInfo.InvariantCulture) is var y and >= 0)
                {
                    builder.Add(times[t - 1], (int)y, 1.0);
                }
            }
        }

        return builder.Build();
    }
}
