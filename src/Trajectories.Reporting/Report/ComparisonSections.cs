using Trajectories.Analysis.Comparisons;
using Trajectories.Analysis.Study;
using Trajectories.Reporting.Html;

namespace Trajectories.Reporting.Report;

/// <summary>The LVB and victimisation sections of the report: tables of rates, contrasts, paired analyses, figures.</summary>
public static class ComparisonSections
{
    private static readonly string[] RateHeader = ["population", "n", "with outcome", "%", "ratio vs non-criminal (95 % CI)", "p", "p (Holm)", "test"];

    /// <summary>Appends the LVB section.</summary>
    public static void Lvb(HtmlPage page, AnalysisResult result, IReadOnlyDictionary<string, string> figures)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(figures);
        page.Section("lvb", "LVB indicators");
        page.Paragraph("LVB = use of at least one publicly funded provision because of a mild intellectual disability in the source windows (AO work-disability benefit, CIZ care indication, Wsw sheltered employment). The indicator undercounts LVB equally in every group, so only ratios between groups are interpreted.");
        var any = result.Lvb.First(o => o.Outcome == "lvb_any");
        Outcome(page, result, any);
        page.Figure("figure-a1", figures[StudyFigures.Files[1].File], StudyFigures.Files[1].Caption);
        foreach (var source in result.Lvb.Where(o => o.Outcome != "lvb_any"))
        {
            page.Heading(ReportFormat.Outcome(source.Outcome));
            RateTable(page, result, source);
        }
    }

    /// <summary>Appends the victimisation section.</summary>
    public static void Victimisation(HtmlPage page, AnalysisResult result, IReadOnlyDictionary<string, string> figures)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(figures);
        var v = result.Victimisation;
        page.Section("victimisation", "Victimisation");
        page.Paragraph($"Being registered by the police as victim or reporting party of a crime in {v.Window}.");
        Outcome(page, result, v.Ever);
        page.Figure("figure-a2", figures[StudyFigures.Files[2].File], StudyFigures.Files[2].Caption);

        page.Heading("Number of victimisations among victims");
        page.Table(
            ["population", "victims", "mean count"],
            StudyFigures.Populations(result).Select(p => v.Means.FirstOrDefault(m => m.Population == p)).Where(m => m is not null)
                .Select(m => (IReadOnlyList<string>)[ReportFormat.Population(m!.Population), m.Victims.Display, ReportFormat.Number(m.Mean)]));
        page.Table(
            ["population", "versus", "ratio of means (95 % CI)", "p", "p (Holm)", "test"],
            v.MeanContrasts.Select(c => (IReadOnlyList<string>)[ReportFormat.Population(c.Population), ReportFormat.Population(c.Versus), ReportFormat.Ratio(c.RatioOfMeans, c.CiLow, c.CiHigh), ReportFormat.P(c.PValue), ReportFormat.P(c.PHolm), c.Test]),
            "Mean counts compared");
        if (v.MeansAcrossProfiles is { } across)
        {
            page.Paragraph($"Across the profiles: {across.Test}, statistic {ReportFormat.Number(across.Statistic)}, p {ReportFormat.P(across.PValue)}.");
        }

        page.Heading("Offence categories among victims");
        page.Table(
            new[] { "category" }.Concat(StudyFigures.Populations(result).Select(ReportFormat.Population)).ToList(),
            v.Categories.Select(c => (IReadOnlyList<string>)new[] { ReportFormat.Outcome(c.Outcome) }.Concat(StudyFigures.Populations(result).Select(p => Cell(c.Rates.FirstOrDefault(r => r.Population == p)))).ToList()),
            "Victims with at least one victimisation of the category: % (n)");
        page.Table(
            ["category", "offenders vs criminal control: p", "offenders vs non-criminal: p", "across profiles: p", "test across profiles"],
            v.Categories.Select(c => (IReadOnlyList<string>)[ReportFormat.Outcome(c.Outcome), ContrastP(c, "offender", "criminal_control"), ContrastP(c, "offender", "noncriminal_control"), ReportFormat.P(c.AcrossProfiles?.PValue), c.AcrossProfiles?.Test ?? "–"]),
            "Tests per category");
        page.Figure("figure-a3", figures[StudyFigures.Files[3].File], StudyFigures.Files[3].Caption);

        page.Heading("Recent victimisation before the first trafficking case");
        page.Paragraph(v.Recent.Base);
        RateTable(page, result, v.Recent, profilesOnly: true);
        Across(page, v.Recent);
    }

    private static void Outcome(HtmlPage page, AnalysisResult result, BinaryOutcome outcome)
    {
        RateTable(page, result, outcome);
        if (outcome.Contrasts.Count > 0)
        {
            page.Table(
                ["population", "versus", "risk ratio (95 % CI)", "p", "p (Holm)", "test"],
                outcome.Contrasts.Select(c => (IReadOnlyList<string>)[ReportFormat.Population(c.Population), ReportFormat.Population(c.Versus), ReportFormat.Ratio(c.Ratio, c.CiLow, c.CiHigh), ReportFormat.P(c.PValue), ReportFormat.P(c.PHolm), c.Test]),
                "Contrasts");
        }

        Across(page, outcome);
        if (outcome.PairwiseProfiles.Count > 0)
        {
            page.Table(
                ["profile", "versus", "risk ratio (95 % CI)", "p", "p (Holm)", "test"],
                outcome.PairwiseProfiles.Select(c => (IReadOnlyList<string>)[ReportFormat.Population(c.Population), ReportFormat.Population(c.Versus), ReportFormat.Ratio(c.Ratio, c.CiLow, c.CiHigh), ReportFormat.P(c.PValue), ReportFormat.P(c.PHolm), c.Test]),
                "Pairwise comparisons of the profiles");
        }

        if (outcome.Paired.Count > 0)
        {
            page.Table(
                ["offenders", "versus their own", "pairs", "both", "offender only", "control only", "conditional OR (95 % CI)", "paired risk ratio", "p", "p (Holm)", "test"],
                outcome.Paired.OrderBy(p => p.Versus, StringComparer.Ordinal).Select(p => (IReadOnlyList<string>)[ReportFormat.Population(p.Population), ReportFormat.Population(p.Versus), p.Pairs.Display, p.Both.Display, p.OffenderOnly.Display, p.ControlOnly.Display, ReportFormat.Ratio(p.ConditionalOddsRatio, p.OrCiLow, p.OrCiHigh), ReportFormat.Number(p.PairedRiskRatio), ReportFormat.P(p.PValue), ReportFormat.P(p.PHolm), p.Test]),
                "Paired analysis over the 1:1 matched triples: all offenders, and each profile against the controls matched to its members. p: McNemar's test with continuity correction, or the exact binomial test on the discordant pairs when they are few (the test column says which; as R's mcnemar.test and binom.test). The conditional OR's interval comes without that correction, so near p = 0.05 the two can disagree on whether 1 is excluded");
        }
    }

    private static void RateTable(HtmlPage page, AnalysisResult result, BinaryOutcome outcome, bool profilesOnly = false)
    {
        var populations = StudyFigures.Populations(result).Where(p => !profilesOnly || !p.Contains("control", StringComparison.Ordinal));
        page.Table(
            RateHeader,
            StudyFigures.RatesOf(outcome, populations).Select(r => (IReadOnlyList<string>)[
                ReportFormat.Population(r.Population), r.N.Display, r.Events.Display, ReportFormat.Percent(r.Percent),
                ReportFormat.Ratio(r.VsNoncriminal?.Ratio, r.VsNoncriminal?.CiLow, r.VsNoncriminal?.CiHigh),
                ReportFormat.P(r.VsNoncriminal?.PValue), ReportFormat.P(r.VsNoncriminal?.PHolm), r.VsNoncriminal?.Test ?? "–"]),
            $"{ReportFormat.Outcome(outcome.Outcome)} ({outcome.Base})");
    }

    private static void Across(HtmlPage page, BinaryOutcome outcome)
    {
        if (outcome.AcrossProfiles is { } t)
        {
            page.Paragraph($"Difference across the profiles: {t.Test}, statistic {ReportFormat.Number(t.Statistic)}, p {ReportFormat.P(t.PValue)}.");
        }
    }

    private static string Cell(PopulationRate? rate) => rate is null ? "–" : $"{ReportFormat.Percent(rate.Percent)} ({rate.Events.Display})";

    private static string ContrastP(BinaryOutcome outcome, string population, string versus) =>
        ReportFormat.P(outcome.Contrasts.FirstOrDefault(c => c.Population == population && c.Versus == versus)?.PValue
            ?? outcome.Rates.FirstOrDefault(r => r.Population == population && versus == "noncriminal_control")?.VsNoncriminal?.PValue);
}
