namespace Trajectories.Registers.Model;

/// <summary>The text codes of the register layout (INTERFACES.md §1) for each enumeration, both ways.</summary>
public static class Codes
{
    /// <summary>Text of a cohort.</summary>
    public static string Of(Cohort value) => value switch
    {
        Cohort.Offender => "offender",
        Cohort.CriminalControl => "criminal_control",
        Cohort.NoncriminalControl => "noncriminal_control",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    /// <summary>Text of a sex.</summary>
    public static string Of(Sex value) => value == Sex.M ? "M" : "F";

    /// <summary>Text of an LVB source.</summary>
    public static string Of(LvbSource value) => value.ToString();

    /// <summary>Text of a victimisation category.</summary>
    public static string Of(VictimCategory value) => value switch
    {
        VictimCategory.Violence => "violence",
        VictimCategory.Property => "property",
        VictimCategory.Sexual => "sexual",
        VictimCategory.VandalismPublicOrder => "vandalism_public_order",
        VictimCategory.Traffic => "traffic",
        VictimCategory.Other => "other",
        VictimCategory.HumanTrafficking => "human_trafficking",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    /// <summary>Text of a profile.</summary>
    public static string Of(Profile value) => value switch
    {
        Profile.Incidental => "incidental",
        Profile.EarlyPeaking => "early_peaking",
        Profile.LatePeaking => "late_peaking",
        Profile.Continuous => "continuous",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    /// <summary>Parses a cohort code; false when unknown.</summary>
    public static bool TryParse(string text, out Cohort value) => TryParseEnum(text, out value, Of);

    /// <summary>Parses a sex code; false when unknown.</summary>
    public static bool TryParse(string text, out Sex value) => TryParseEnum(text, out value, Of);

    /// <summary>Parses an LVB source code; false when unknown.</summary>
    public static bool TryParse(string text, out LvbSource value) => TryParseEnum(text, out value, Of);

    /// <summary>Parses a victimisation category code; false when unknown.</summary>
    public static bool TryParse(string text, out VictimCategory value) => TryParseEnum(text, out value, Of);

    /// <summary>Parses a profile code; false when unknown.</summary>
    public static bool TryParse(string text, out Profile value) => TryParseEnum(text, out value, Of);

    /// <summary>All codes of an enumeration, in declaration order (for error messages).</summary>
    public static string List<T>(Func<T, string> of)
        where T : struct, Enum => string.Join(" | ", Enum.GetValues<T>().Select(of));

    private static bool TryParseEnum<T>(string text, out T value, Func<T, string> of)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(of(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
