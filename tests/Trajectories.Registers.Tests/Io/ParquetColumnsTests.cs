using Parquet;
using Trajectories.Registers.Io;

namespace Trajectories.Registers.Tests.Io;

/// <summary>
/// The Parquet reader/writer pair: the reader against a file written by DuckDB (an independent implementation) with
/// known values, and the writer's files against Parquet.Net's own typed column API (a second code path).
/// </summary>
public sealed class ParquetColumnsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("traj-pq-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void TheFixtureFromAnotherWriterReadsToItsFormulas()
    {
        using var file = ParquetColumnsReader.Open(ParquetFiles.Fixture("types.parquet"));
        Assert.Equal(5000, file.RowCount);
        Assert.Equal(3, file.RowGroupCount);
        string[] names = ["i32", "i64", "i8", "i16", "u32", "f64", "f32", "dec", "s", "i32_null", "s_null", "b", "b_null", "f64_null"];
        Assert.Equal(names, file.ColumnNames);
        var columns = names.Select(n => file.Column(n)!).ToArray();
        Assert.Equal(
            "Integer Integer Integer Integer Integer Real Real Real Text Integer Text Boolean Boolean Real",
            string.Join(' ', columns.Select(c => c.Kind)));

        var i = 0;
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            var rows = file.ReadRowGroup(g, columns);
            for (var r = 0; r < rows; r++, i++)
            {
                Assert.Equal(i, columns[0].Integers[r]);
                Assert.Equal(i * 10_000_000_000L, columns[1].Integers[r]);
                Assert.Equal(i % 100, columns[2].Integers[r]);
                Assert.Equal(i % 1000, columns[3].Integers[r]);
                Assert.Equal(i, columns[4].Integers[r]);
                Assert.Equal(i / 8.0, columns[5].Reals[r]);
                Assert.Equal(i / 4.0, columns[6].Reals[r]);
                Assert.Equal(i / 100.0, columns[7].Reals[r], 1e-12);
                Assert.Equal("id" + i, columns[8].Texts[r].ToString());
                AssertCell(columns[9], r, i % 3 == 0, c => Assert.Equal(i, c.Integers[r]));
                AssertCell(columns[10], r, i % 5 == 0, c => Assert.Equal("v" + (i % 7), c.Texts[r].ToString()));
                Assert.Equal(i % 2 == 0, columns[11].Booleans[r]);
                AssertCell(columns[12], r, i % 4 == 0, c => Assert.Equal(i % 2 == 1, c.Booleans[r]));
                AssertCell(columns[13], r, i % 6 == 0, c => Assert.Equal(i / 3.0, c.Reals[r]));
                Assert.False(columns[0].IsNull(r));
            }
        }

        Assert.Equal(5000, i);
    }

    [Fact]
    public void WrittenColumnsReadBackWithTypesAndNullsAcrossRowGroups()
    {
        var path = Path.Combine(_root, "t.parquet");
        Write(path, rowGroupSize: 2);
        using var file = ParquetColumnsReader.Open(path);
        Assert.Equal(3, file.RowGroupCount);
        var columns = file.ColumnNames.Select(n => file.Column(n)!).ToArray();
        var cells = new List<string>();
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            var rows = file.ReadRowGroup(g, columns);
            for (var r = 0; r < rows; r++)
            {
                cells.Add(string.Join('|', columns.Select(c => c.IsNull(r) ? "null" : c.Kind switch
                {
                    ParquetValueKind.Integer => c.Integers[r].ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ParquetValueKind.Real => c.Reals[r].ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                    ParquetValueKind.Boolean => c.Booleans[r] ? "true" : "false",
                    _ => "'" + c.Texts[r].ToString() + "'",
                })));
            }
        }

        Assert.Equal(
            [
                "1|10000000000|0.1|true|'a'|'é,\"x\"'|7",
                "2|null|null|null|null|''|null",
                "-3|-1|NaN|false|'😀'|'c'|9",
                "4|4|0.3333333333333333|true|'d'|'d'|null",
                "5|null|-Infinity|null|''|'e'|11",
            ],
            cells);
    }

    [Fact]
    public async Task WrittenFilesMatchParquetNetsOwnTypedReader()
    {
        var path = Path.Combine(_root, "t.parquet");
        Write(path, rowGroupSize: 100);

        // Parquet.Net's typed column API and its footer, not the project's reader: a second code path.
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.DataFields;
        var group = reader.OpenRowGroupReader(0);
        var ints = new int[5];
        var longs = new long?[5];
        var doubles = new double?[5];
        var bools = new bool?[5];
        var texts = new string?[5];
        await group.ReadAsync<int>(fields[0], ints.AsMemory());
        await group.ReadAsync<long>(fields[1], longs.AsMemory());
        await group.ReadAsync<double>(fields[2], doubles.AsMemory());
        await group.ReadAsync<bool>(fields[3], bools.AsMemory());
        await group.ReadAsync(fields[4], texts.AsMemory());

        Assert.Equal(
            "INT32:REQUIRED INT64:OPTIONAL DOUBLE:OPTIONAL BOOLEAN:OPTIONAL BYTE_ARRAY:OPTIONAL BYTE_ARRAY:REQUIRED INT32:OPTIONAL",
            string.Join(' ', reader.Metadata!.Schema.Skip(1).Select(e => $"{e.Type}:{e.RepetitionType}")));
        Assert.Equal([1, 2, -3, 4, 5], ints);
        Assert.Equal([10_000_000_000L, null, -1L, 4L, null], longs);
        Assert.Equal(0.1, doubles[0]);
        Assert.Null(doubles[1]);
        Assert.True(double.IsNaN(doubles[2]!.Value));
        Assert.Equal([true, null, false, true, null], bools);
        Assert.Equal("a|(null)|😀|d|", string.Join('|', texts.Select(t => t ?? "(null)")));
    }

    [Fact]
    public void AFileWithoutRowsKeepsItsColumns()
    {
        var path = Path.Combine(_root, "empty.parquet");
        using (var writer = new ParquetColumnsWriter(path, [new("id", ParquetColumnType.Text), new("n", ParquetColumnType.Int32, Nullable: true)]))
        {
            writer.Complete();
        }

        using var file = ParquetColumnsReader.Open(path);
        Assert.Equal(0, file.RowCount);
        Assert.Equal(["id", "n"], file.ColumnNames);
        Assert.Equal(ParquetValueKind.Integer, file.Column("n")!.Kind);
        Assert.Null(file.Column("other"));
    }

    [Fact]
    public void DisposingWithoutCompletingLeavesNoFile()
    {
        var path = Path.Combine(_root, "partial.parquet");
        using (var writer = new ParquetColumnsWriter(path, [new("id", ParquetColumnType.Text)], rowGroupSize: 1))
        {
            writer.SetText(0, "a");
            writer.EndRow();
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void ACellOfTheWrongTypeOrANullInARequiredColumnIsRefused()
    {
        using var writer = new ParquetColumnsWriter(Path.Combine(_root, "x.parquet"), [new("id", ParquetColumnType.Text), new("n", ParquetColumnType.Int32)]);
        var e = Assert.Throws<InvalidOperationException>(() => writer.SetInt64(1, 5));
        Assert.Contains("column 'n' is Int32", e.Message);
        Assert.Throws<ArgumentNullException>(() => writer.SetText(0, null));
    }

    [Fact]
    public void UnreadableFilesAndColumnsAreReportedAsSuch()
    {
        var text = Path.Combine(_root, "text.parquet");
        File.WriteAllText(text, "person_id,profile\no1,incidental\n");
        Assert.Throws<InvalidDataException>(() => ParquetColumnsReader.Open(text));

        var dates = Path.Combine(_root, "dates.parquet");
        ParquetFiles.Write(dates, ("day", new[] { new DateTime(2020, 1, 1) }));
        using var file = ParquetColumnsReader.Open(dates);
        Assert.Equal(ParquetValueKind.Unsupported, file.Column("day")!.Kind);
        Assert.Equal("DateTime", file.TypeName("day"));
        Assert.Throws<InvalidOperationException>(() => file.ReadRowGroup(0, [file.Column("day")!]));
    }

    private static void AssertCell(ParquetColumnValues column, int row, bool isNull, Action<ParquetColumnValues> value)
    {
        Assert.Equal(isNull, column.IsNull(row));
        if (!isNull)
        {
            value(column);
        }
    }

    /// <summary>Five rows of every type, with nulls, NaN, −∞, an emoji, quotes and an empty string.</summary>
    private static void Write(string path, int rowGroupSize)
    {
        using var writer = new ParquetColumnsWriter(
            path,
            [
                new("i32", ParquetColumnType.Int32),
                new("i64", ParquetColumnType.Int64, Nullable: true),
                new("f64", ParquetColumnType.Double, Nullable: true),
                new("b", ParquetColumnType.Boolean, Nullable: true),
                new("s", ParquetColumnType.Text, Nullable: true),
                new("code", ParquetColumnType.Text, Dictionary: true),
                new("n", ParquetColumnType.Int32, Nullable: true),
            ],
            rowGroupSize);
        (int, long?, double?, bool?, string?, string, int?)[] rows =
        [
            (1, 10_000_000_000L, 0.1, true, "a", "é,\"x\"", 7),
            (2, null, null, null, null, string.Empty, null),
            (-3, -1, double.NaN, false, "😀", "c", 9),
            (4, 4, 1.0 / 3.0, true, "d", "d", null),
            (5, null, double.NegativeInfinity, null, string.Empty, "e", 11),
        ];
        foreach (var (i32, i64, f64, b, s, code, n) in rows)
        {
            writer.SetInt32(0, i32);
            writer.SetInt64(1, i64);
            writer.SetDouble(2, f64);
            writer.SetBoolean(3, b);
            writer.SetText(4, s);
            writer.SetText(5, code);
            writer.SetInt32(6, n);
            writer.EndRow();
        }

        writer.Complete();
    }
}
