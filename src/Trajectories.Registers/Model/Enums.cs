namespace Trajectories.Registers.Model;

/// <summary>Which of the three matched populations a person belongs to.</summary>
public enum Cohort
{
    /// <summary>Offender of domestic sexual exploitation (the study sample).</summary>
    Offender,

    /// <summary>Matched control with at least one non-trafficking case in the case window.</summary>
    CriminalControl,

    /// <summary>Matched control with no registered case.</summary>
    NoncriminalControl,
}

/// <summary>Registered sex.</summary>
public enum Sex
{
    /// <summary>Male.</summary>
    M,

    /// <summary>Female.</summary>
    F,
}

/// <summary>Source of an LVB provision (INTERFACES.md §1).</summary>
public enum LvbSource
{
    /// <summary>Work-disability benefit because of LVB.</summary>
    AO,

    /// <summary>CIZ care indication because of LVB.</summary>
    CIZ,

    /// <summary>Sheltered-employment (Wsw) indication because of LVB.</summary>
    WSW,
}

/// <summary>The seven victimisation categories of the study.</summary>
public enum VictimCategory
{
    /// <summary>Violence.</summary>
    Violence,

    /// <summary>Property.</summary>
    Property,

    /// <summary>Sexual offences.</summary>
    Sexual,

    /// <summary>Vandalism and public order.</summary>
    VandalismPublicOrder,

    /// <summary>Traffic.</summary>
    Traffic,

    /// <summary>Other offences.</summary>
    Other,

    /// <summary>Human trafficking.</summary>
    HumanTrafficking,
}

/// <summary>The four planted offender profiles of the synthetic generator (the <c>truth</c> table).</summary>
public enum Profile
{
    /// <summary>Few cases, late start.</summary>
    Incidental,

    /// <summary>Escalates between 15 and 22, then declines.</summary>
    EarlyPeaking,

    /// <summary>Quiet start, escalates between 22 and 33.</summary>
    LatePeaking,

    /// <summary>High rate from adolescence into adulthood.</summary>
    Continuous,
}
