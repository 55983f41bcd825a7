using Trajectories.Analysis.Disclosure;
using Trajectories.Core.Results;

namespace Trajectories.Analysis.Study;

/// <summary>One group of the chosen model as published: model statistics, with every count disclosed.</summary>
/// <param name="Group">1-based group.</param>
/// <param name="Population">Its population code (the label, or other_G).</param>
/// <param name="Label">Profile label.</param>
/// <param name="Share">Estimated share π_g, at the precision of <see cref="Precision.ModelShare"/>.</param>
/// <param name="ShareSe">Its standard error, two significant digits.</param>
/// <param name="AssignedN">Offenders modally assigned (disclosed; the profile's n).</param>
/// <param name="AssignedShare">Published assigned n / published panel offenders.</param>
/// <param name="ExpectedN">Σ posterior (the expected group size), rounded to an integer and disclosed.</param>
/// <param name="AvePP">Mean posterior among the modally assigned, three decimals.</param>
/// <param name="Occ">Odds of correct classification, two significant digits (with π it would otherwise pin the expected size).</param>
/// <param name="Order">Polynomial order.</param>
/// <param name="Beta">Trajectory coefficients on scaled age, constant first.</param>
/// <param name="BetaSe">Their standard errors.</param>
/// <param name="InflationOrder">Zero-inflation order (−1: none).</param>
/// <param name="Inflation">Zero-inflation coefficients.</param>
/// <param name="InflationSe">Their standard errors.</param>
/// <param name="PeakAge">Age of the fitted curve's peak within the group's support.</param>
/// <param name="PeakRate">The curve's peak rate.</param>
/// <param name="RateYouth">Mean fitted rate at ages 15–20.</param>
/// <param name="RateAdult">Mean fitted rate at ages 25–30.</param>
/// <param name="Description">The curve in words.</param>
public sealed record PublishedGroup(
    int Group,
    string Population,
    string Label,
    double? Share,
    double? ShareSe,
    DisclosedCount AssignedN,
    double? AssignedShare,
    DisclosedCount ExpectedN,
    double? AvePP,
    double? Occ,
    int Order,
    IReadOnlyList<double> Beta,
    IReadOnlyList<double?> BetaSe,
    int InflationOrder,
    IReadOnlyList<double> Inflation,
    IReadOnlyList<double?> InflationSe,
    double? PeakAge,
    double? PeakRate,
    double? RateYouth,
    double? RateAdult,
    string Description);

/// <summary>A point of a group's fitted trajectory as published.</summary>
/// <param name="Group">1-based group.</param>
/// <param name="Age">Age.</param>
/// <param name="Predicted">Fitted expected count (model statistic).</param>
/// <param name="Lower">Lower 95 % limit.</param>
/// <param name="Upper">Upper 95 % limit.</param>
/// <param name="ObservedMean">Posterior-weighted observed mean, at the precision of <see cref="Precision.MeanOfIntegers"/> for its n; null when n is suppressed.</param>
/// <param name="N">Posterior-weighted persons observed at this age, rounded to an integer and disclosed.</param>
/// <param name="InSupport">Whether the age is in the group's support (n ≥ 0.5 before rounding).</param>
public sealed record PublishedCurvePoint(int Group, double Age, double Predicted, double? Lower, double? Upper, double? ObservedMean, DisclosedCount N, bool InSupport);

