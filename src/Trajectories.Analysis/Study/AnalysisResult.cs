using Trajectories.Analysis.Comparisons;
using Trajectories.Analysis.Disclosure;
using Trajectories.Analysis.Profiles;
using Trajectories.Core.Results;
using Trajectories.Core.Selection;
using Trajectories.Registers.Model;

namespace Trajectories.Analysis.Study;

/// <summary>What the analysis was run on. Counts are disclosed.</summary>
/// <param name="Name">Register name.</param>
/// <param name="Synthetic">Generator settings of a synthetic register; null for a real one.</param>
/// <param name="Offenders">Offenders in the register.</param>
/// <param name="CriminalControls">Criminal controls.</param>
/// <param name="NoncriminalControls">Non-criminal controls.</param>
/// <param name="PanelOffenders">Offenders in the trajectory panel.</param>
/// <param name="UnobservableOffenders">Offenders left out of the panel (never at least min_age in the case years).</param>
/// <param name="CaseYears">Years with case data.</param>
/// <param name="VictimisationYears">Years with victimisation data.</param>
/// <param name="LvbYears">LVB windows per source.</param>
/// <param name="MinAge">Minimum age of a panel year.</param>
public sealed record RegisterSummary(
    string Name,
    SyntheticInfo? Synthetic,
    DisclosedCount Offenders,
    DisclosedCount CriminalControls,
    DisclosedCount NoncriminalControls,
    DisclosedCount PanelOffenders,
    DisclosedCount UnobservableOffenders,
    YearRange CaseYears,
    YearRange VictimisationYears,
    IReadOnlyDictionary<LvbSource, YearRange> LvbYears,
    int MinAge);

/// <summary>One profile's percentage of an outcome under the three treatments of classification uncertainty.</summary>
/// <param name="Outcome">Outcome code (every binary outcome of the analysis).</param>
/// <param name="Group">1-based group.</param>
/// <param name="Label">Profile label.</param>
/// <param name="ModalN">Modal members in the outcome's base (the profile row of the outcome's table).</param>
/// <param name="ExpectedN">Σ posterior probabilities over the persons in the base, rounded to an integer and disclosed.</param>
/// <param name="ModalPercent">Percent among modal members, from the published counts.</param>
/// <param name="WeightedPercent">Posterior-probability-weighted percent, at <see cref="Precision.ModelPercent"/> precision.</param>
/// <param name="WeightedSe">Its sandwich standard error in percentage points, two significant digits.</param>
/// <param name="BchPercent">BCH bias-corrected percent (see <see cref="ClassificationCorrection"/>), at the same precision.</param>
/// <param name="BchSe">Its sandwich standard error in percentage points, two significant digits.</param>
/// <param name="WeightedCiLow">Lower end of the bootstrap 95 % percentile interval of the weighted percent (<see cref="AnalysisOptions.BootstrapReplicates"/>; null without it), same precision.</param>
/// <param name="WeightedCiHigh">Upper end of that interval.</param>
/// <param name="BchCiLow">Lower end of the bootstrap 95 % percentile interval of the BCH percent.</param>
/// <param name="BchCiHigh">Upper end of that interval.</param>
public sealed record UncertaintyRow(
    string Outcome,
    int Group,
    string Label,
    DisclosedCount ModalN,
    DisclosedCount ExpectedN,
    double? ModalPercent,
    double? WeightedPercent,
    double? WeightedSe,
    double? BchPercent,
    double? BchSe,
    double? WeightedCiLow = null,
    double? WeightedCiHigh = null,
    double? BchCiLow = null,
    double? BchCiHigh = null);

/// <summary>A test across the profiles of one outcome under one estimator.</summary>
/// <param name="Outcome">Outcome code.</param>
/// <param name="Estimator">weighted or bch.</param>
/// <param name="Statistic">Wald statistic (three significant digits).</param>
/// <param name="Df">Degrees of freedom.</param>
/// <param name="PValue">p-value (two significant digits).</param>
/// <param name="Test">The test, or why it is withheld.</param>
public sealed record UncertaintyTest(string Outcome, string Estimator, double? Statistic, int? Df, double? PValue, string Test);

/// <summary>How many cells disclosure control withheld.</summary>
/// <param name="Primary">Small cells (1 … threshold − 1).</param>
/// <param name="Secondary">Further cells withheld so that a total cannot pin a small one.</param>
public sealed record SuppressionSummary(int Primary, int Secondary);

/// <summary>
/// The whole analysis as published (immutable): the model search and the chosen model, the labelled profiles, the
/// LVB and victimisation comparisons with every test, the classification-uncertainty table, the disclosure rule and
/// notes. Everything in it is disclosed: counts are <see cref="DisclosedCount"/>s (rounded and suppressed unless
/// disclosure control was switched off), every figure derived from counts is computed from the published counts,
/// and it holds no person-level data — the fit with its posteriors is in <see cref="AnalysisRun.Fit"/>, which no
/// writer of published results takes.
/// </summary>
/// <param name="Register">What was analysed.</param>
/// <param name="Selection">Every model tried and the selection rule.</param>
/// <param name="Model">The chosen model.</param>
/// <param name="LabellingRule">The profile labelling rule in words.</param>
/// <param name="Labels">The label of each group with its curve features.</param>
/// <param name="Profiles">Per-profile figures (modal assignment), in group order.</param>
/// <param name="Lvb">LVB from any source (lvb_any) and per source (lvb_ao, lvb_ciz, lvb_wsw).</param>
/// <param name="Victimisation">Victimisation figures.</param>
/// <param name="ClassificationUncertainty">Modal, weighted and BCH percentages per outcome and profile.</param>
/// <param name="ClassificationTests">Wald tests across the profiles of the weighted and BCH estimates.</param>
/// <param name="Disclosure">The rule applied.</param>
/// <param name="Suppression">How many cells were withheld.</param>
/// <param name="Notes">What a reader must know (inadequate model, unobservable offenders, K ≠ 4 …).</param>
public sealed record AnalysisResult(
    RegisterSummary Register,
    PublishedSelection Selection,
    PublishedModel Model,
    string LabellingRule,
    IReadOnlyList<ProfileLabel> Labels,
    IReadOnlyList<ProfileSummary> Profiles,
    IReadOnlyList<BinaryOutcome> Lvb,
    VictimisationResult Victimisation,
    IReadOnlyList<UncertaintyRow> ClassificationUncertainty,
    IReadOnlyList<UncertaintyTest> ClassificationTests,
    DisclosureRule Disclosure,
    SuppressionSummary Suppression,
    IReadOnlyList<string> Notes);

/// <summary>
/// An analysis with its microdata: the published <see cref="AnalysisResult"/> and the chosen fit, whose posteriors
/// are person-level data. Only <see cref="Published"/> may be written to published outputs.
/// </summary>
/// <param name="Published">The disclosed results.</param>
/// <param name="Fit">The chosen fit (posteriors per person; unrounded counts).</param>
/// <param name="Selection">Every fit of the grid, unrounded.</param>
public sealed record AnalysisRun(AnalysisResult Published, TrajectoryFit Fit, SelectionResult Selection);
