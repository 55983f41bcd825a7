namespace Trajectories.Analysis.Comparisons;

/// <summary>A named set of persons (indices into the register's <c>persons</c>), e.g. a cohort or a profile.</summary>
/// <param name="Name">Population code.</param>
/// <param name="Members">Person indices.</param>
internal sealed record Population(string Name, int[] Members);

/// <summary>Names used for the three cohorts in every output.</summary>
public static class PopulationNames
{
    /// <summary>The offenders.</summary>
    public const string Offender = "offender";

    /// <summary>The criminal control group.</summary>
    public const string CriminalControl = "criminal_control";

    /// <summary>The non-criminal control group (the reference of every ratio).</summary>
    public const string NoncriminalControl = "noncriminal_control";
}

/// <summary>Helpers shared by the comparison builders.</summary>
internal static class Numbers
{
    /// <summary>The value, or null when it is not finite (zero-cell ratios, undefined means).</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
