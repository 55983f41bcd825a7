using System.Globalization;
using System.Text;

namespace Trajectories.Reporting.Output;

/// <summary>
/// Writes the rows of a <see cref="ResultTable"/> as CSV: RFC 4180 quoting where needed, invariant culture, doubles
/// in round-trip form, an empty cell for null and non-finite values, booleans as <c>true</c>/<c>false</c>.
/// </summary>
internal sealed class ResultCsvWriter : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly string[] _cells;

    public ResultCsvWriter(string path, ResultTable table)
    {
        _writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        _writer.WriteLine(string.Join(",", table.Columns.Select(c => Quote(c.Name))));
        _cells = new string[table.Columns.Count];
    }

    public void Set(int column, ColumnKind kind, object? value) => _cells[column] = Format(kind, value);

    public void EndRow() => _writer.WriteLine(string.Join(",", _cells));

    public void Complete() => _writer.Flush();

    public void Dispose() => _writer.Dispose();

    private static string Format(ColumnKind kind, object? value)
    {
        switch (value)
        {
            case null:
                return string.Empty;
            case double d:
                return double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
            case float f:
                return float.IsFinite(f) ? f.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
            case bool b:
                return b ? "true" : "false";
            case IFormattable f when kind != ColumnKind.Text:
                return f.ToString(null, CultureInfo.InvariantCulture);
            default:
                return Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
        }
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
