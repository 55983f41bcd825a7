using Trajectories.Analysis.Comparisons;
using Trajectories.Analysis.Study;
using Trajectories.Reporting.Output;

namespace Trajectories.Reporting.Analysis;

/// <summary>
/// The analysis tables as <see cref="ResultTable"/>s (CSV + Parquet): profiles, lvb, victimisation (ever and
/// mean count), categories, recent_victimisation, contrasts (every test), classification_uncertainty. Published
/// (disclosed) values only: a suppressed count is an empty cell.
/// </summary>
public static class AnalysisTables
{
    /// <summary>One row per profile.</summary>
    public static ResultTable Profiles(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var p = result.Profiles;
        return new ResultTable(p.Count,
        [
            new("label", ColumnKind.Text, i => p[i].Label),
            new("group", ColumnKind.Integer, i => (long)p[i].Group),
            new("n", ColumnKind.Integer, i => p[i].N.Value),
            new("share", ColumnKind.Real, i => p[i].Share),
            new("model_share", ColumnKind.Real, i => p[i].ModelShare),
            new("case_share", ColumnKind.Real, i => p[i].CaseShare),
            new("mean_age_first_case", ColumnKind.Real, i => p[i].MeanAgeFirstCase),
            new("mean_age_first_trafficking", ColumnKind.Real, i => p[i].MeanAgeFirstTrafficking),
            new("mean_cases_before_trafficking", ColumnKind.Real, i => p[i].MeanCasesBeforeTrafficking),
            new("share_starting_with_trafficking", ColumnKind.Real, i => p[i].ShareStartingWithTrafficking),
            new("description", ColumnKind.Text, i => p[i].Description),
        ]);
    }

    /// <summary>Rates per outcome and population with the ratio against the non-criminal controls.</summary>
    public static ResultTable Rates(IReadOnlyList<BinaryOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var rows = outcomes.SelectMany(o => o.Rates.Select(r => (o.Outcome, Rate: r))).ToArray();
        return new ResultTable(rows.Length,
        [
            new("outcome", ColumnKind.Text, i => rows[i].Outcome),
            new("population", ColumnKind.Text, i => rows[i].Rate.Population),
            new("n", ColumnKind.Integer, i => rows[i].Rate.N.Value),
            new("n_events", ColumnKind.Integer, i => rows[i].Rate.Events.Value),
            new("percent", ColumnKind.Real, i => rows[i].Rate.Percent),
            new("ratio_vs_noncriminal", ColumnKind.Real, i => rows[i].Rate.VsNoncriminal?.Ratio),
            new("ci_low", ColumnKind.Real, i => rows[i].Rate.VsNoncriminal?.CiLow),
            new("ci_high", ColumnKind.Real, i => rows[i].Rate.VsNoncriminal?.CiHigh),
            new("p_value", ColumnKind.Real, i => rows[i].Rate.VsNoncriminal?.PValue),
            new("p_holm", ColumnKind.Real, i => rows[i].Rate.VsNoncriminal?.PHolm),
            new("test", ColumnKind.Text, i => rows[i].Rate.VsNoncriminal?.Test),
        ]);
    }

    /// <summary>Ever victim per population, with the mean count among victims beside it.</summary>
    public static ResultTable Victimisation(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var v = result.Victimisation;
        var rates = v.Ever.Rates;
        MeanCount? Mean(int i) => v.Means.FirstOrDefault(m => m.Population == rates[i].Population);
        return new ResultTable(rates.Count,
        [
            new("population", ColumnKind.Text, i => rates[i].Population),
            new("n", ColumnKind.Integer, i => rates[i].N.Value),
            new("n_victims", ColumnKind.Integer, i => rates[i].Events.Value),
            new("percent_victim", ColumnKind.Real, i => rates[i].Percent),
            new("ratio_vs_noncriminal", ColumnKind.Real, i => rates[i].VsNoncriminal?.Ratio),
            new("ci_low", ColumnKind.Real, i => rates[i].VsNoncriminal?.CiLow),
            new("ci_high", ColumnKind.Real, i => rates[i].VsNoncriminal?.CiHigh),
            new("p_value", ColumnKind.Real, i => rates[i].VsNoncriminal?.PValue),
            new("test", ColumnKind.Text, i => rates[i].VsNoncriminal?.Test),
            new("mean_count_among_victims", ColumnKind.Real, i => Mean(i)?.Mean),
        ]);
    }

