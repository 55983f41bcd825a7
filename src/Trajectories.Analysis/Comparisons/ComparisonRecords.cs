using Trajectories.Analysis.Disclosure;

namespace Trajectories.Analysis.Comparisons;

/// <summary>A published rate of a binary outcome in one population.</summary>
/// <param name="Population">offender, criminal_control, noncriminal_control, or a profile label.</param>
/// <param name="N">Persons (disclosed).</param>
/// <param name="Events">Persons with the outcome (disclosed).</param>
/// <param name="Percent">100·events/n from the published counts; null when a count is suppressed.</param>
/// <param name="VsNoncriminal">Risk ratio against the non-criminal control group; null for that group itself and where no control group applies.</param>
public sealed record PopulationRate(string Population, DisclosedCount N, DisclosedCount Events, double? Percent, Contrast? VsNoncriminal);

/// <summary>
/// An unpaired comparison of two populations: the risk ratio (Katz interval) and the test chosen as the counts
/// require (chi-square, or Fisher's exact test when an expected count is below 5), with its Holm-adjusted p-value
/// within its family (see <see cref="BinaryOutcome"/>).
/// </summary>
/// <param name="Population">The numerator population.</param>
/// <param name="Versus">The reference population.</param>
/// <param name="Ratio">Risk ratio; null when not finite or when a count behind it is suppressed.</param>
/// <param name="CiLow">Lower 95 % limit.</param>
/// <param name="CiHigh">Upper 95 % limit.</param>
/// <param name="PValue">Raw two-sided p-value.</param>
/// <param name="PHolm">Holm-adjusted p-value within the family.</param>
/// <param name="Test">The test behind the p-value.</param>
public sealed record Contrast(string Population, string Versus, double? Ratio, double? CiLow, double? CiHigh, double? PValue, double? PHolm, string Test);

/// <summary>A test across k populations (e.g. the four profiles), with its method.</summary>
/// <param name="Populations">The populations compared.</param>
/// <param name="Statistic">Test statistic (chi-square, H, …).</param>
/// <param name="PValue">p-value.</param>
/// <param name="Test">Method name (chi-square, Fisher–Freeman–Halton, Kruskal–Wallis …).</param>
public sealed record GlobalTest(IReadOnlyList<string> Populations, double? Statistic, double? PValue, string Test);

/// <summary>
/// Offenders, or one profile's offenders, against their own matched controls (pairs sharing <c>match_id</c>).
/// </summary>
/// <param name="Population">offender, or the profile whose members' pairs are counted.</param>
/// <param name="Versus">criminal_control or noncriminal_control.</param>
/// <param name="Pairs">Complete pairs (disclosed).</param>
/// <param name="Both">Concordant pairs where both have the outcome (disclosed; the paired risk ratio needs it).</param>
/// <param name="OffenderOnly">Discordant pairs where only the offender has the outcome (disclosed).</param>
/// <param name="ControlOnly">Discordant pairs where only the control has it (disclosed).</param>
/// <param name="ConditionalOddsRatio">b/c from the published counts; null when not finite or a discordant count is suppressed.</param>
/// <param name="OrCiLow">Lower 95 % limit of the conditional odds ratio.</param>
/// <param name="OrCiHigh">Upper 95 % limit.</param>
/// <param name="PairedRiskRatio">Ratio of the matched proportions (a + b)/(a + c).</param>
/// <param name="PValue">McNemar p-value (exact when fewer than 25 discordant pairs).</param>
/// <param name="PHolm">Holm-adjusted within its family: the offenders' tests against the two control groups, or the
/// profiles' tests against one control group.</param>
/// <param name="Test">The McNemar variant used.</param>
public sealed record PairedContrast(
    string Population, string Versus, DisclosedCount Pairs, DisclosedCount Both, DisclosedCount OffenderOnly, DisclosedCount ControlOnly, double? ConditionalOddsRatio,
    double? OrCiLow, double? OrCiHigh, double? PairedRiskRatio, double? PValue, double? PHolm, string Test);

/// <summary>
/// One binary outcome (LVB from a source, ever victim, a category among victims, recent victimisation) across the
/// populations, with every test. Holm families, each adjusted on its own: the cohorts against the non-criminal
/// controls; the profiles against the non-criminal controls; the pairwise profile contrasts; the paired contrasts
/// (the single offenders-vs-criminal-controls contrast needs no adjustment).
/// </summary>
/// <param name="Outcome">Code, e.g. lvb_any, lvb_ao, ever_victim, victim_violence, recent_victim.</param>
/// <param name="Base">Who is counted (e.g. "all persons", "victims in 2010–2023").</param>
/// <param name="Rates">Per population.</param>
/// <param name="Contrasts">Offenders vs criminal controls.</param>
/// <param name="PairwiseProfiles">Every pair of profiles.</param>
/// <param name="AcrossProfiles">The k×2 test across the profiles; null with fewer than two profiles.</param>
/// <param name="Paired">Offenders vs their own controls; empty where not applicable.</param>
public sealed record BinaryOutcome(
    string Outcome,
    string Base,
    IReadOnlyList<PopulationRate> Rates,
    IReadOnlyList<Contrast> Contrasts,
    IReadOnlyList<Contrast> PairwiseProfiles,
    GlobalTest? AcrossProfiles,
    IReadOnlyList<PairedContrast> Paired);

/// <summary>Mean number of victimisations among victims in one population.</summary>
/// <param name="Population">Population code.</param>
/// <param name="Victims">Victims (disclosed).</param>
/// <param name="Victimisations">Registered victimisations of those victims (disclosed).</param>
/// <param name="Mean">Published victimisations / published victims; null when either is suppressed.</param>
public sealed record MeanCount(string Population, DisclosedCount Victims, DisclosedCount Victimisations, double? Mean);

/// <summary>
/// Ratio of mean counts among victims (quasi-Poisson interval) with the Wilcoxon rank-sum p-value — the published
/// test, as counts among victims are zero-truncated, skewed and tied.
/// </summary>
/// <param name="Population">Numerator population.</param>
/// <param name="Versus">Reference population.</param>
/// <param name="RatioOfMeans">Mean ratio.</param>
/// <param name="CiLow">Lower 95 % limit (quasi-Poisson).</param>
/// <param name="CiHigh">Upper 95 % limit.</param>
/// <param name="PValue">Rank-sum p-value.</param>
/// <param name="PHolm">Holm-adjusted within the cohort contrasts.</param>
/// <param name="Test">Test name.</param>
public sealed record MeanContrast(string Population, string Versus, double? RatioOfMeans, double? CiLow, double? CiHigh, double? PValue, double? PHolm, string Test);

/// <summary>Victimisation in the register's victimisation window.</summary>
/// <param name="Window">The years counted.</param>
/// <param name="Ever">Ever victim, per population.</param>
/// <param name="Means">Mean count among victims, per population.</param>
/// <param name="MeanContrasts">Offenders vs each control group, criminal vs non-criminal controls.</param>
/// <param name="MeansAcrossProfiles">Kruskal–Wallis across the profiles.</param>
/// <param name="Categories">The seven categories, each among victims.</param>
/// <param name="Recent">Victimised in the years FT−3..FT−1, among offenders whose FT leaves those years in the window.</param>
public sealed record VictimisationResult(
    string Window,
    BinaryOutcome Ever,
    IReadOnlyList<MeanCount> Means,
    IReadOnlyList<MeanContrast> MeanContrasts,
    GlobalTest? MeansAcrossProfiles,
    IReadOnlyList<BinaryOutcome> Categories,
    BinaryOutcome Recent);
