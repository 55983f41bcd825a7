using System.Globalization;
using Trajectories.Registers.Io;

namespace Trajectories.Reporting.Output;

/// <summary>
/// Writes the rows of a <see cref="ResultTable"/> as Parquet through <see cref="ParquetColumnsWriter"/>, every column
/// nullable and typed by its <see cref="ColumnKind"/>: Text a string, Integer INT64, Real DOUBLE, Boolean BOOLEAN.
/// </summary>
/// <remarks>
/// Cells hold what the CSV shows: null and non-finite doubles are null (the CSV's empty cell), numbers are converted
/// from the value itself (not from its text), text is the value's invariant string. An empty string stays an empty
/// string, which Parquet, unlike CSV, tells apart from null.
/// </remarks>
internal sealed class ResultParquetWriter : IDisposable
{
    private readonly ParquetColumnsWriter _writer;

    public ResultParquetWriter(string path, ResultTable table)
    {
        _writer = new ParquetColumnsWriter(path, table.Columns.Select(c => new ParquetColumn(c.Name, TypeOf(c.Kind), Nullable: true)).ToArray());
    }

    public void Set(int column, ColumnKind kind, object? value)
    {
        var c = CultureInfo.InvariantCulture;
        switch (kind)
        {
            case ColumnKind.Text:
                _writer.SetText(column, value is null ? null : Convert.ToString(value, c));
                break;
            case ColumnKind.Integer:
                _writer.SetInt64(column, value is null ? null : Convert.ToInt64(value, c));
                break;
            case ColumnKind.Boolean:
                _writer.SetBoolean(column, value is null ? null : Convert.ToBoolean(value, c));
                break;
            default:
                _writer.SetDouble(column, value is null ? null : Finite(Convert.ToDouble(value, c)));
                break;
        }
    }

    public void EndRow() => _writer.EndRow();

    public void Complete() => _writer.Complete();

    public void Dispose() => _writer.Dispose();

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static ParquetColumnType TypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Text => ParquetColumnType.Text,
        ColumnKind.Integer => ParquetColumnType.Int64,
        ColumnKind.Boolean => ParquetColumnType.Boolean,
        _ => ParquetColumnType.Double,
    };
}
