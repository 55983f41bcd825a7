using System.Data.Common;
using DuckDB.NET.Data;
using Trajectories.Registers.Io;

namespace Trajectories.Registers.Panels;

/// <summary>
/// Reads a long Parquet panel (<c>person_id,time,count[,exposure]</c>) through DuckDB's <c>read_parquet</c>,
/// streaming the rows in file order. Same rules as <see cref="LongCsvReader"/>; other columns are ignored.
/// </summary>
/// <remarks>
/// Parquet has no lines, so errors name the 1-based data row in the message (the exception's Line is null).
/// Columns may be of any type DuckDB can cast: ids to text, time/count/exposure to double (so fractional and NaN
/// counts are seen and reported rather than truncated by an integer cast).
/// </remarks>
public static class LongParquetReader
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="InputException">An unreadable or malformed file; the message names the file, row and column.</exception>
    public static LoadedPanel Read(string path, OutcomeRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        rule ??= OutcomeRule.Counts;
        if (!File.Exists(path))
        {
            throw new InputException(path, null, null, "the file does not exist.");
        }

        try
        {
            using var connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            var source = $"read_parquet('{path.Replace("'", "''", StringComparison.Ordinal)}')";
            var columns = Columns(connection, source);
            foreach (var required in new[] { LongLayout.PersonId, LongLayout.Time, LongLayout.Count })
            {
                if (!columns.Contains(required))
                {
                    throw new InputException(path, null, required, $"required column '{required}' is missing (found: {string.Join(", ", columns)}).");
                }
            }

            var hasExposure = columns.Contains(LongLayout.Exposure);
            using var command = connection.CreateCommand();
            command.UseStreamingMode = true;
            command.CommandText =
                $"SELECT CAST(person_id AS VARCHAR), TRY_CAST(\"time\" AS DOUBLE), \"time\" IS NULL, " +
                $"TRY_CAST(\"count\" AS DOUBLE), \"count\" IS NULL" +
                (hasExposure ? ", TRY_CAST(exposure AS DOUBLE), exposure IS NULL" : string.Empty) +
                $" FROM {source}";
            using var reader = command.ExecuteReader();
            var rows = new LongRows(path, hasExposure, rowsNotLines: true);
            long row = 0;
            while (reader.Read())
            {
                row++;
                ReadRow(reader, rows, row, hasExposure, rule);
            }

            return rows.Build(PanelFormat.LongParquet, path);
        }
        catch (DuckDBException e)
        {
            throw new InputException(path, null, null, $"cannot read the Parquet file: {e.Message}", e);
        }
    }

    private static void ReadRow(DbDataReader reader, LongRows rows, long row, bool hasExposure, OutcomeRule rule)
    {
        if (reader.IsDBNull(0) || reader.GetString(0).Trim().Length == 0)
        {
            throw rows.Error(row, LongLayout.PersonId, "the person id is empty.");
        }

        var id = reader.GetString(0).Trim();
        var time = Number(reader, rows, row, 1, LongLayout.Time, "a time value");
        if (!double.IsFinite(time))
        {
            throw rows.Error(row, LongLayout.Time, $"the time {PanelCells.Show(time)} is not finite.");
        }

        var count = Number(reader, rows, row, 3, LongLayout.Count, rule.Expected);
        if (LongLayout.CountProblem(count, rule) is { } countProblem)
        {
            throw rows.Error(row, LongLayout.Count, countProblem);
        }

        var exposure = 1.0;
        if (hasExposure)
        {
            exposure = Number(reader, rows, row, 5, LongLayout.Exposure, "the share of the time point at risk in [0, 1]");
            if (LongLayout.ExposureProblem(exposure, count) is { } exposureProblem)
            {
                throw rows.Error(row, LongLayout.Exposure, exposureProblem);
            }
        }

        rows.Add(id, time, count, exposure, row);
    }

    private static double Number(DbDataReader reader, LongRows rows, long row, int ordinal, string column, string expected)
    {
        // The query pairs each TRY_CAST with an IS NULL of the raw value: a null cast of a non-null value is text.
        if (reader.GetBoolean(ordinal + 1))
        {
            throw rows.Error(row, column, $"the cell is empty; expected {expected} (a long file lists observed cells only).");
        }

        return reader.IsDBNull(ordinal)
            ? throw rows.Error(row, column, $"the value is not a number; expected {expected}.")
            : reader.GetDouble(ordinal);
    }

    private static List<string> Columns(DuckDBConnection connection, string source)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DESCRIBE SELECT * FROM {source}";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