    /// <summary>Every test: population contrasts, pairwise profiles, across-profile tests, paired tests and mean-count tests.</summary>
    public static ResultTable Contrasts(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var v = result.Victimisation;
        var rows = new List<(string Outcome, string Kind, string Population, string Versus, double? Estimate, double? Low, double? High, double? P, double? Holm, string Test)>();
        foreach (var o in result.Lvb.Concat([v.Ever]).Concat(v.Categories).Append(v.Recent))
        {
            rows.AddRange(o.Rates.Where(r => r.VsNoncriminal is not null).Select(r => r.VsNoncriminal!)
                .Select(c => (o.Outcome, "vs_noncriminal", c.Population, c.Versus, c.Ratio, c.CiLow, c.CiHigh, c.PValue, c.PHolm, c.Test)));
            rows.AddRange(o.Contrasts.Select(c => (o.Outcome, "cohorts", c.Population, c.Versus, c.Ratio, c.CiLow, c.CiHigh, c.PValue, c.PHolm, c.Test)));
            rows.AddRange(o.PairwiseProfiles.Select(c => (o.Outcome, "pairwise_profiles", c.Population, c.Versus, c.Ratio, c.CiLow, c.CiHigh, c.PValue, c.PHolm, c.Test)));
            if (o.AcrossProfiles is { } t)
            {
                rows.Add((o.Outcome, "across_profiles", string.Join(' ', t.Populations), string.Empty, t.Statistic, null, null, t.PValue, null, t.Test));
            }

            rows.AddRange(o.Paired.Select(p => (o.Outcome, "paired", PopulationNames.Offender, p.Versus, p.ConditionalOddsRatio, p.OrCiLow, p.OrCiHigh, p.PValue, p.PHolm, p.Test)));
        }

        rows.AddRange(v.MeanContrasts.Select(c => ("victim_count", "mean_among_victims", c.Population, c.Versus, c.RatioOfMeans, c.CiLow, c.CiHigh, c.PValue, c.PHolm, c.Test)));
        if (v.MeansAcrossProfiles is { } k)
        {
            rows.Add(("victim_count", "across_profiles", string.Join(' ', k.Populations), string.Empty, k.Statistic, null, null, k.PValue, null, k.Test));
        }

        return new ResultTable(rows.Count,
        [
            new("outcome", ColumnKind.Text, i => rows[i].Outcome),
            new("kind", ColumnKind.Text, i => rows[i].Kind),
            new("population", ColumnKind.Text, i => rows[i].Population),
            new("versus", ColumnKind.Text, i => rows[i].Versus),
            new("estimate", ColumnKind.Real, i => rows[i].Estimate),
            new("ci_low", ColumnKind.Real, i => rows[i].Low),
            new("ci_high", ColumnKind.Real, i => rows[i].High),
            new("p_value", ColumnKind.Real, i => rows[i].P),
            new("p_holm", ColumnKind.Real, i => rows[i].Holm),
            new("test", ColumnKind.Text, i => rows[i].Test),
        ]);
    }

    /// <summary>Modal, weighted and BCH percentages per outcome and profile.</summary>
    public static ResultTable Uncertainty(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var u = result.ClassificationUncertainty;
        return new ResultTable(u.Count,
        [
            new("outcome", ColumnKind.Text, i => u[i].Outcome),
            new("group", ColumnKind.Integer, i => (long)u[i].Group),
            new("label", ColumnKind.Text, i => u[i].Label),
            new("modal_n", ColumnKind.Integer, i => u[i].ModalN.Value),
            new("expected_n", ColumnKind.Integer, i => u[i].ExpectedN.Value),
            new("modal_percent", ColumnKind.Real, i => u[i].ModalPercent),
            new("weighted_percent", ColumnKind.Real, i => u[i].WeightedPercent),
            new("bch_percent", ColumnKind.Real, i => u[i].BchPercent),
        ]);
    }
}
