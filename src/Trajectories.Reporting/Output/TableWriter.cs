using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace Trajectories.Reporting.Output;

/// <summary>Writes a <see cref="ResultTable"/> as CSV (RFC 4180, invariant culture) and as Parquet.</summary>
/// <remarks>
/// Parquet goes through embedded DuckDB (Parquet.Net is not obtainable from the package registry used here): the
/// CSV is read back with an explicit schema and copied to Parquet, so both files hold exactly the same values.
/// Doubles are written with round-trip precision.
/// </remarks>
public static class TableWriter
{
    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/> as CSV.</summary>
    public static void WriteCsv(ResultTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine(string.Join(",", table.Columns.Select(c => Quote(c.Name))));
        var cells = new string[table.Columns.Count];
        for (var row = 0; row < table.RowCount; row++)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = Format(table.Columns[c].Kind, table.Columns[c].Value(row));
            }

            writer.WriteLine(string.Join(",", cells));
        }
    }

    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/> as Parquet (through a temporary CSV).</summary>
    public static void WriteParquet(ResultTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = path + ".tmp.csv";
        try
        {
            WriteCsv(table, csv);
            CsvToParquet(table, csv, path);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    /// <summary>Writes both <c>NAME.csv</c> and <c>NAME.parquet</c> into <paramref name="folder"/>.</summary>
    public static void WriteBoth(ResultTable table, string folder, string name)
    {
        WriteCsv(table, Path.Combine(folder, name + ".csv"));
        CsvToParquet(table, Path.Combine(folder, name + ".csv"), Path.Combine(folder, name + ".parquet"));
    }

    private static void CsvToParquet(ResultTable table, string csv, string parquet)
    {
        var schema = string.Join(", ", table.Columns.Select(c => $"'{Sql(c.Name)}': '{SqlType(c.Kind)}'"));
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            $"COPY (SELECT * FROM read_csv('{Sql(csv)}', header = true, delim = ',', quote = '\"', escape = '\"', columns = {{{schema}}})) " +
            $"TO '{Sql(parquet)}' (FORMAT parquet)";
        command.ExecuteNonQuery();
    }

    private static string SqlType(ColumnKind kind) => kind switch
    {
        ColumnKind.Text => "VARCHAR",
        ColumnKind.Integer => "BIGINT",
        ColumnKind.Boolean => "BOOLEAN",
        _ => "DOUBLE",
    };

    private static string Sql(string text) => text.Replace("'", "''", StringComparison.Ordinal);

    private static string Format(ColumnKind kind, object? value)
    {
        switch (value)
        {
            case null:
                return string.Empty;
            case bool b:
                return b ? "true" : "false";
            case double d:
                return double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
            case float f:
                return float.IsFinite(f) ? f.ToString("R", CultureInfo.InvariantCulture) : string.Empty;
            case IFormattable f when kind != ColumnKind.Text:
                return f.ToString(null, CultureInfo.InvariantCulture);
            default:
                return Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
        }
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
