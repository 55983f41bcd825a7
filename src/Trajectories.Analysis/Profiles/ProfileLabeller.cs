using System.Globalization;
using Trajectories.Core.Results;

namespace Trajectories.Analysis.Profiles;

/// <summary>The label, match quality and curve features of one fitted group.</summary>
/// <param name="Group">1-based group index of the fit.</param>
/// <param name="Label">One of <see cref="ProfileLabeller.Labels"/> or <see cref="ProfileLabeller.Other"/>.</param>
/// <param name="Description">The label's quality, any competing group, and the curve's shape, in words.</param>
/// <param name="PeakAge">Age of the highest fitted rate among the group's supported ages (NaN when it has none).</param>
/// <param name="PeakRate">The fitted rate (expected cases per year) at <paramref name="PeakAge"/>.</param>
/// <param name="Level">Mean fitted rate over supported ages 15–35 (a common range, so levels compare across groups).</param>
/// <param name="RateYouth">Mean fitted rate over supported ages 15–20 (NaN when the group has none there).</param>
/// <param name="RateAdult">Mean fitted rate over supported ages 25–30 (NaN when the group has none there).</param>
/// <param name="Quality">
/// 0–1 match quality (2 decimals) of the group to <paramref name="Label"/>'s prototype; for an <c>other</c> group, to
/// its <paramref name="Closest"/> profile, so it shows how near it came. A label needs at least 0.5.
/// </param>
/// <param name="Closest">The profile the group matches best, whatever label it got (<c>other</c> when it matches none at all, quality 0).</param>
/// <param name="Rival">
/// The group competing for the same profile: for a labelled group, the other group that also matches its label
/// acceptably (the best such); for an <c>other</c> group that matches its closest profile acceptably, the group that
/// holds that profile. Null when no group competes.
/// </param>
/// <param name="RivalQuality">The rival's quality for that profile (2 decimals).</param>
public sealed record ProfileLabel(
    int Group,
    string Label,
    string Description,
    double PeakAge,
    double PeakRate,
    double Level,
    double RateYouth,
    double RateAdult,
    double Quality,
    string Closest,
    int? Rival,
    double? RivalQuality);

/// <summary>
/// Names the groups of a fitted trajectory model after the study's four profiles, by matching them to the profiles'
/// prototypes on the shapes of the fitted curves alone (no truth, no group order), so it works for any number of
/// groups and on a real register.
/// </summary>
/// <remarks>
/// <para>
/// Why an assignment and not rules claimed in turn: real curves are not the planted ones. Two high-rate groups, two
/// early peaks or a chronic group peaking at 24 made the earlier threshold rules give no continuous group, label a
/// chronic group late-peaking, or give a label to the larger of two candidates rather than the better one. Here each
/// group gets a 0–1 quality for each prototype (<see cref="ProfilePrototypes"/>), and the labels go to the groups by the
/// assignment with the largest total quality among matches of quality ≥ 0.5, each label at most once, solved exactly
/// by enumerating every assignment (K groups × 4 labels is at most a few thousand for K ≤ 8). A group left without a
/// label, or matching nothing well enough, is <c>other</c>; when two groups compete for a label both are named
/// (<see cref="ProfileLabel.Rival"/>), so a reader sees how close the call was.
/// </para>
/// <para>
/// The features (<see cref="CurveFeatures"/>) are read only at ages where the group has at least a quarter of its
/// largest expected number of observed persons: a polynomial is unreliable, and often wild, where its group has hardly
/// anyone. They are relative where that makes them robust: level against the highest group's, each window's rate
/// against the group's own peak.
/// </para>
/// </remarks>
public static class ProfileLabeller
{
    /// <summary>Label of a group that matches none of the four profiles.</summary>
    public const string Other = "other";

    /// <summary>The four profile labels, in the study's order.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["incidental", "early_peaking", "late_peaking", "continuous"];

