using Trajectories.Analysis.Comparisons;
using Trajectories.Analysis.Study;
using Trajectories.Reporting.Figures;

namespace Trajectories.Reporting.Report;

/// <summary>The report's figures, as SVG: fitted trajectories, LVB ratios (A1), ever-victim (A2), categories (A3).</summary>
public static class StudyFigures
{
    /// <summary>File names and titles of the figures, in report order.</summary>
    public static IReadOnlyList<(string File, string Caption)> Files { get; } =
    [
        ("trajectories.svg", "Figure 1. Fitted yearly cases by age per profile (line), 95 % band (delta method) and observed mean (dots)."),
        ("figure-a1-lvb.svg", "Figure A1. LVB indicator (any source): ratio to the non-criminal control group with 95 % CI; dashed line at 1; green marks an interval that excludes 1."),
        ("figure-a2-victimisation.svg", "Figure A2. Victim of a registered crime in the victimisation window, per profile and cohort (%)."),
        ("figure-a3-categories.svg", "Figure A3. Offence categories among victims, per profile and cohort (% of victims)."),
    ];

    /// <summary>Renders every figure, keyed by file name.</summary>
    public static IReadOnlyDictionary<string, string> Render(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new Dictionary<string, string>
        {
            [Files[0].File] = Trajectories(result),
            [Files[1].File] = LvbRatios(result),
            [Files[2].File] = EverVictim(result),
            [Files[3].File] = Categories(result),
        };
    }

    /// <summary>Figure 1: fitted trajectories with bands and observed means, one series per group.</summary>
    public static string Trajectories(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var series = result.Labels.OrderBy(l => l.Group).Select(label =>
        {
            // Only ages where the group has data: a polynomial extrapolated past its support (e.g. a cubic at ages
            // nobody in the group reached) says nothing and would swamp the axis.
            var group = result.Model.Groups.Single(g => g.Group == label.Group);
            var support = Math.Max(5, 0.02 * (group.ExpectedN.Value ?? 0));
            var points = result.Model.Trajectories.Where(p => p.Group == label.Group && p.N.Value >= support).OrderBy(p => p.Age).ToList();
            var share = group.Share;
            return new LineSeries(
                $"{ReportFormat.Population(StudyAnalysis.PopulationName(label))} ({ReportFormat.Share(share)})",
                points.Select(p => p.Age).ToList(),
                points.Select(p => p.Predicted).ToList(),
                points.Select(p => p.Lower ?? p.Predicted).ToList(),
                points.Select(p => p.Upper ?? p.Predicted).ToList(),
                points.Select(p => p.ObservedMean).ToList());
        }).ToList();
        return LineChart.Render("Offending trajectories by profile", "age", "registered cases per year", series);
    }

    /// <summary>Figure A1: LVB ratio vs the non-criminal control group per profile, offenders and criminal controls.</summary>
    public static string LvbRatios(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var any = result.Lvb.First(o => o.Outcome == "lvb_any");
        var order = ProfileOrder(result).Append("offender").Append("criminal_control");
        var rows = order.Select(code => any.Rates.FirstOrDefault(r => r.Population == code)).Where(r => r is not null).Select(r =>
        {
            var c = r!.VsNoncriminal;
            var note = c?.Ratio is null ? (r.N.IsSuppressed ? "suppressed" : "–") : $"{ReportFormat.Ratio(c.Ratio, c.CiLow, c.CiHigh)}  p {ReportFormat.P(c.PValue)}";
            return new ForestRow(ReportFormat.Population(r.Population), c?.Ratio, c?.CiLow, c?.CiHigh, note);
        }).ToList();
        return ForestPlot.Render("LVB indicator: ratio to the non-criminal control group", "ratio (log scale)", rows);
    }

    /// <summary>Figure A2: ever-victim percent per profile and cohort.</summary>
    public static string EverVictim(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ever = result.Victimisation.Ever;
        var groups = Populations(result).Select(code => new BarGroup(
            ReportFormat.Population(code),
            [ever.Rates.FirstOrDefault(r => r.Population == code)?.Percent])).ToList();
        return BarChart.Render($"Victim of a registered crime, {result.Victimisation.Window}", "% of persons", ["ever victim"], groups, 100);
    }

    /// <summary>Figure A3: each category's share among victims, per population.</summary>
    public static string Categories(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var categories = result.Victimisation.Categories;
        var groups = Populations(result).Select(code => new BarGroup(
            ReportFormat.Population(code),
            categories.Select(c => c.Rates.FirstOrDefault(r => r.Population == code)?.Percent).ToList())).ToList();
        return BarChart.Render("Offence categories among victims", "% of victims", categories.Select(c => ReportFormat.Outcome(c.Outcome)).ToList(), groups, 100);
    }

    /// <summary>Profile population codes in group order, then the three cohorts.</summary>
    public static IEnumerable<string> Populations(AnalysisResult result) =>
        ProfileOrder(result).Concat(["offender", "criminal_control", "noncriminal_control"]);

    private static IEnumerable<string> ProfileOrder(AnalysisResult result) =>
        result.Labels.OrderBy(l => l.Group).Select(StudyAnalysis.PopulationName);

    /// <summary>Rates of one outcome for the given populations (missing populations skipped).</summary>
    public static IEnumerable<PopulationRate> RatesOf(BinaryOutcome outcome, IEnumerable<string> populations)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return populations.Select(p => outcome.Rates.FirstOrDefault(r => r.Population == p)).Where(r => r is not null)!;
    }
}
