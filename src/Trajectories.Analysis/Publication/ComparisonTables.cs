using Trajectories.Analysis.Comparisons;
using Trajectories.Analysis.Profiles;
using Trajectories.Analysis.Study;

namespace Trajectories.Analysis.Publication;

/// <summary>The published tables of the profiles and of the comparisons with the matched control groups.</summary>
internal static class ComparisonTables
{
    public static readonly TableSpec<(ProfileSummary P, ProfileLabel L)> Profiles = new TableSpec<(ProfileSummary P, ProfileLabel L)>(
            "profiles", "One row per profile (modal assignment), as the study's §1.3 table.", ["profiles"])
        .Key("label", "Profile label: incidental, early_peaking, late_peaking, continuous or other.", x => x.P.Label)
        .KeyNumber("group", "1-based group of the chosen model.", x => x.P.Group)
        .Key("population", "Population code (the label, or other_G), as in the comparison tables.", x => StudyAnalysis.PopulationName(x.L))
        .Text("description", "The curve in words.", x => x.P.Description)
        .Count("n", "Offenders modally assigned.", x => x.P.N)
        .FromCounts("share", "n / panel offenders.", x => x.P.Share)
        .Model("model_share", "Estimated share π_g, at model-share precision (see groups.share).", x => x.P.ModelShare)
        .FromCounts("case_share", "The profile's registered cases / all panel offenders' cases.", x => x.P.CaseShare)
        .Microdata("mean_age_first_case", "Mean age at the first registered case (years), on a decimal step s with s·n ≥ 1.", x => x.P.MeanAgeFirstCase)
        .Microdata("mean_age_first_trafficking", "Mean age at the first trafficking case (years), same precision.", x => x.P.MeanAgeFirstTrafficking)
        .Microdata("mean_cases_before_trafficking", "Mean number of cases before the first trafficking year, same precision.", x => x.P.MeanCasesBeforeTrafficking)
        .FromCounts("share_starting_with_trafficking", "Offenders with no case before the first trafficking year / offenders with a trafficking case.", x => x.P.ShareStartingWithTrafficking)
        .Model("peak_age", "Age of the fitted curve's peak among the ages where the group has at least 25 % of its largest expected number of observed persons.", x => x.L.PeakAge)
        .Model("peak_rate", "Fitted cases per year at the peak.", x => x.L.PeakRate)
        .Model("rate_15_20", "Mean fitted rate at ages 15–20 (those of them where the group is observed, as peak_age; null when none).", x => x.L.RateYouth)
        .Model("rate_25_30", "Mean fitted rate at ages 25–30 (likewise).", x => x.L.RateAdult)
        .Model("quality", "0–1 match quality of the group to its label's prototype (for other: to its closest profile), 2 decimals; a label needs ≥ 0.5 (see method.labelling_rule).", x => x.L.Quality, nullable: false)
        .Text("closest", "The profile the group's curve matches best, whatever label it got.", x => x.L.Closest)
        .ModelNumber("rival_group", "The group competing for the same profile (see rival_quality); null when none does.", x => x.L.Rival, nullable: true)
        .Model("rival_quality", "The rival group's quality for that profile, 2 decimals.", x => x.L.RivalQuality);

    /// <summary>The columns of a rate table, for any row type that yields its outcome and rate.</summary>
    public static TableSpec<TRow> Rates<TRow>(
        string name, string description, string[] path, string events, string eventsMeaning, Func<TRow, BinaryOutcome> outcome, Func<TRow, PopulationRate> rate) =>
        new TableSpec<TRow>(name, description, path)
            .Key("outcome", "Outcome code (lvb_any, lvb_ao, ever_victim, victim_violence, recent_victim …).", x => outcome(x).Outcome)
            .Text("base", "Who is counted.", x => outcome(x).Base)
            .Key("population", "offender, criminal_control, noncriminal_control, or a profile's population code.", x => rate(x).Population)
            .Count("n", "Persons in the base.", x => rate(x).N)
            .Count(events, eventsMeaning, x => rate(x).Events)
            .FromCounts("percent", $"100 · {events} / n.", x => rate(x).Percent)
            .FromCounts("ratio_vs_noncriminal", "Risk ratio against the non-criminal control group.", x => rate(x).VsNoncriminal?.Ratio)
            .FromCounts("ci_low", "Lower 95 % limit of the risk ratio (Katz).", x => rate(x).VsNoncriminal?.CiLow)
            .FromCounts("ci_high", "Upper 95 % limit.", x => rate(x).VsNoncriminal?.CiHigh)
            .FromCounts("p_value", "p-value of the comparison with the non-criminal control group.", x => rate(x).VsNoncriminal?.PValue)
            .FromCounts("p_holm", "Holm-adjusted within its family (cohorts, or profiles) among the comparisons published.", x => rate(x).VsNoncriminal?.PHolm)
            .Text("test", "The test behind the p-value, or why it is withheld.", x => rate(x).VsNoncriminal?.Test, nullable: true);

