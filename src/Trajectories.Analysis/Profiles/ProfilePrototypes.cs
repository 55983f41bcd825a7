namespace Trajectories.Analysis.Profiles;

/// <summary>
/// The four profiles of the study (MISSION.md, seed study §1.3) as prototypes: each a few conditions on
/// <see cref="CurveFeatures"/>, and a 0–1 match quality of a group to each prototype.
/// </summary>
/// <remarks>
/// A condition "feature ≤ boundary" scores σ((boundary − feature) / scale) (σ the logistic function), so 0.5 exactly at
/// the boundary, → 1 well inside and → 0 well outside; a feature that cannot be measured (no supported age in its
/// window) scores 0.5, neither for nor against. Soft scores rather than pass/fail keep a group that is just past one
/// boundary comparable with one just inside it, and let the assignment prefer the better of two candidates. The
/// quality is the geometric mean of the scores (every condition counts), capped at 2.5 × the weakest score, so a
/// condition failed clearly (score below 0.2) keeps the quality below the acceptance threshold however well the
/// other conditions fit — a chronic high-rate group peaking at 25 must not become late-peaking on its peak age alone.
/// </remarks>
internal static class ProfilePrototypes
{
    /// <summary>The quality a match needs to be used (all conditions at their boundaries give 0.5).</summary>
    public const double Acceptable = 0.5;

    /// <summary>A condition scoring below this fails clearly: the quality is capped at Acceptable / Failed × that score.</summary>
    public const double Failed = 0.2;

    /// <summary>One condition: the feature, at most (or at least) the boundary, on a soft scale.</summary>
    private sealed record Condition(Func<CurveFeatures, double> Feature, bool AtMost, double Boundary, double Scale)
    {
        public double Score(CurveFeatures f)
        {
            var x = Feature(f);
            if (double.IsNaN(x))
            {
                return 0.5;
            }

            var z = (AtMost ? Boundary - x : x - Boundary) / Scale;
            return 1 / (1 + Math.Exp(-z));
        }
    }

    private static Condition AtMost(Func<CurveFeatures, double> feature, double boundary, double scale) => new(feature, true, boundary, scale);

    private static Condition AtLeast(Func<CurveFeatures, double> feature, double boundary, double scale) => new(feature, false, boundary, scale);

    // In the order of ProfileLabeller.Labels. The boundaries are the study's words made numbers (see ProfileLabeller.Rule).
    private static readonly Condition[][] Conditions =
    [
        // incidental: lowest level, low everywhere (its peak at most half the most active group's, and no quiet start
        // escalating later: that shape is late-peaking however low), a small share of cases from a large share of
        // offenders (9 % from 36 %).
        [
            AtMost(f => f.RelativeLevel, 0.35, 0.08),
            AtMost(f => f.RelativePeak, 0.5, 0.1),
            AtLeast(f => f.Youth, 0.2, 0.05),
            AtMost(f => f.Intensity, 0.75, 0.15),
            AtLeast(f => f.Share, 0.10, 0.03),
        ],

        // early_peaking: escalates between 15 and 22 (peak 14–22, rising into it), then declines steadily (clearly lower
        // by ~30); an escalation reaches a real rate, so not the lowest level.
        [
            AtLeast(f => f.PeakAge, 14, 1.0),
            AtMost(f => f.PeakAge, 22.5, 1.5),
            AtMost(f => f.Start, 0.6, 0.1),
            AtMost(f => f.Late, 0.5, 0.1),
            AtLeast(f => f.RelativeLevel, 0.25, 0.06),
        ],

        // late_peaking: quiet start (low at 15–20 for its peak), escalates late (peak 22–35) to a real rate.
        [
            AtLeast(f => f.PeakAge, 22, 1.5),
            AtMost(f => f.PeakAge, 35.5, 1.5),
            AtMost(f => f.Youth, 0.3, 0.06),
            AtLeast(f => f.RelativePeak, 0.3, 0.07),
        ],

        // continuous: offends most often (highest level, many cases per person: 40 % of cases from 15 %) and keeps on
        // into adulthood (high at 15–20 and still high at 25–30).
        [
            AtLeast(f => f.RelativeLevel, 0.75, 0.08),
            AtLeast(f => f.Youth, 0.4, 0.08),
            AtLeast(f => f.Adult, 0.5, 0.08),
            AtLeast(f => f.Intensity, 1.6, 0.2),
        ],
    ];

    /// <summary>The quality of a group for each profile, in the order of <see cref="ProfileLabeller.Labels"/>.</summary>
    public static double[] Qualities(CurveFeatures f) => Conditions.Select(c => Quality(c, f)).ToArray();

    private static double Quality(Condition[] conditions, CurveFeatures f)
    {
        if (!f.Supported)
        {
            return 0;
        }

        var scores = conditions.Select(c => c.Score(f)).ToArray();
        var geometric = Math.Exp(scores.Average(s => Math.Log(Math.Max(s, 1e-300))));
        return Math.Min(geometric, Acceptable / Failed * scores.Min());
    }
}