    /// <summary>The rule in words, for results.json and the report.</summary>
    public const string Rule =
        "Groups are matched to the study's four profiles as an assignment problem on the shapes of their fitted curves. " +
        "Features are read only at ages where the group has at least 25 % of its largest expected number of observed persons " +
        "(nothing is extrapolated): peak age and rate; level = mean rate over ages 15-35, relative to the highest group's; " +
        "peak relative to the highest group's peak; rates at ages 12-15, 15-20, 25-30 and 28-32 relative to the group's own peak; " +
        "intensity = its share of expected cases (observed persons x rate) / its share of observed person-years; its share of persons. Each profile is a few conditions, each scored by a logistic curve that " +
        "is 0.5 at the boundary (scale in brackets): incidental = level <= 0.35 (0.08), peak <= 0.5 of the highest group's peak (0.1), " +
        "rate at 15-20 >= 0.2 of its peak (0.05), intensity <= 0.75 (0.15), share >= 0.10 (0.03) (lowest level, low everywhere " +
        "without a late escalation, few cases from many offenders); early_peaking = peak age >= 14 " +
        "(1) and <= 22.5 (1.5), rate at 12-15 <= 0.6 of the peak (0.1), at 28-32 <= 0.5 of the peak (0.1), level >= 0.25 (0.06) " +
        "(escalates between 15 and 22, then declines); late_peaking = peak age >= 22 (1.5) and <= 35.5 (1.5), rate at 15-20 " +
        "<= 0.3 of the peak (0.06), peak >= 0.3 of the highest group's peak (0.07) (quiet start, escalates late); continuous = " +
        "level >= 0.75 (0.08), rate at 15-20 >= 0.4 (0.08) and at 25-30 >= 0.5 (0.08) of the peak, intensity >= 1.6 (0.2) " +
        "(offends most and keeps on into adulthood). A feature that cannot be measured scores 0.5. Quality = the geometric " +
        "mean of a profile's scores, capped at 2.5 times the weakest (a clearly failed condition, below 0.2, keeps it under 0.5). " +
        "Labels go to groups by the assignment with the largest total quality among matches of quality >= 0.5, each label at most " +
        "once, solved exactly (exact ties: lower group numbers first); every other group is 'other', described with its closest " +
        "profile; when another group also reaches 0.5 for a group's profile it is reported as the rival. A one-group model is 'other'.";

    /// <summary>Labels the groups of a fit.</summary>
    public static IReadOnlyList<ProfileLabel> Label(TrajectoryFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return Label(fit.Trajectories, fit.Groups.Select(g => g.Share).ToArray());
    }

    /// <summary>Labels groups from their fitted curves; <paramref name="shares"/>[g − 1] is group g's share.</summary>
    public static IReadOnlyList<ProfileLabel> Label(IReadOnlyList<TrajectoryPoint> points, IReadOnlyList<double> shares)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(shares);
        var k = shares.Count;
        var features = CurveFeatures.Of(points, shares);

        // A single group has nothing to be lowest or highest against: every relative feature is 1 by construction.
        var quality = features.Select(f => k >= 2 ? ProfilePrototypes.Qualities(f) : new double[Labels.Count]).ToArray();
        var holder = Assign(quality);
        var labelOf = new int[k];
        Array.Fill(labelOf, -1);
        for (var l = 0; l < holder.Length; l++)
        {
            if (holder[l] >= 0)
            {
                labelOf[holder[l]] = l;
            }
        }