    public static TableSpec<(BinaryOutcome O, PopulationRate R)> Rates(string name, string description, string[] path, string events, string eventsMeaning) =>
        Rates<(BinaryOutcome O, PopulationRate R)>(name, description, path, events, eventsMeaning, x => x.O, x => x.R);

    public static readonly TableSpec<(BinaryOutcome O, PopulationRate R)> Lvb =
        Rates("lvb", "LVB indicator (any source and per source) per population.", ["lvb"], "n_lvb", "Persons with the LVB indicator.");

    public static readonly TableSpec<(BinaryOutcome O, PopulationRate R, MeanCount? M)> Victimisation =
        Rates<(BinaryOutcome O, PopulationRate R, MeanCount? M)>(
                "victimisation", "Ever victim per population, with the mean number of victimisations among victims.", ["victimisation", "ever"],
                "n_victims", "Persons registered as victim in the window.", x => x.O, x => x.R)
            .Count("n_victimisations", "Registered victimisations of the victims.", x => x.M?.Victimisations)
            .FromCounts("mean_count_among_victims", "n_victimisations / n_victims.", x => x.M?.Mean);

    public static readonly TableSpec<(BinaryOutcome O, PopulationRate R)> Categories =
        Rates("categories", "Each offence category among victims, per population.", ["victimisation", "categories"], "n_events", "Victims with at least one victimisation of the category.");

    public static readonly TableSpec<(BinaryOutcome O, PopulationRate R)> Recent =
        Rates("recent_victimisation", "Victimisation in the years before the first trafficking case, among eligible offenders.", ["victimisation", "recent_before_trafficking"], "n_victims", "Offenders victimised in the recent years.");

    public static readonly TableSpec<ContrastRow> Contrasts = new TableSpec<ContrastRow>(
            "contrasts", "Every test: against the non-criminal controls, between cohorts, between profiles, across profiles, paired, and of mean counts.", ["contrasts"])
        .Key("outcome", "Outcome code (victim_count for the number of victimisations among victims).", c => c.Outcome)
        .Key("kind", "vs_noncriminal, cohorts, pairwise_profiles, across_profiles, paired or mean_among_victims.", c => c.Kind)
        .Key("population", "The population (for across_profiles: the profiles compared, space-separated).", c => c.Population)
        .Key("versus", "The reference population (empty for across_profiles).", c => c.Versus)
        .FromCounts("estimate", "Risk ratio, conditional odds ratio (paired) or ratio of mean counts.", c => c.Estimate)
        .FromCounts("ci_low", "Lower 95 % limit.", c => c.Low)
        .FromCounts("ci_high", "Upper 95 % limit.", c => c.High)
        .FromCounts("statistic", "Test statistic of an across-profiles test.", c => c.Statistic)
        .FromCounts("p_value", "p-value. Tests on counts use the published counts; rank tests on the microdata are given to two significant digits.", c => c.P)
        .FromCounts("p_holm", "Holm-adjusted within the test's family among the tests published.", c => c.Holm)
        .Text("test", "The test, or why it is withheld.", c => c.Test);

    public static readonly TableSpec<(BinaryOutcome O, PairedContrast P)> Paired = new TableSpec<(BinaryOutcome O, PairedContrast P)>(
            "paired", "Offenders, and each profile's offenders, against their own matched controls (1:1 on sex and birth year), per outcome.", ["paired"])
        .Key("outcome", "Outcome code.", x => x.O.Outcome)
        .Key("population", "offender, or a profile's population code (its members and their matched controls).", x => x.P.Population)
        .Key("versus", "criminal_control or noncriminal_control.", x => x.P.Versus)
        .Count("pairs", "Complete pairs.", x => x.P.Pairs)
        .Count("both", "Pairs where both have the outcome.", x => x.P.Both)
        .Count("offender_only", "Pairs where only the offender has it.", x => x.P.OffenderOnly)
        .Count("control_only", "Pairs where only the control has it.", x => x.P.ControlOnly)
        .FromCounts("conditional_odds_ratio", "offender_only / control_only.", x => x.P.ConditionalOddsRatio)
        .FromCounts("ci_low", "Lower 95 % limit of the conditional odds ratio.", x => x.P.OrCiLow)
        .FromCounts("ci_high", "Upper 95 % limit.", x => x.P.OrCiHigh)
        .FromCounts("paired_risk_ratio", "(both + offender_only) / (both + control_only).", x => x.P.PairedRiskRatio)
        .FromCounts("p_value", "McNemar p-value (exact below 25 discordant pairs).", x => x.P.PValue)
        .FromCounts("p_holm", "Holm-adjusted within its family: the offenders' tests against the two control groups, or the profiles' tests against one control group.", x => x.P.PHolm)
        .Text("test", "The McNemar variant, or why it is withheld.", x => x.P.Test);

