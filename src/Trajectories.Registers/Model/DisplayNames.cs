namespace Trajectories.Registers.Model;

/// <summary>
/// How profiles, cohorts and victimisation categories read on the console and in reports ("late-peaking"), as opposed to
/// their codes in files (<see cref="Codes"/>: "late_peaking"), which stay as they are.
/// </summary>
public static class DisplayNames
{
    /// <summary>The display name of a profile.</summary>
    public static string Of(Profile value) => value switch
    {
        Profile.EarlyPeaking => "early-peaking",
        Profile.LatePeaking => "late-peaking",
        _ => Codes.Of(value),
    };

    /// <summary>The display name of a cohort ("non-criminal control").</summary>
    public static string Of(Cohort value) => value switch
    {
        Cohort.Offender => "offenders",
        Cohort.CriminalControl => "criminal control",
        Cohort.NoncriminalControl => "non-criminal control",
        _ => Codes.Of(value),
    };

    /// <summary>
    /// How an LVB source is written in prose: AO, CIZ and Wsw (Wet sociale werkplaatsvoorziening, whose own
    /// abbreviation is written Wsw), while <see cref="Codes.Of(LvbSource)"/> stays the register's code.
    /// </summary>
    public static string Of(LvbSource value) => value == LvbSource.WSW ? "Wsw" : Codes.Of(value);

    /// <summary>The display name of a victimisation category.</summary>
    public static string Of(VictimCategory value) => value switch
    {
        VictimCategory.VandalismPublicOrder => "vandalism / public order",
        VictimCategory.HumanTrafficking => "human trafficking",
        _ => Codes.Of(value),
    };
}
