using Trajectories.Registers.Model;

namespace Trajectories.Registers.Validation;

/// <summary>Fixed rules of the study design that <c>register.json</c> does not carry.</summary>
public static class StudyRules
{
    /// <summary>The sample: offenders whose first trafficking case was registered in 2008–2017.</summary>
    public static YearRange FirstTraffickingYears { get; } = new(2008, 2017);

    /// <summary>
    /// The earliest plausible birth year. Registers start in 2001, so nobody in them was born before 1900; the
    /// latest plausible year is the last case year minus <c>min_age</c> (younger persons never enter a panel).
    /// </summary>
    public const int EarliestBirthYear = 1900;

    /// <summary>Plausible birth years for a register with these metadata.</summary>
    public static YearRange BirthYears(RegisterMetadata metadata) =>
        new(EarliestBirthYear, metadata.CaseYears.Last - metadata.MinAge);
}