    public static readonly TableSpec<UncertaintyRow> Uncertainty = new TableSpec<UncertaintyRow>(
            "classification_uncertainty", "Modal, posterior-weighted and BCH-corrected percentages per outcome and profile.", ["classification_uncertainty"])
        .Key("outcome", "Outcome code (every binary outcome; categories among victims, recent_victim among eligible offenders).", u => u.Outcome)
        .KeyNumber("group", "1-based group.", u => u.Group)
        .Text("label", "Profile label.", u => u.Label)
        .Count("modal_n", "Offenders modally assigned, in the outcome's base (the profile's n of the outcome's table).", u => u.ModalN)
        .Count("expected_n", "Σ posterior probabilities over the persons in the base, rounded to an integer.", u => u.ExpectedN)
        .FromCounts("modal_percent", "Percent among the modally assigned (the profile row of the outcome's table).", u => u.ModalPercent)
        .Model("weighted_percent", "Posterior-weighted percent, on a step of 0.1–10 points chosen so that it cannot pin a count.", u => u.WeightedPercent)
        .Model("weighted_se", "Its sandwich standard error (percentage points, weights held fixed), two significant digits.", u => u.WeightedSe)
        .Model("bch_percent", "BCH-corrected percent, same precision.", u => u.BchPercent)
        .Model("bch_se", "Its sandwich standard error (percentage points), two significant digits.", u => u.BchSe)
        .Model("weighted_ci_low", "Lower end of the bootstrap 95 % percentile interval of weighted_percent (analyze --bootstrap: case-resamples of the offenders, each refitted; null without it or with fewer than 20 matched resamples), same precision.", u => u.WeightedCiLow)
        .Model("weighted_ci_high", "Upper end of that interval.", u => u.WeightedCiHigh)
        .Model("bch_ci_low", "Lower end of the bootstrap 95 % percentile interval of bch_percent, same precision.", u => u.BchCiLow)
        .Model("bch_ci_high", "Upper end of that interval.", u => u.BchCiHigh);

    public static readonly TableSpec<UncertaintyTest> UncertaintyTests = new TableSpec<UncertaintyTest>(
            "classification_tests", "Wald tests that the profiles share one rate, per outcome, for the posterior-weighted and BCH estimates (the modal test is the outcome's across_profiles contrast).", ["classification_tests"])
        .Key("outcome", "Outcome code.", t => t.Outcome)
        .Key("estimator", "weighted or bch.", t => t.Estimator)
        .Model("statistic", "Wald statistic with the sandwich covariance, three significant digits.", t => t.Statistic)
        .ModelNumber("df", "Degrees of freedom (profiles compared − 1).", t => t.Df, nullable: true)
        .Model("p_value", "p-value, two significant digits.", t => t.PValue)
        .Text("test", "The test, or why it is withheld (a profile's count of the outcome is suppressed).", t => t.Test);

    /// <summary>Every test of the analysis, one row each.</summary>
    public static IEnumerable<ContrastRow> ContrastRows(AnalysisResult result)
    {
        var v = result.Victimisation;
        foreach (var o in result.Lvb.Concat([v.Ever]).Concat(v.Categories).Append(v.Recent))
        {
            foreach (var c in o.Rates.Select(r => r.VsNoncriminal).OfType<Contrast>())
            {
                yield return ContrastRow.Of(o.Outcome, "vs_noncriminal", c);
            }

            foreach (var c in o.Contrasts)
            {
                yield return ContrastRow.Of(o.Outcome, "cohorts", c);
            }

            foreach (var c in o.PairwiseProfiles)
            {
                yield return ContrastRow.Of(o.Outcome, "pairwise_profiles", c);
            }

            if (o.AcrossProfiles is { } t)
            {
                yield return ContrastRow.Across(o.Outcome, t);
            }

            foreach (var p in o.Paired)
            {
                yield return new(o.Outcome, "paired", p.Population, p.Versus, p.ConditionalOddsRatio, p.OrCiLow, p.OrCiHigh, null, p.PValue, p.PHolm, p.Test);
            }
        }

        foreach (var c in v.MeanContrasts)
        {
            yield return new("victim_count", "mean_among_victims", c.Population, c.Versus, c.RatioOfMeans, c.CiLow, c.CiHigh, null, c.PValue, c.PHolm, c.Test);
        }

        if (v.MeansAcrossProfiles is { } k)
        {
            yield return ContrastRow.Across("victim_count", k);
        }
    }
}

/// <summary>One row of the contrasts table.</summary>
internal sealed record ContrastRow(
    string Outcome, string Kind, string Population, string Versus, double? Estimate, double? Low, double? High, double? Statistic, double? P, double? Holm, string Test)
{
    public static ContrastRow Of(string outcome, string kind, Contrast c) =>
        new(outcome, kind, c.Population, c.Versus, c.Ratio, c.CiLow, c.CiHigh, null, c.PValue, c.PHolm, c.Test);

    public static ContrastRow Across(string outcome, GlobalTest t) =>
        new(outcome, "across_profiles", string.Join(' ', t.Populations), string.Empty, null, null, null, t.Statistic, t.PValue, null, t.Test);
}
