using System.Globalization;
using Parquet;
using Trajectories.Registers.Io;
using Trajectories.Reporting.Output;

namespace Trajectories.Reporting.Tests;

public sealed class TableWriterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("traj-tab-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static ResultTable Sample()
    {
        string?[] ids = ["p1", "p,2", "p\"3", null];
        long?[] groups = [1, 2, 3, null];
        double?[] values = [0.1, null, 1.0 / 3.0, double.NaN];
        bool?[] flags = [true, false, null, true];
        return new ResultTable(4,
        [
            new ResultColumn("person_id", ColumnKind.Text, i => ids[i]),
            new ResultColumn("group", ColumnKind.Integer, i => groups[i]),
            new ResultColumn("p1", ColumnKind.Real, i => values[i]),
            new ResultColumn("chosen", ColumnKind.Boolean, i => flags[i]),
        ]);
    }

    [Fact]
    public void CsvQuotesTextAndWritesRoundTripDoublesAndBooleans()
    {
        var path = Path.Combine(_root, "t.csv");
        TableWriter.WriteCsv(Sample(), path);
        var lines = File.ReadAllLines(path);
        Assert.Equal("person_id,group,p1,chosen", lines[0]);
        Assert.Equal("p1,1,0.1,true", lines[1]);
        Assert.Equal("\"p,2\",2,,false", lines[2]);
        Assert.Equal(1.0 / 3.0, double.Parse(lines[3].Split(',')[2], CultureInfo.InvariantCulture));
        Assert.EndsWith(",", lines[3]);
        Assert.Equal(",,,true", lines[4]);
        Assert.Single(Directory.GetFiles(_root));
    }

    [Fact]
    public async Task ParquetHoldsTheSameValuesWithTypesAndNulls()
    {
        TableWriter.WriteBoth(Sample(), _root, "t");

        // Read with Parquet.Net's own typed column API and footer, not the project's reader: a second code path.
        await using var reader = await ParquetReader.CreateAsync(Path.Combine(_root, "t.parquet"));
        var fields = reader.Schema.DataFields;
        var group = reader.OpenRowGroupReader(0);
        var ids = new string?[4];
        var groups = new long?[4];
        var values = new double?[4];
        var flags = new bool?[4];
        await group.ReadAsync(fields[0], ids.AsMemory());
        await group.ReadAsync<long>(fields[1], groups.AsMemory());
        await group.ReadAsync<double>(fields[2], values.AsMemory());
        await group.ReadAsync<bool>(fields[3], flags.AsMemory());

        Assert.Equal(
            "person_id:BYTE_ARRAY:OPTIONAL group:INT64:OPTIONAL p1:DOUBLE:OPTIONAL chosen:BOOLEAN:OPTIONAL",
            string.Join(' ', reader.Metadata!.Schema.Skip(1).Select(e => $"{e.Name}:{e.Type}:{e.RepetitionType}")));
        Assert.Equal("p1|p,2|p\"3|(null)", string.Join('|', ids.Select(t => t ?? "(null)")));
        Assert.Equal([1L, 2L, 3L, null], groups);
        Assert.Equal([0.1, null, 1.0 / 3.0, null], values);
        Assert.Equal([true, false, null, true], flags);
    }

    [Fact]
    public void CsvAndParquetRoundTripToTheSameCells()
    {
        // Many rows of awkward values; the CSV parsed back and the Parquet read back must give the same cells.
        var rng = new Random(7);
        const int n = 3000;
        var texts = Enumerable.Range(0, n).Select(i => i % 11 == 0 ? null : "t" + rng.Next() + (i % 5 == 0 ? ",\"q\"" : string.Empty)).ToArray();
        var longs = Enumerable.Range(0, n).Select(i => i % 13 == 0 ? (long?)null : rng.NextInt64(long.MinValue, long.MaxValue)).ToArray();
        var reals = Enumerable.Range(0, n).Select(i => i % 17 == 0 ? double.PositiveInfinity : BitConverter.Int64BitsToDouble(rng.NextInt64(0, 0x7FEFFFFFFFFFFFFF)) * (i % 2 == 0 ? 1 : -1)).ToArray();
        var flags = Enumerable.Range(0, n).Select(i => i % 7 == 0 ? (bool?)null : rng.Next(2) == 0).ToArray();
        var table = new ResultTable(n,
        [
            new ResultColumn("text", ColumnKind.Text, i => texts[i]),
            new ResultColumn("integer", ColumnKind.Integer, i => longs[i]),
            new ResultColumn("real", ColumnKind.Real, i => reals[i]),
            new ResultColumn("flag", ColumnKind.Boolean, i => flags[i]),
        ]);
        TableWriter.WriteBoth(table, _root, "r");

        var csv = CsvCells(Path.Combine(_root, "r.csv"));
        var parquet = ParquetCells(Path.Combine(_root, "r.parquet"));
        Assert.Equal(n, parquet.Count);
        Assert.Equal(csv, parquet);
    }

    /// <summary>Rows of a CSV as cells, unquoted (RFC 4180; no line breaks inside the test's fields).</summary>
    private static List<string> CsvCells(string path)
    {
        var rows = new List<string>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = new List<string>();
            var cell = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (c == ',' && !quoted)
                {
                    cells.Add(cell.ToString());
                    cell.Clear();
                }
                else
                {
                    cell.Append(c);
                }
            }

            cells.Add(cell.ToString());
            rows.Add(string.Join('|', cells));
        }

        return rows;
    }

    /// <summary>Rows of a Parquet file as the CSV would show them: null empty, doubles round-trip, booleans true/false.</summary>
    private static List<string> ParquetCells(string path)
    {
        using var file = ParquetColumnsReader.Open(path);
        var columns = file.ColumnNames.Select(n => file.Column(n)!).ToArray();
        var rows = new List<string>();
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            var n = file.ReadRowGroup(g, columns);
            for (var r = 0; r < n; r++)
            {
                rows.Add(string.Join('|', columns.Select(c => c.IsNull(r) ? string.Empty : c.Kind switch
                {
                    ParquetValueKind.Integer => c.Integers[r].ToString(CultureInfo.InvariantCulture),
                    ParquetValueKind.Real => c.Reals[r].ToString("R", CultureInfo.InvariantCulture),
                    ParquetValueKind.Boolean => c.Booleans[r] ? "true" : "false",
                    _ => c.Texts[r].ToString(),
                })));
            }
        }

        return rows;
    }
}
