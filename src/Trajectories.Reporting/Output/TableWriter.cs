namespace Trajectories.Reporting.Output;

/// <summary>Writes a <see cref="ResultTable"/> as CSV (RFC 4180, invariant culture) and as Parquet.</summary>
/// <remarks>
/// Both formats are written in one pass over the rows: each cell's value is taken once and given to both writers, so
/// the CSV and the Parquet file hold the same values (doubles in round-trip form in the CSV, as stored in Parquet).
/// Parquet is written with Parquet.Net (<see cref="ResultParquetWriter"/>), with typed columns.
/// </remarks>
public static class TableWriter
{
    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/> as CSV.</summary>
    public static void WriteCsv(ResultTable table, string path) => Write(table, path, null);

    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/> as Parquet.</summary>
    public static void WriteParquet(ResultTable table, string path) => Write(table, null, path);

    /// <summary>Writes both <c>NAME.csv</c> and <c>NAME.parquet</c> into <paramref name="folder"/>.</summary>
    public static void WriteBoth(ResultTable table, string folder, string name) =>
        Write(table, Path.Combine(folder, name + ".csv"), Path.Combine(folder, name + ".parquet"));

    private static void Write(ResultTable table, string? csvPath, string? parquetPath)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var csv = csvPath is null ? null : new ResultCsvWriter(csvPath, table);
        using var parquet = parquetPath is null ? null : new ResultParquetWriter(parquetPath, table);
        var columns = table.Columns;
        for (var row = 0; row < table.RowCount; row++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var value = columns[c].Value(row);
                csv?.Set(c, columns[c].Kind, value);
                parquet?.Set(c, columns[c].Kind, value);
            }

            csv?.EndRow();
            parquet?.EndRow();
        }

        csv?.Complete();
        parquet?.Complete();
    }
}