/// <summary>
/// The chosen trajectory model as published. It holds no person-level data (posteriors stay in the
/// <see cref="TrajectoryFit"/>, which the published results do not carry) and no unrounded count: the numbers of
/// persons, observations and patterns are disclosed, and the BICs are computed with the published numbers (with the
/// unrounded ones, BIC and the log-likelihood together would give the number of persons back exactly).
/// </summary>
/// <param name="Family">Count family.</param>
/// <param name="Orders">Polynomial order of each group.</param>
/// <param name="Persons">Offenders in the panel (disclosed).</param>
/// <param name="Observations">Person-years (disclosed).</param>
/// <param name="Patterns">Distinct count patterns (disclosed).</param>
/// <param name="Parameters">Free parameters.</param>
/// <param name="LogLikelihood">Full log-likelihood.</param>
/// <param name="BicPersons">−2LL + k ln(published persons); null when that count is suppressed.</param>
/// <param name="BicObservations">−2LL + k ln(published observations).</param>
/// <param name="Aic">−2LL + 2k.</param>
/// <param name="Entropy">Relative entropy, three decimals.</param>
/// <param name="Converged">Whether the optimum was reached.</param>
/// <param name="StopReason">Why the optimisation stopped.</param>
/// <param name="Iterations">Iterations of the chosen run.</param>
/// <param name="Search">What the global search did (starts and optima; no person counts).</param>
/// <param name="TimeCenter">Centre of the scaled age the coefficients are on.</param>
/// <param name="TimeScaleWidth">Scale of the scaled age.</param>
/// <param name="Groups">The groups, in group order.</param>
/// <param name="Trajectories">Fitted curves with bands and observed means.</param>
/// <param name="Warnings">The fit's warnings.</param>
/// <param name="Coefficients">Every group's coefficients with SE, z and p (model statistics: no count is behind them).</param>
/// <param name="PosteriorMatrix">The mean posterior matrix, one row per group (modal assignment).</param>
/// <param name="MaxPosterior">Per group, its members by band of their largest posterior.</param>
public sealed record PublishedModel(
    string Family,
    IReadOnlyList<int> Orders,
    DisclosedCount Persons,
    DisclosedCount Observations,
    DisclosedCount Patterns,
    int Parameters,
    double LogLikelihood,
    double? BicPersons,
    double? BicObservations,
    double Aic,
    double? Entropy,
    bool Converged,
    string StopReason,
    int Iterations,
    SearchSummary Search,
    double TimeCenter,
    double TimeScaleWidth,
    IReadOnlyList<PublishedGroup> Groups,
    IReadOnlyList<PublishedCurvePoint> Trajectories,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ParameterRow> Coefficients,
    IReadOnlyList<PublishedPosteriorRow> PosteriorMatrix,
    IReadOnlyList<PublishedPosteriorBand> MaxPosterior);

/// <summary>One model of the selection grid as published (statistics with disclosed counts, as <see cref="PublishedModel"/>).</summary>
/// <param name="Model">Model label.</param>
/// <param name="Family">Family.</param>
/// <param name="Groups">Number of groups.</param>
/// <param name="Orders">Order of each group.</param>
/// <param name="InflationOrders">Zero-inflation order of each group.</param>
/// <param name="Parameters">Free parameters.</param>
/// <param name="LogLikelihood">Log-likelihood; null when the fit failed.</param>
/// <param name="BicPersons">BIC with the published number of persons.</param>
/// <param name="BicObservations">BIC with the published number of observations.</param>
/// <param name="Aic">AIC.</param>
/// <param name="Entropy">Relative entropy, three decimals.</param>
/// <param name="MinAvePP">Smallest AvePP, three decimals.</param>
/// <param name="MinOcc">Smallest OCC, two significant digits.</param>
/// <param name="MinShare">Smallest estimated share, at model-share precision.</param>
/// <param name="Converged">Whether the fit converged.</param>
/// <param name="Adequate">Whether it met every adequacy rule.</param>
/// <param name="Chosen">Whether it is the chosen model.</param>
/// <param name="Reasons">Why it is not adequate (or the error of a failed fit).</param>
/// <param name="Starts">Starts tried.</param>
/// <param name="Replications">Independent starts that reached the best value.</param>
/// <param name="Replicated">Whether the best value was replicated as required.</param>
/// <param name="BestOrigin">Where the best start came from.</param>
/// <param name="Seconds">Wall-clock seconds.</param>
public sealed record PublishedSelectionRow(
    string Model,
    string Family,
    int Groups,
    IReadOnlyList<int> Orders,
    IReadOnlyList<int> InflationOrders,
    int Parameters,
    double? LogLikelihood,
    double? BicPersons,
    double? BicObservations,
    double? Aic,
    double? Entropy,
    double? MinAvePP,
    double? MinOcc,
    double? MinShare,
    bool Converged,
    bool Adequate,
    bool Chosen,
    string Reasons,
    int? Starts,
    int? Replications,
    bool? Replicated,
    string? BestOrigin,
    double? Seconds);

/// <summary>The model search as published.</summary>
/// <param name="Rule">The selection rule in words.</param>
/// <param name="ChosenIsAdequate">Whether the chosen model met every adequacy rule.</param>
/// <param name="Sample">
/// When the grid was fitted to a random sample of the panel's offenders, its size (the rows' BIC then use the sample's
/// persons and observations, and the chosen model was fitted to all offenders afterwards); null when it ran on all.
/// </param>
/// <param name="Rows">Every model tried.</param>
public sealed record PublishedSelection(string Rule, bool ChosenIsAdequate, int? Sample, IReadOnlyList<PublishedSelectionRow> Rows)
{
    /// <summary>The chosen row, if any.</summary>
    public PublishedSelectionRow? Chosen => Rows.FirstOrDefault(r => r.Chosen);
}
