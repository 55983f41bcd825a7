using Trajectories.Registers.Model;

namespace Trajectories.Registers.Synthetic;

/// <summary>
/// Every number of the generative model in one place. Values marked "study" are the published figures
/// (MISSION.md); values marked "assumed" are our choices where the study gives no number, and "tuned" values were
/// set so that the register reproduces the study's figures (see sample-registers/README.md for the reasons).
/// </summary>
public static class ModelParameters
{
    /// <summary>Version written into register.json; bump when any value below changes.</summary>
    public const string GeneratorVersion = "trajectories-synthetic/1.1";

    /// <summary>Study: the years with case data.</summary>
    public static YearRange CaseYears { get; } = new(2001, 2021);

    /// <summary>Study: the years with victimisation data.</summary>
    public static YearRange VictimisationYears { get; } = new(2010, 2023);

    /// <summary>Study: no registered case below the age of criminal responsibility.</summary>
    public const int MinAge = 12;

    /// <summary>Study: the LVB window of each source (AO 2015–2021, CIZ 2017–2021, Wsw 2015–2021).</summary>
    public static YearRange LvbWindow(LvbSource source) => RegisterMetadata.DefaultLvbYears[source];

    /// <summary>Study: profile shares, in <see cref="Profile"/> order.</summary>
    public static IReadOnlyList<double> ProfileShares { get; } = [0.36, 0.28, 0.21, 0.15];

    /// <summary>
    /// Tuned: share of each profile's offenders with first trafficking in 2013–2017 (the rest in 2008–2012; years
    /// within a period equally likely). Incidental offenders come later: their longer observed careers before
    /// trafficking give the study's early mean age at first case (23.2) despite their late trafficking (30.4).
    /// Weighted by the profile shares this gives the study's 41 % (260 of 630).
    /// </summary>
    public static IReadOnlyList<double> LateTraffickingShare { get; } = [0.55, 0.331, 0.331, 0.331];

    /// <summary>Number of first-trafficking years (2008–2017).</summary>
    public const int FirstTraffickingYears = 10;

    /// <summary>The first first-trafficking year of the later period (2013).</summary>
    public const int LateTraffickingFrom = 2013;

    /// <summary>Study: the first first-trafficking year (2008).</summary>
    public const int FirstTraffickingFrom = 2008;

    /// <summary>
    /// Study: 24 % of offenders committed trafficking again; each of them gets one more case in a year drawn
    /// uniformly after the first trafficking year (the register does not record offence types, so this only adds cases).
    /// </summary>
    public const double RepeatTraffickingShare = 0.24;

    /// <summary>Assumed: share of men (offenders of sexual exploitation are mostly male; controls are matched).</summary>
    public const double MaleShare = 0.90;

    /// <summary>Tuned: yearly case-rate curve of each profile, in <see cref="Profile"/> order.</summary>
    public static IReadOnlyList<AgeCurve> CaseCurves { get; } =
    [
        new(0.50, 15.0, 2.0, 3.2, 0.075),   // incidental: a sharp adolescent bump, then a low floor
        new(1.55, 18.5, 2.5, 6.0, 0.05),     // early-peaking: escalates 15–19, declines steadily after ~22
        new(1.30, 30.0, 4.5, 9.0, 0.05),     // late-peaking: quiet until ~22, escalates to a peak at ~30
        new(3.20, 19.0, 3.5, 8.5, 0.05),    // continuous: high from early adolescence, slow decline
    ];

    /// <summary>
    /// Tuned: extra yearly case rate after the first trafficking year, per profile (a supported model feature).
    /// Zero in every profile: 0.10 for incidental offenders brought their case share to 9 % but, being tied to the
    /// trafficking year rather than to age, made BIC at N = 630 split the incidental group on some seeds.
    /// </summary>
    public static IReadOnlyList<double> PostTraffickingRate { get; } = [0.0, 0.0, 0.0, 0.0];

    /// <summary>
    /// Assumed: shape a of the mean-one gamma frailty per profile (Var u = 1/a); infinite = none. Shape 4 everywhere
    /// (Var u = 0.25: the middle half of a profile's persons offend at 0.66–1.28 times its rate, the top tenth at
    /// ≥ 1.7 times). WHY: real registers vary far more between persons of one profile than a Poisson curve allows —
    /// persistent differences in propensity and opportunity — and a model checked only on Poisson profiles would
    /// split each real profile into high- and low-rate slivers (issue 11 measured K = 5–6 at shape 4 with Poisson
    /// groups). Version 1.0 had no frailty; the engine's <c>frailty</c> family models it.
    /// </summary>
    public static IReadOnlyList<double> FrailtyShape { get; } = [4.0, 4.0, 4.0, 4.0];

