using Trajectories.Core.Results;

namespace Trajectories.Analysis.Profiles;

/// <summary>
/// The shape of one group's fitted curve, measured only at the ages where the group has data (its support), and
/// made relative where that makes it comparable across registers: levels relative to the highest group, window rates
/// relative to the group's own peak. A window with no supported age is <see cref="double.NaN"/> (unknown), never an
/// extrapolated polynomial.
/// </summary>
/// <param name="Supported">Whether the group has any supported age at all.</param>
/// <param name="PeakAge">Age of the highest fitted rate among supported ages (the youngest on ties).</param>
/// <param name="PeakRate">The fitted rate at <paramref name="PeakAge"/>.</param>
/// <param name="PeakAtEdge">Whether the peak is the youngest or the oldest supported age (the curve may still rise beyond it).</param>
/// <param name="Level">Mean fitted rate over supported ages 15–35 (over all supported ages when none is in 15–35).</param>
/// <param name="RateYouth">Mean fitted rate over supported ages 15–20.</param>
/// <param name="RateAdult">Mean fitted rate over supported ages 25–30.</param>
/// <param name="RelativeLevel"><paramref name="Level"/> / the highest group's level.</param>
/// <param name="RelativePeak"><paramref name="PeakRate"/> / the highest group's peak rate.</param>
/// <param name="Start">Mean rate over supported ages 12–15 / own peak (how far below its peak the group starts).</param>
/// <param name="Youth"><paramref name="RateYouth"/> / own peak.</param>
/// <param name="Adult"><paramref name="RateAdult"/> / own peak.</param>
/// <param name="Late">Mean rate over supported ages 28–32 / own peak (what is left around age 30).</param>
/// <param name="CaseShare">Expected cases of the group (Σ over supported ages of observed persons × rate) / all groups' expected cases.</param>
/// <param name="Intensity"><paramref name="CaseShare"/> / the group's share of observed person-years (1 = the panel's average rate).</param>
/// <param name="Share">The group's estimated share of persons, π_g.</param>
internal sealed record CurveFeatures(
    bool Supported,
    double PeakAge,
    double PeakRate,
    bool PeakAtEdge,
    double Level,
    double RateYouth,
    double RateAdult,
    double RelativeLevel,
    double RelativePeak,
    double Start,
    double Youth,
    double Adult,
    double Late,
    double CaseShare,
    double Intensity,
    double Share)
{
    /// <summary>
    /// Support: ages where the group's expected number of observed persons is at least this fraction of its largest
    /// (and at least half a person). Polynomial curves are unreliable where hardly anyone of the group is observed —
    /// a cubic fitted to the sample register's incidental group rises to a "peak" at age 12, where it has a tenth of
    /// its persons — so no feature is read there.
    /// </summary>
    public const double SupportFraction = 0.25;

    /// <summary>Measures every group of a fit; <paramref name="shares"/>[g] is group g + 1's π.</summary>
    public static CurveFeatures[] Of(IReadOnlyList<TrajectoryPoint> points, IReadOnlyList<double> shares)
    {
        var k = shares.Count;
        var curves = Enumerable.Range(1, k).Select(g => SupportedPoints(points.Where(p => p.Group == g))).ToArray();

        var cases = curves.Select(c => c.Sum(p => p.N * p.Predicted)).ToArray();
        var personYears = curves.Select(c => c.Sum(p => p.N)).ToArray();
        double allCases = cases.Sum(), allYears = personYears.Sum();

        var raw = curves.Select((c, g) =>
        {
            if (c.Length == 0)
            {
                return (Peak: (TrajectoryPoint?)null, Level: 0.0);
            }

            // Ties go to the youngest age, so a flat curve's peak is where it starts.
            var peak = c.Aggregate((best, p) => p.Predicted > best.Predicted ? p : best);
            var core = c.Where(p => p.Time is >= 15 and <= 35).ToArray();
            var level = (core.Length > 0 ? core : c).Average(p => p.Predicted);
            return (Peak: (TrajectoryPoint?)peak, Level: level);
        }).ToArray();
        var highestLevel = raw.Max(r => r.Level);
        var highestPeak = raw.Max(r => r.Peak?.Predicted ?? 0);

        return curves.Select((c, g) =>
        {
            var r = raw[g];
            if (r.Peak is not { } peak)
            {
                return new CurveFeatures(false, double.NaN, 0, false, 0, double.NaN, double.NaN, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN, 0, double.NaN, shares[g]);
            }

            var rate = peak.Predicted;
            double Relative(double x) => rate > 0 ? x / rate : double.NaN;
            var youth = Mean(c, 15, 20);
            var adult = Mean(c, 25, 30);
            var caseShare = allCases > 0 ? cases[g] / allCases : 0;
            var yearShare = allYears > 0 ? personYears[g] / allYears : 0;
            return new CurveFeatures(
                true, peak.Time, rate, peak.Time == c[0].Time || peak.Time == c[^1].Time, r.Level, youth, adult,
                highestLevel > 0 ? r.Level / highestLevel : 0, highestPeak > 0 ? rate / highestPeak : 0,
                Relative(Mean(c, 12, 15)), Relative(youth), Relative(adult), Relative(Mean(c, 28, 32)),
                caseShare, yearShare > 0 ? caseShare / yearShare : double.NaN, shares[g]);
        }).ToArray();
    }

    /// <summary>The group's points at supported ages, by age.</summary>
    private static TrajectoryPoint[] SupportedPoints(IEnumerable<TrajectoryPoint> curve)
    {
        var all = curve.Where(p => double.IsFinite(p.Predicted)).OrderBy(p => p.Time).ToArray();
        if (all.Length == 0)
        {
            return all;
        }

        var most = all.Max(p => p.N);
        return all.Where(p => p.InSupport && p.N >= 0.5 && p.N >= SupportFraction * most).ToArray();
    }

    /// <summary>Mean rate over the supported ages of a window; NaN when the group has none there (unknown, not extrapolated).</summary>
    private static double Mean(TrajectoryPoint[] curve, double from, double to)
    {
        var sum = 0.0;
        var n = 0;
        foreach (var p in curve)
        {
            if (p.Time >= from && p.Time <= to)
            {
                sum += p.Predicted;
                n++;
            }
        }

        return n > 0 ? sum / n : double.NaN;
    }
}
