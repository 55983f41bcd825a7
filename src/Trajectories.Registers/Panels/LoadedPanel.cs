using Trajectories.Core.Panels;

namespace Trajectories.Registers.Panels;

/// <summary>The layout an input for <c>fit</c>/<c>select</c> was read as (INTERFACES.md §2).</summary>
public enum PanelFormat
{
    /// <summary>Wide CSV: person id, then one column per time point.</summary>
    WideCsv,

    /// <summary>Long CSV: <c>person_id,time,count[,exposure]</c>.</summary>
    LongCsv,

    /// <summary>Long Parquet: <c>person_id,time,count[,exposure]</c>.</summary>
    LongParquet,

    /// <summary>A register folder: its offender panel.</summary>
    Register,
}

/// <summary>A panel read from an input, with what the reader had to leave out.</summary>
/// <param name="Panel">The panel; persons in input order (first appearance for long input).</param>
/// <param name="Format">How the input was read.</param>
/// <param name="Source">The input path as given.</param>
/// <param name="DroppedPersons">
/// Persons of the input without a single observed cell. They are left out of the panel because they carry no
/// likelihood information and would only inflate n in BIC; the long layout cannot even express them, so leaving
/// them out keeps wide and long inputs of the same data identical.
/// </param>
/// <param name="Offenders">For a register folder, the offender panel with its side information; otherwise null.</param>
public sealed record LoadedPanel(
    CountPanel Panel,
    PanelFormat Format,
    string Source,
    int DroppedPersons,
    OffenderPanel? Offenders = null);
