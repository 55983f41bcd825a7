using Trajectories.Analysis.Comparisons;
using Trajectories.Analysis.Statistics;
using Trajectories.Analysis.Study;
using Trajectories.Core.Results;
using Trajectories.Reporting.Figures;

namespace Trajectories.Reporting.Report;

/// <summary>The report's figures, as SVG: fitted trajectories, LVB ratios (A1), ever-victim (A2), categories (A3).</summary>
public static class StudyFigures
{
    /// <summary>
    /// Persons of a group who must be observed at an age before its observed mean is drawn: a mean over fewer persons
    /// is mostly noise next to the fitted curve (the numbers observed are printed under the figure).
    /// </summary>
    public const int MinPersonsForMean = 20;

    /// <summary>File names and captions of the figures, in report order. The captions say what is shown, n, the tests and which p-values are adjusted.</summary>
    public static IReadOnlyList<(string File, string Caption)> Files { get; } =
    [
        ("trajectories.svg", $"Figure 1. Fitted registered cases per year by age for each profile (line) with its 95 % band (delta method), drawn over the ages where the profile has persons observed; dots: observed mean where at least {MinPersonsForMean} persons of the profile (modal assignment) are observed. Under the axis: persons of each profile observed at that age (rounded, as every published count). Legend: profile and estimated share."),
        ("figure-a1-lvb.svg", "Figure A1. LVB indicator (any source): risk ratio of each profile and cohort to the non-criminal control group with 95 % CI (log scale; dashed line at 1; green: the interval excludes 1). n: persons in the group. p: Holm-adjusted within its family (the profiles against the non-criminal group; the cohorts against it); unadjusted p-values and the tests (chi-square, or Fisher's exact test for small counts) are in the table above."),
        ("figure-a2-victimisation.svg", "Figure A2. Victim of a registered crime in the victimisation window, per profile (blue) and cohort (orange): percentage with its 95 % Wilson interval, computed from the published (rounded) counts; n: persons in the group. The tests are in the tables above."),
        ("figure-a3-categories.svg", "Figure A3. Offence categories among victims: percentage of the victims in each profile and cohort with at least one victimisation of the category (darker = higher). –: withheld under disclosure control (a count behind it is suppressed) or no victims in the group."),
        ("figure-m1-selection.svg", "Figure M1. BIC (persons) of every model of the selection grid by number of groups, one line per family and polynomial order; the chosen model is ringed. Lower is better; the rule also requires every group to be adequate (table above)."),
        ("figure-m2-posterior.svg", "Figure M2. How sure the classification is: the members of each group (modal assignment; n as published) by band of their largest posterior probability. –: a band withheld under disclosure control."),
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
            [Files[4].File] = Selection(result),
            [Files[5].File] = Posterior(result),
        };
    }

    /// <summary>Figure 1: fitted trajectories with bands, observed means and persons observed, one series per group.</summary>
    public static string Trajectories(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var series = result.Labels.OrderBy(l => l.Group).Select(label =>
        {
            // Only ages where the group has data: a polynomial extrapolated past its support (e.g. a cubic at ages
            // nobody in the group reached) says nothing and would swamp the axis.
            var group = result.Model.Groups.Single(g => g.Group == label.Group);
            var support = Math.Max(5, 0.02 * (group.ExpectedN.Value ?? 0));
            var all = result.Model.Trajectories.Where(p => p.Group == label.Group).OrderBy(p => p.Age).ToList();
            var points = all.Where(p => p.N.Value >= support).ToList();
            var observed = all.ToDictionary(p => p.Age, p => p.N.Display);
            return new LineSeries(
                $"{ReportFormat.Population(StudyAnalysis.PopulationName(label))} ({ReportFormat.Share(group.Share)})",
                points.Select(p => p.Age).ToList(),
                points.Select(p => p.Predicted).ToList(),
                points.Select(p => p.Lower ?? p.Predicted).ToList(),
                points.Select(p => p.Upper ?? p.Predicted).ToList(),
                points.Select(p => p.N.Value >= MinPersonsForMean ? p.ObservedMean : null).ToList(),
                observed);
        }).ToList();
        return LineChart.Render("Offending trajectories by profile", "age", "registered cases per year", series);
    }

    /// <summary>Figure A1: LVB ratio vs the non-criminal control group per profile, offenders and criminal controls.</summary>
    public static string LvbRatios(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var any = result.Lvb.First(o => o.Outcome == "lvb_any");
        var order = ProfileOrder(result).Append("offender").Append("criminal_control");
        var rows = RatesOf(any, order).Select(r =>
        {
            var c = r.VsNoncriminal;
            var note = c?.Ratio is null ? (r.N.IsSuppressed || r.Events.IsSuppressed ? "withheld (disclosure)" : "not estimable") : $"{ReportFormat.Ratio(c.Ratio, c.CiLow, c.CiHigh)}, p {ReportFormat.P(c.PHolm)}";
            return new ForestRow(Labelled(r), c?.Ratio, c?.CiLow, c?.CiHigh, note);
        }).ToList();
        return ForestPlot.Render("LVB indicator: ratio to the non-criminal control group", "risk ratio (log scale)", rows);
    }

    /// <summary>Figure A2: ever-victim percent per profile and cohort, with Wilson intervals from the published counts.</summary>
    public static string EverVictim(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = RatesOf(result.Victimisation.Ever, Populations(result)).Select(r =>
        {
            ConfidenceInterval? interval = r.N.Value is > 0 && r.Events.Value is { } x && r.Percent is not null ? ProportionIntervals.Wilson(x, r.N.Value.Value, 0.95) : null;
            var note = r.Percent is null ? (r.N.IsSuppressed || r.Events.IsSuppressed ? "withheld (disclosure)" : "–")
                : interval is null ? ReportFormat.Percent(r.Percent)
                : $"{ReportFormat.Percent(r.Percent)} ({ReportFormat.Number(100 * interval.Low, 1)}–{ReportFormat.Number(100 * interval.High, 1)})";
            return new IntervalRow(Labelled(r), r.Percent, interval is null ? null : 100 * interval.Low, interval is null ? null : 100 * interval.High, note, r.Population.EndsWith("offender", StringComparison.Ordinal) || r.Population.EndsWith("control", StringComparison.Ordinal));
        }).ToList();
        return IntervalBars.Render($"Victim of a registered crime, {result.Victimisation.Window}", "% of persons", rows);
    }

    /// <summary>Figure A3: each category's share among victims, per population, as a shaded table.</summary>
    public static string Categories(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var categories = result.Victimisation.Categories;
        var populations = Populations(result).ToList();
        return HeatTable.Render(
            "Offence categories among victims (% of victims)",
            categories.Select(c => ReportFormat.Outcome(c.Outcome)).ToList(),
            populations.Select(ReportFormat.Population).ToList(),
            categories.Select(c => (IReadOnlyList<double?>)populations.Select(p => c.Rates.FirstOrDefault(r => r.Population == p)?.Percent).ToList()).ToList(),
            "–: withheld under disclosure control, or no victims in the group");
    }

    /// <summary>Figure M1: BIC (persons) by K, one line per family and order, the chosen model marked.</summary>
    public static string Selection(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = result.Selection.Rows
            .Where(r => r.Orders.Distinct().Count() == 1)
            .GroupBy(r => (r.Family, Order: r.Orders[0]))
            .OrderBy(g => g.Key.Family, StringComparer.Ordinal).ThenBy(g => g.Key.Order)
            .Select(g => new SelectionLine(
                $"{g.Key.Family}, {(g.Key.Order == 0 ? "constant" : ParameterTable.Term(g.Key.Order))}",
                g.Where(r => r.BicPersons is not null).Select(r => (r.Groups, r.BicPersons!.Value)).ToList(),
                g.FirstOrDefault(r => r.Chosen)?.Groups))
            .ToList();
        return SelectionChart.Render("BIC by number of groups", "BIC (persons)", lines);
    }

    /// <summary>Figure M2: each group's members by band of their largest posterior, from the published counts.</summary>
    public static string Posterior(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var bands = result.Model.MaxPosterior.Select(b => b.Band).Distinct().ToList();
        var rows = result.Model.Groups.Select(g =>
        {
            var counts = result.Model.MaxPosterior.Where(b => b.Group == g.Group).ToList();
            var n = g.AssignedN.Value;
            return new StackedRow(
                $"{g.Group} {ReportFormat.Population(g.Population)} (n = {g.AssignedN.Display})",
                counts.Select(c => n is > 0 && c.N.Value is { } v ? 100.0 * v / n.Value : (double?)null).ToList());
        }).ToList();
        return StackedBars.Render("Largest posterior probability per group", bands, rows, "–: withheld under disclosure control");
    }

    /// <summary>A population's name with its number of persons ("incidental (n = 250)").</summary>
    private static string Labelled(PopulationRate rate) => $"{ReportFormat.Population(rate.Population)} (n = {rate.N.Display})";

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
