namespace Trajectories.Registers.Model;

/// <summary>A row of <c>persons</c>.</summary>
/// <param name="PersonId">Unique person id.</param>
/// <param name="Cohort">Population.</param>
/// <param name="MatchId">Shared by an offender and its two matched controls.</param>
/// <param name="Sex">Registered sex.</param>
/// <param name="BirthYear">Year of birth.</param>
/// <param name="FirstTraffickingYear">Year of the first trafficking case (offenders only, 2008–2017), else null.</param>
public readonly record struct PersonRow(
    string PersonId, Cohort Cohort, string MatchId, Sex Sex, int BirthYear, int? FirstTraffickingYear);

/// <summary>A row of <c>cases</c>: registered criminal cases of one person in one calendar year (≥ 1).</summary>
public readonly record struct CaseRow(string PersonId, int Year, int Cases);

/// <summary>A row of <c>exposure</c>: share of a year at risk, in (0, 1].</summary>
public readonly record struct ExposureRow(string PersonId, int Year, double AtRisk);

/// <summary>A row of <c>lvb</c>: one provision-year because of LVB.</summary>
public readonly record struct LvbRow(string PersonId, LvbSource Source, int Year);

/// <summary>A row of <c>victimisations</c>: one police-registered victimisation.</summary>
public readonly record struct VictimisationRow(string PersonId, int Year, VictimCategory Category);

/// <summary>A row of <c>truth</c> (synthetic registers only): the planted profile of an offender.</summary>
public readonly record struct TruthRow(string PersonId, Profile Profile);
