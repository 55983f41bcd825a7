using Trajectories.Analysis.Disclosure;

namespace Trajectories.Analysis.Profiles;

/// <summary>
/// The published description of one profile (modal assignment), as the study's §1.3 table. Definitions agree
/// with the synthetic generator's calibration check: cases are all the register's case rows of the offender; the
/// age at an event is event year − birth year; "cases before trafficking" are cases in years strictly before the
/// first trafficking year, and an offender "starts with trafficking" when there are none.
/// </summary>
/// <param name="Group">1-based group of the chosen fit.</param>
/// <param name="Label">Profile label (or <c>other</c>).</param>
/// <param name="Description">Curve features in words.</param>
/// <param name="N">Offenders modally assigned (disclosed).</param>
/// <param name="Share">Modal share of the panel's offenders: published n / published panel offenders.</param>
/// <param name="ModelShare">The fit's estimated group share π_k, at model-share precision.</param>
/// <param name="CaseShare">Share of all panel offenders' registered cases, from the published case counts.</param>
/// <param name="MeanAgeFirstCase">Mean age at the first registered case (precision of <see cref="Precision.MeanOfIntegers"/>).</param>
/// <param name="MeanAgeFirstTrafficking">Mean age at the first trafficking case (same precision).</param>
/// <param name="MeanCasesBeforeTrafficking">Mean number of cases before the first trafficking year (same precision).</param>
/// <param name="ShareStartingWithTrafficking">Share with no case before the first trafficking year, from published counts.</param>
public sealed record ProfileSummary(
    int Group,
    string Label,
    string Description,
    DisclosedCount N,
    double? Share,
    double? ModelShare,
    double? CaseShare,
    double? MeanAgeFirstCase,
    double? MeanAgeFirstTrafficking,
    double? MeanCasesBeforeTrafficking,
    double? ShareStartingWithTrafficking);
