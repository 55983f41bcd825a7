using Trajectories.Analysis.Publication;
using Trajectories.Reporting.Output;

namespace Trajectories.Reporting.Analysis;

/// <summary>
/// A published table as a <see cref="ResultTable"/> for the CSV and Parquet writer: the same columns and values as
/// in results.json; lists, which CSV cannot hold, as their text rendering (<see cref="TableText.List"/>).
/// </summary>
public static class AnalysisTables
{
    /// <summary>The file form of <paramref name="table"/>.</summary>
    public static ResultTable ToResultTable(PublishedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new ResultTable(table.Rows.Count, table.Columns.Select((c, i) => new ResultColumn(c.Name, Kind(c.Kind), row => Value(c.Kind, table.Rows[row][i]))).ToArray());
    }

    private static ColumnKind Kind(ValueKind kind) => kind switch
    {
        ValueKind.Integer => ColumnKind.Integer,
        ValueKind.Real => ColumnKind.Real,
        ValueKind.Boolean => ColumnKind.Boolean,
        _ => ColumnKind.Text,
    };

    private static object? Value(ValueKind kind, object? value) =>
        kind is ValueKind.IntegerList or ValueKind.RealList or ValueKind.TextList ? TableText.List(kind, value) : value;
}
