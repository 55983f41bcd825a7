namespace Trajectories.Registers.Io;

/// <summary>The tables of a register folder (INTERFACES.md §1).</summary>
public enum RegisterTable
{
    /// <summary><c>persons</c>: one row per person.</summary>
    Persons,

    /// <summary><c>cases</c>: registered cases per person and year.</summary>
    Cases,

    /// <summary><c>exposure</c> (optional): share of a year at risk.</summary>
    Exposure,

    /// <summary><c>lvb</c>: provision-years because of LVB.</summary>
    Lvb,

    /// <summary><c>victimisations</c>: registered victimisations.</summary>
    Victimisations,

    /// <summary><c>truth</c> (optional, synthetic only): the planted profile.</summary>
    Truth,
}

/// <summary>File names, column names (in layout order) and whether a table is required.</summary>
public static class RegisterTables
{
    /// <summary>All tables, in the order they are validated and written.</summary>
    public static IReadOnlyList<RegisterTable> All { get; } = Enum.GetValues<RegisterTable>();

    /// <summary>File name without extension, e.g. <c>persons</c>.</summary>
    public static string Name(RegisterTable table) => table switch
    {
        RegisterTable.Persons => "persons",
        RegisterTable.Cases => "cases",
        RegisterTable.Exposure => "exposure",
        RegisterTable.Lvb => "lvb",
        RegisterTable.Victimisations => "victimisations",
        RegisterTable.Truth => "truth",
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };

    /// <summary>The columns of a table, in the exact order and spelling of the layout.</summary>
    public static IReadOnlyList<string> Columns(RegisterTable table) => table switch
    {
        RegisterTable.Persons => ["person_id", "cohort", "match_id", "sex", "birth_year", "first_trafficking_year"],
        RegisterTable.Cases => ["person_id", "year", "cases"],
        RegisterTable.Exposure => ["person_id", "year", "at_risk"],
        RegisterTable.Lvb => ["person_id", "source", "year"],
        RegisterTable.Victimisations => ["person_id", "year", "category"],
        RegisterTable.Truth => ["person_id", "profile"],
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };

    /// <summary>False for <c>exposure</c> and <c>truth</c>, which a register may omit.</summary>
    public static bool IsRequired(RegisterTable table) => table is not (RegisterTable.Exposure or RegisterTable.Truth);
}
