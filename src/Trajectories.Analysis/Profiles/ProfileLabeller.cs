using System.Globalization;
using Trajectories.Core.Results;

namespace Trajectories.Analysis.Profiles;

/// <summary>The label and the curve features of one fitted group.</summary>
/// <param name="Group">1-based group index of the fit.</param>
/// <param name="Label">One of <see cref="ProfileLabeller.Labels"/> or <see cref="ProfileLabeller.Other"/>.</param>
/// <param name="Description">The features in words (why the label, or what an <c>other</c> group looks like).</param>
/// <param name="PeakAge">Age of the highest fitted rate among well-observed ages.</param>
/// <param name="PeakRate">The fitted rate (expected cases per year) at <paramref name="PeakAge"/>.</param>
/// <param name="Level">Mean fitted rate over ages 15–35 (a common range, so levels compare across groups).</param>
/// <param name="RateYouth">Mean fitted rate over ages 15–20.</param>
/// <param name="RateAdult">Mean fitted rate over ages 25–30.</param>
public sealed record ProfileLabel(
    int Group, string Label, string Description, double PeakAge, double PeakRate, double Level, double RateYouth, double RateAdult);

/// <summary>
/// Names the groups of a fitted trajectory model after the study's four profiles by a rule on the fitted curves
/// alone (no truth, no group order), so it works for any number of groups and on a real register.
/// </summary>
/// <remarks>
/// The rule (<see cref="Rule"/>) claims labels in a fixed order, each at most once: incidental, continuous,
/// early_peaking, late_peaking; a group that meets no unclaimed label's conditions is <c>other</c>. So a K = 2
/// model may get incidental + continuous, a K = 5 model always has at least one <c>other</c>, and no group is ever
/// forced into a profile it does not resemble. Peak ages are searched only where the group has at least 2 % of its
/// largest yearly number of observed persons and within ages 12–45: polynomial curves are unreliable where
/// hardly anyone is observed (the same guard as the generator's calibration check).
/// </remarks>
public static class ProfileLabeller
{
    /// <summary>Label of a group that matches none of the four profiles.</summary>
    public const string Other = "other";

    /// <summary>The four profile labels, in the study's order.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["incidental", "early_peaking", "late_peaking", "continuous"];

    /// <summary>The rule in words, for results.json and the report.</summary>
    public const string Rule =
        "Features of each group's fitted curve: level = mean rate over ages 15-35; peak age = age of the highest rate " +
        "among ages 12-45 observed for at least 2 % of the group's largest yearly count; windows = mean rate over ages. " +
        "Labels are claimed in this order, each at most once: incidental = the lowest-level group, if its peak rate is at " +
        "most half the highest group's peak rate; continuous = the highest-level group, if its level is at least 1.5 times " +
        "every other group's and its rate at 15-20 and at 25-30 are both at least half its peak (high from adolescence into adulthood); early_peaking = among the rest, peak age " +
        "<= 22 and rate at 28-32 at most half the peak (declines), the largest such group; late_peaking = among the rest, " +
        "peak age > 22 and rate at 12-18 at most 35 % of the peak (quiet start), the largest such group; any other group " +
        "is 'other'. A one-group model is 'other'.";

    private const double MinSupport = 0.02;
    private const int MinAge = 12;
    private const int MaxAge = 45;
    private const int EarlyPeakLimit = 22;

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
        var features = Enumerable.Range(1, k).Select(g => Features.Of(points.Where(p => p.Group == g).OrderBy(p => p.Time).ToArray())).ToArray();
        var labels = new string?[k];
        if (k >= 2)
        {
            var byLevel = Enumerable.Range(0, k).OrderBy(g => features[g].Level).ToArray();
            int lowest = byLevel[0], highest = byLevel[^1];
            if (features[lowest].PeakRate <= 0.5 * features[highest].PeakRate)
            {
                labels[lowest] = Labels[0];
            }

            var top = features[highest];
            var clearlyHighest = byLevel[..^1].All(g => top.Level >= 1.5 * features[g].Level);
            if (labels[highest] is null && clearlyHighest && top.RateYouth >= 0.5 * top.PeakRate && top.RateAdult >= 0.5 * top.PeakRate)
            {
                labels[highest] = Labels[3];
            }

            Claim(labels, shares, Labels[1], g => features[g].PeakAge <= EarlyPeakLimit && features[g].RateLate <= 0.5 * features[g].PeakRate);
            Claim(labels, shares, Labels[2], g => features[g].PeakAge > EarlyPeakLimit && features[g].RateStart <= 0.35 * features[g].PeakRate);
        }

        return Enumerable.Range(0, k).Select(g =>
        {
            var f = features[g];
            var label = labels[g] ?? Other;
            var words = string.Create(CultureInfo.InvariantCulture,
                $"peak {f.PeakRate:0.00} cases/year at age {f.PeakAge:0}; mean rate {f.RateYouth:0.00} at ages 15-20, {f.RateAdult:0.00} at 25-30, level {f.Level:0.00} over 15-35");
            var description = label == Other ? "matches no unclaimed profile: " + words : words;
            return new ProfileLabel(g + 1, label, description, f.PeakAge, f.PeakRate, f.Level, f.RateYouth, f.RateAdult);
        }).ToArray();
    }

    private static void Claim(string?[] labels, IReadOnlyList<double> shares, string label, Func<int, bool> fits)
    {
        var best = -1;
        for (var g = 0; g < labels.Length; g++)
        {
            if (labels[g] is null && fits(g) && (best < 0 || shares[g] > shares[best]))
            {
                best = g;
            }
        }

        if (best >= 0)
        {
            labels[best] = label;
        }
    }

    private sealed record Features(double PeakAge, double PeakRate, double Level, double RateYouth, double RateAdult, double RateLate, double RateStart)
    {
        public static Features Of(TrajectoryPoint[] curve)
        {
            if (curve.Length == 0)
            {
                return new Features(double.NaN, 0, 0, 0, 0, 0, 0);
            }

            var most = curve.Max(p => p.N);
            var peak = curve[0];
            var found = false;
            foreach (var p in curve)
            {
                if (p.Time >= MinAge && p.Time <= MaxAge && p.N >= MinSupport * most && (!found || p.Predicted > peak.Predicted))
                {
                    peak = p;
                    found = true;
                }
            }

            if (!found)
            {
                peak = curve.MaxBy(p => p.Predicted)!;
            }

            return new Features(peak.Time, peak.Predicted, Mean(curve, 15, 35), Mean(curve, 15, 20), Mean(curve, 25, 30), Mean(curve, 28, 32), Mean(curve, 12, 18));
        }

        // Mean fitted rate over an age window; the nearest fitted age stands in when the panel misses the window.
        private static double Mean(TrajectoryPoint[] curve, double from, double to)
        {
            var inside = curve.Where(p => p.Time >= from && p.Time <= to).ToArray();
            if (inside.Length > 0)
            {
                return inside.Average(p => p.Predicted);
            }

            var mid = (from + to) / 2;
            return curve.MinBy(p => Math.Abs(p.Time - mid))!.Predicted;
        }
    }
}
