using Microsoft.Data.Analysis;
using Trajectories.Analysis.Comparisons;

namespace Trajectories.Analysis.Study;

/// <summary>
/// The main tables of an <see cref="AnalysisResult"/> as Microsoft.Data.Analysis DataFrames, for notebooks and
/// .NET Interactive. They hold the published (disclosed) values: suppressed cells are null.
/// </summary>
public static class ResultFrames
{
    /// <summary>One row per profile: group, label, n, share, model share, case share, mean ages and cases before trafficking.</summary>
    public static DataFrame ProfilesFrame(this AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var p = result.Profiles;
        return new DataFrame(
            new Int32DataFrameColumn("group", p.Select(x => (int?)x.Group)),
            new StringDataFrameColumn("label", p.Select(x => x.Label)),
            new Int64DataFrameColumn("n", p.Select(x => x.N.Value)),
            new DoubleDataFrameColumn("share", p.Select(x => x.Share)),
            new DoubleDataFrameColumn("model_share", p.Select(x => (double?)x.ModelShare)),
            new DoubleDataFrameColumn("case_share", p.Select(x => x.CaseShare)),
            new DoubleDataFrameColumn("mean_age_first_case", p.Select(x => x.MeanAgeFirstCase)),
            new DoubleDataFrameColumn("mean_age_first_trafficking", p.Select(x => x.MeanAgeFirstTrafficking)),
            new DoubleDataFrameColumn("mean_cases_before_trafficking", p.Select(x => x.MeanCasesBeforeTrafficking)),
            new DoubleDataFrameColumn("share_starting_with_trafficking", p.Select(x => x.ShareStartingWithTrafficking)));
    }

    /// <summary>One row per LVB indicator and population: n, n_lvb, percent, ratio vs non-criminal with CI, p-values and test.</summary>
    public static DataFrame LvbFrame(this AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return RatesFrame(result.Lvb);
    }

    /// <summary>Ever victim, the seven categories among victims and recent victimisation: one row per outcome and population.</summary>
    public static DataFrame VictimisationFrame(this AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var v = result.Victimisation;
        return RatesFrame([v.Ever, .. v.Categories, v.Recent]);
    }

    /// <summary>Modal, posterior-weighted and BCH percentages per outcome and profile.</summary>
    public static DataFrame UncertaintyFrame(this AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var u = result.ClassificationUncertainty;
        return new DataFrame(
            new StringDataFrameColumn("outcome", u.Select(x => x.Outcome)),
            new Int32DataFrameColumn("group", u.Select(x => (int?)x.Group)),
            new StringDataFrameColumn("label", u.Select(x => x.Label)),
            new Int64DataFrameColumn("modal_n", u.Select(x => x.ModalN.Value)),
            new Int64DataFrameColumn("expected_n", u.Select(x => x.ExpectedN.Value)),
            new DoubleDataFrameColumn("modal_percent", u.Select(x => x.ModalPercent)),
            new DoubleDataFrameColumn("weighted_percent", u.Select(x => x.WeightedPercent)),
            new DoubleDataFrameColumn("bch_percent", u.Select(x => x.BchPercent)));
    }

    private static DataFrame RatesFrame(IReadOnlyList<BinaryOutcome> outcomes)
    {
        var rows = outcomes.SelectMany(o => o.Rates.Select(r => (Outcome: o.Outcome, Rate: r))).ToArray();
        Contrast? C(int i) => rows[i].Rate.VsNoncriminal;
        var index = Enumerable.Range(0, rows.Length).ToArray();
        return new DataFrame(
            new StringDataFrameColumn("outcome", rows.Select(r => r.Outcome)),
            new StringDataFrameColumn("population", rows.Select(r => r.Rate.Population)),
            new Int64DataFrameColumn("n", rows.Select(r => r.Rate.N.Value)),
            new Int64DataFrameColumn("n_events", rows.Select(r => r.Rate.Events.Value)),
            new DoubleDataFrameColumn("percent", rows.Select(r => r.Rate.Percent)),
            new DoubleDataFrameColumn("ratio_vs_noncriminal", index.Select(i => C(i)?.Ratio)),
            new DoubleDataFrameColumn("ci_low", index.Select(i => C(i)?.CiLow)),
            new DoubleDataFrameColumn("ci_high", index.Select(i => C(i)?.CiHigh)),
            new DoubleDataFrameColumn("p_value", index.Select(i => C(i)?.PValue)),
            new DoubleDataFrameColumn("p_holm", index.Select(i => C(i)?.PHolm)),
            new StringDataFrameColumn("test", index.Select(i => C(i)?.Test)));
    }
}