    /// <summary>
    /// Age at first trafficking (year difference) per profile: study means for incidental (30.4) and early-peaking
    /// (22.2); assumed means for late-peaking (24.8) and continuous (22.7, just above early-peaking, the youngest).
    /// Spreads tuned for 52 % under 25 and for the incidental mean age at first case (a wide incidental spread would
    /// put many careers before the 2001 data start).
    /// </summary>
    public static IReadOnlyList<AgeComponent[]> AgeAtFirstTrafficking { get; } =
    [
        [new(1.0, 30.4, 3.5, 18, 50)],
        [new(1.0, 22.2, 1.6, 15, 32)],
        [new(1.0, 24.8, 3.0, 18, 45)],
        [new(1.0, 22.7, 2.5, 16, 35)],
    ];

    /// <summary>Assumed: share of criminal controls with a single registered case (one-off offenders).</summary>
    public const double ControlOneOffShare = 0.45;

    /// <summary>Assumed: age–crime curve of the criminal controls' low-rate careers (peak at 19).</summary>
    public static AgeCurve ControlCurve { get; } = new(0.45, 19.0, 3.0, 9.0, 0.04);

    /// <summary>Assumed: frailty shape of the controls' low-rate careers (strong heterogeneity, as in general offending).</summary>
    public const double ControlFrailtyShape = 1.0;

    /// <summary>Assumed: LVB rate of the non-criminal controls (the provisions catch roughly a third of the 6.4 % with LVB).</summary>
    public const double LvbBaseRate = 0.025;

    /// <summary>Study ratios vs the non-criminal controls: criminal control 2.3.</summary>
    public const double LvbRatioCriminalControl = 2.3;

    /// <summary>
    /// LVB ratio per profile: early 5.0 and continuous 8.7 (study); incidental and late-peaking (assumed) chosen
    /// close to 1 but so that the offender total is the study's 3.6.
    /// </summary>
    public static IReadOnlyList<double> LvbRatioByProfile { get; } = [1.55, 5.0, 1.6, 8.7];

    /// <summary>Study: ever victim 2010–2023 (offenders, criminal, non-criminal).</summary>
    public static IReadOnlyList<double> EverVictim { get; } = [0.74, 0.60, 0.42];

    /// <summary>Study: mean number of victimisations among victims (offenders, criminal, non-criminal).</summary>
    public static IReadOnlyList<double> MeanVictimisations { get; } = [3.1, 2.5, 2.0];

    /// <summary>
    /// Share of victims with ≥ 1 victimisation of each category (<see cref="VictimCategory"/> order) for
    /// offenders (violence replaced per profile), criminal and non-criminal controls (study; property, sexual,
    /// vandalism and traffic equal across cohorts because the study finds no difference).
    /// </summary>
    public static IReadOnlyList<double[]> CategoryShares { get; } =
    [
        [0.47, 0.72, 0.02, 0.29, 0.14, 0.08, 0.02],
        [0.35, 0.72, 0.02, 0.29, 0.14, 0.03, 0.00],
        [0.11, 0.72, 0.02, 0.29, 0.14, 0.02, 0.00],
    ];

    /// <summary>Study: violence among victimised offenders per profile (early and late "between 48 and 52").</summary>
    public static IReadOnlyList<double> ViolenceByProfile { get; } = [0.39, 0.495, 0.495, 0.62];

    /// <summary>
    /// Study: recent victimisation (years FT−3..FT−1) per profile. Planted as published; the overall 38 % then
    /// follows from the profile mix of the offenders with first trafficking in 2013 or later.
    /// </summary>
    public static IReadOnlyList<double> RecentVictimByProfile { get; } = [0.300, 0.540, 0.450, 0.290];

    /// <summary>Study: the window of recent victimisation, in years before the first trafficking year.</summary>
    public const int RecentWindowYears = 3;

    /// <summary>Assumed detention model (option): chance of detention in a year after a year with ≥ 3 cases.</summary>
    public const double DetentionChance = 0.35;

    /// <summary>Assumed detention model: cases in the previous year that make detention possible.</summary>
    public const int DetentionThreshold = 3;
}
