using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Trajectories.Registers.Tests.Io;

/// <summary>
/// Writes Parquet files of any column types with Parquet.Net's own row-group API, as a user's pipeline would, so the
/// readers are tested on files that the project's writer would never produce (text years, FLOAT times, INT8 counts…).
/// </summary>
internal static class ParquetFiles
{
    /// <summary>The folder of the DuckDB-written fixtures (see its README).</summary>
    public static string Fixture(string name) =>
        Path.Combine(Trajectories.Testing.RepositoryPaths.Root, "tests", "Trajectories.Registers.Tests", "fixtures", name);

    /// <summary>Writes one row group; each column is a name and an array (<c>int?[]</c>, <c>string?[]</c>…: nullable element types make OPTIONAL columns).</summary>
    public static void Write(string path, params (string Name, Array Values)[] columns) => Write(path, int.MaxValue, columns);

    /// <summary>Writes row groups of at most <paramref name="rowGroupSize"/> rows.</summary>
    public static void Write(string path, int rowGroupSize, params (string Name, Array Values)[] columns)
    {
        var fields = columns.Select(c => Field(c.Name, c.Values)).ToArray();
        var rows = columns[0].Values.Length;

        // Run off the test's synchronization context: Parquet.Net's awaits would otherwise queue on xunit's.
        Task.Run(async () =>
        {
            await using var stream = File.Create(path);
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
            var start = 0;
            do
            {
                var count = Math.Min(rowGroupSize, rows - start);
                using var group = writer.CreateRowGroup();
                for (var c = 0; c < columns.Length; c++)
                {
                    await WriteColumn(group, fields[c], columns[c].Values, start, count);
                }

                start += count;
            }
            while (start < rows);
        }).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Writes a CSV text as Parquet, typing each column the way a CSV importer would: INT64 when every non-empty cell
    /// is an integer, DOUBLE when every one is a number, text otherwise; an empty cell is null.
    /// </summary>
    public static void FromCsv(string path, string csv, params string[] leaveOut)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var columns = new List<(string, Array)>();
        for (var c = 0; c < header.Length; c++)
        {
            if (leaveOut.Contains(header[c]))
            {
                continue;
            }

            var texts = cells.Select(r => r[c].Length == 0 ? null : r[c]).ToArray();
            var inv = CultureInfo.InvariantCulture;
            columns.Add((header[c],
                texts.All(t => t is null || long.TryParse(t, NumberStyles.Integer, inv, out _)) ? texts.Select(t => t is null ? (long?)null : long.Parse(t, inv)).ToArray()
                : texts.All(t => t is null || double.TryParse(t, NumberStyles.Float, inv, out _)) ? texts.Select(t => t is null ? (double?)null : double.Parse(t, inv)).ToArray()
                : texts));
        }

        Write(path, [.. columns]);
    }

    private static DataField Field(string name, Array values)
    {
        var element = values.GetType().GetElementType()!;
        var underlying = Nullable.GetUnderlyingType(element);
        return new DataField(name, underlying ?? element, underlying is not null || element == typeof(string));
    }

    private static Task WriteColumn(ParquetRowGroupWriter group, DataField field, Array values, int start, int count) => values switch
    {
        string?[] a => group.WriteAsync(field, a.Skip(start).Take(count).ToArray()),
        int[] a => group.WriteAsync<int>(field, a.AsMemory(start, count)),
        int?[] a => group.WriteAsync<int>(field, a.AsMemory(start, count)),
        long[] a => group.WriteAsync<long>(field, a.AsMemory(start, count)),
        long?[] a => group.WriteAsync<long>(field, a.AsMemory(start, count)),
        double[] a => group.WriteAsync<double>(field, a.AsMemory(start, count)),
        double?[] a => group.WriteAsync<double>(field, a.AsMemory(start, count)),
        float[] a => group.WriteAsync<float>(field, a.AsMemory(start, count)),
        sbyte[] a => group.WriteAsync<sbyte>(field, a.AsMemory(start, count)),
        bool[] a => group.WriteAsync<bool>(field, a.AsMemory(start, count)),
        DateTime[] a => group.WriteAsync<DateTime>(field, a.AsMemory(start, count)),
        _ => throw new ArgumentException($"no writer for {values.GetType().Name}", nameof(values)),
    };
}