        return Enumerable.Range(0, k).Select(g =>
        {
            var f = features[g];
            var closest = Enumerable.Range(0, Labels.Count).Aggregate((best, l) => quality[g][l] > quality[g][best] ? l : best);
            var labelled = labelOf[g] >= 0;
            var profile = labelled ? labelOf[g] : closest;
            var q = quality[g][profile];
            int? rival = null;
            if (labelled)
            {
                // The best other group that would also be acceptable for this label.
                var others = Enumerable.Range(0, k).Where(h => h != g && quality[h][profile] >= ProfilePrototypes.Acceptable).ToArray();
                rival = others.Length == 0 ? null : others.Aggregate((best, h) => quality[h][profile] > quality[best][profile] ? h : best);
            }
            else if (q >= ProfilePrototypes.Acceptable && holder[profile] >= 0)
            {
                rival = holder[profile];
            }

            var label = labelled ? Labels[profile] : Other;
            return new ProfileLabel(
                g + 1, label, k < 2 ? "one group, nothing to compare it with: " + Shape(f) : Describe(label, Labels[profile], q, rival, rival is { } r ? quality[r][profile] : null, f),
                f.PeakAge, f.PeakRate, f.Level, f.RateYouth, f.RateAdult,
                Math.Round(q, 2), quality[g][closest] > 0 ? Labels[closest] : Other, rival + 1, rival is { } h ? Math.Round(quality[h][profile], 2) : null);
        }).ToArray();
    }

    /// <summary>
    /// The assignment of labels to groups with the largest total quality, each label to at most one group and each
    /// group at most one label, only matches of acceptable quality: holder[l] is label l's group, or −1.
    /// </summary>
    /// <remarks>
    /// Exact by enumeration: with L = 4 labels there are Σ_j C(4, j)·K!/(K − j)! partial assignments (3 393 for K = 8,
    /// 146 361 for K = 20), so nothing cleverer is needed. Labels are tried in the study's order and groups in
    /// ascending order, with "no group" last, and only a strictly larger total replaces the best so far, so exact ties
    /// go to lower group numbers: the result is deterministic.
    /// </remarks>
    private static int[] Assign(double[][] quality)
    {
        var k = quality.Length;
        var labels = Labels.Count;
        var current = new int[labels];
        var best = new int[labels];
        Array.Fill(best, -1);
        var bestTotal = 0.0;
        var used = new bool[k];

        void Search(int l, double total)
        {
            if (l == labels)
            {
                if (total > bestTotal + 1e-12)
                {
                    bestTotal = total;
                    Array.Copy(current, best, labels);
                }

                return;
            }

            for (var g = 0; g < k; g++)
            {
                if (!used[g] && quality[g][l] >= ProfilePrototypes.Acceptable)
                {
                    used[g] = true;
                    current[l] = g;
                    Search(l + 1, total + quality[g][l]);
                    used[g] = false;
                }
            }

            current[l] = -1;
            Search(l + 1, total);
        }

        Search(0, 0);
        return best;
    }

    private static string Describe(string label, string profile, double quality, int? rival, double? rivalQuality, CurveFeatures f)
    {
        var inv = CultureInfo.InvariantCulture;
        var shape = Shape(f);
        var competitor = rival is { } r ? string.Create(inv, $"group {r + 1} ({rivalQuality:0.00})") : null;
        if (label != Other)
        {
            var also = competitor is null ? "" : $"; {competitor} also matches {label}";
            return string.Create(inv, $"{label}, quality {quality:0.00}{also}: {shape}");
        }

        if (!f.Supported)
        {
            return "no age with enough observed persons to describe the curve";
        }

        var why = competitor is null
            ? quality > 0 ? string.Create(inv, $"matches no profile well enough (closest {profile}, quality {quality:0.00})") : "matches no profile"
            : string.Create(inv, $"matches {profile} (quality {quality:0.00}) but {competitor} has it");
        return $"{why}: {shape}";
    }

    /// <summary>The curve's shape in words, from its features (what an <c>other</c> group looks like).</summary>
    private static string Shape(CurveFeatures f)
    {
        if (!f.Supported)
        {
            return "no age with enough observed persons";
        }

        var inv = CultureInfo.InvariantCulture;
        var level = f.RelativeLevel >= 0.75 ? "high-rate" : f.RelativeLevel >= 0.35 ? "mid-rate" : "low-rate";
        string course;
        if (f.PeakAge <= 22)
        {
            var peak = f.PeakAtEdge
                ? string.Create(inv, $"highest at its youngest well-observed age ({f.PeakAge:0})")
                : string.Create(inv, $"peaking at age {f.PeakAge:0}");
            var after = f.Adult >= 0.5 ? "persisting into adulthood" : f.Late <= 0.5 ? "then declining" : "declining slowly";
            course = $"{peak}, {after}";
        }
        else if (f.PeakAtEdge)
        {
            course = string.Create(inv, $"still rising at its oldest well-observed age ({f.PeakAge:0})");
        }
        else
        {
            var start = f.Youth <= 0.3 ? "quiet start, " : f.Youth >= 0.4 ? "already high at 15-20, " : double.IsNaN(f.Youth) ? "unobserved at 15-20, " : "";
            course = string.Create(inv, $"{start}peaking at age {f.PeakAge:0}");
        }

        return string.Create(inv,
            $"{level}, {course}; peak {f.PeakRate:0.00} cases/year; at 15-20 {Part(f.Youth)} and at 25-30 {Part(f.Adult)} of the peak; level {f.RelativeLevel:0.00} of the highest group's");
    }

    private static string Part(double x) => double.IsNaN(x) ? "unobserved" : x.ToString("0.00", CultureInfo.InvariantCulture);
}
