using System.Globalization;
using System.Text;
using Trajectories.Core.Panels;
using Trajectories.Registers.Io;
using Trajectories.Registers.Panels;
using Trajectories.Registers.Tests.Io;

namespace Trajectories.Registers.Tests.Panels;

public class LongReaderTests
{
    /// <summary>Writes a panel as long CSV rows ordered by time descending, so the readers must sort.</summary>
    internal static string LongCsv(CountPanel panel)
    {
        var text = new StringBuilder(panel.Exposure is null ? "person_id,time,count\n" : "count,exposure,time,person_id\n");
        foreach (var (person, time, count, exposure) in PanelFiles.Cells(panel).OrderByDescending(c => c.Time))
        {
            var t = time.ToString("R", CultureInfo.InvariantCulture);
            text.Append(panel.Exposure is null
                ? $"{person},{t},{count}\n"
                : $"{count},{exposure.ToString("R", CultureInfo.InvariantCulture)},{t},{person}\n");
        }

        return text.ToString();
    }

    [Fact]
    public void LongCsvAndParquetGiveTheWidePanel()
    {
        using var files = new PanelFiles();
        var wide = WidePanelReader.Read(PanelFiles.Toronto("to1.csv"), PanelFiles.Toronto("to1risk.csv")).Panel;
        var csv = files.Write("long.csv", LongCsv(wide));
        var parquet = files.PathOf("long.parquet");
        ParquetFiles.FromCsv(parquet, LongCsv(wide));

        var fromCsv = LongCsvReader.Read(csv);
        var fromParquet = LongParquetReader.Read(parquet);

        Assert.Equal(PanelFormat.LongCsv, fromCsv.Format);
        Assert.Equal(PanelFormat.LongParquet, fromParquet.Format);
        PanelFiles.AssertSame(wide, fromCsv.Panel);
        PanelFiles.AssertSame(wide, fromParquet.Panel);
    }

    [Fact]
    public void PersonsKeepTheirOrderOfFirstAppearance()
    {
        using var files = new PanelFiles();
        var loaded = LongCsvReader.Read(files.Write("l.csv", "person_id,time,count\nz,3,1\na,1,0\nz,1,2\na,2,5\n"));
        Assert.Equal([("z", 1.0, 2, 1f), ("z", 3.0, 1, 1f), ("a", 1.0, 0, 1f), ("a", 2.0, 5, 1f)], PanelFiles.Cells(loaded.Panel));
        Assert.Equal(0, loaded.DroppedPersons);
    }

    [Fact]
    public void ExposureZeroRowsAreMissing()
    {
        using var files = new PanelFiles();
        var loaded = LongCsvReader.Read(files.Write("l.csv", "person_id,time,count,exposure\na,1,0,0\na,2,1,0.5\nb,1,0,0\n"));
        Assert.Equal([("a", 2.0, 1, 0.5f)], PanelFiles.Cells(loaded.Panel));
        Assert.Equal([2.0], loaded.Panel.Times);
        Assert.Equal(1, loaded.DroppedPersons);
    }

    [Theory]
    [InlineData("person_id,time,count\na,1,1\nb,1,0\na,1,2\n", 4, "time", "line 2")]
    [InlineData("person_id,time,count\na,1,1\na,1,2\nb,1,0\n", 3, "time", "line 2")]
    [InlineData("person_id,time,count\na,1,NaN\n", 2, "count", "NaN")]
    [InlineData("person_id,time,count\na,1,-1\n", 2, "count", "negative")]
    [InlineData("person_id,time,count\na,1,1.5\n", 2, "count", "whole number")]
    [InlineData("person_id,time,count\na,1,\n", 2, "count", "empty")]
    [InlineData("person_id,time,count\na,x,1\n", 2, "time", "not a number")]
    [InlineData("person_id,time,count\n ,1,1\n", 2, "person_id", "empty")]
    [InlineData("person_id,time,count,exposure\na,1,1,1.2\n", 2, "exposure", "outside [0, 1]")]
    [InlineData("person_id,time,count,exposure\na,1,2,0\n", 2, "exposure", "exposure is 0")]
    [InlineData("person_id,time,n\na,1,2\n", 1, "count", "missing")]
    public void BadLongCsvNamesLineAndColumn(string text, long line, string column, string problem)
    {
        using var files = new PanelFiles();
        var path = files.Write("l.csv", text);
        var e = Assert.Throws<InputException>(() => LongCsvReader.Read(path));
        Assert.Equal((path, line, column), (e.File, e.Line, e.Column));
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("person_id,time,count\na,1,1\nb,1,0\na,1,2\n", "", "row 3:", "time", "row 1")]
    [InlineData("person_id,time,count\na,1,0\na,2,1.5\n", "", "row 2:", "count", "whole number")]
    [InlineData("person_id,time,count\na,1,0\na,2,\n", "", "row 2:", "count", "empty")]
    [InlineData("person_id,time,count\na,1,0\na,2,x\n", "", "row 2:", "count", "not a number")]
    [InlineData("person_id,time,count\na,1,0\na,2, \n", "", "row 2:", "count", "empty")]
    [InlineData("person_id,time,count\na,1,0\n,2,1\n", "", "row 2:", "person_id", "empty")]
    [InlineData("person_id,time,count,exposure\na,1,0,1\na,2,3,0\n", "", "row 2:", "exposure", "exposure is 0")]
    [InlineData("person_id,time,count\na,1,0\n", "count", "required", "count", "missing")]
    public void BadLongParquetNamesRowAndColumn(string csvText, string leaveOut, string row, string column, string problem)
    {
        using var files = new PanelFiles();
        var parquet = files.PathOf("l.parquet");
        ParquetFiles.FromCsv(parquet, csvText, leaveOut);
        var e = Assert.Throws<InputException>(() => LongParquetReader.Read(parquet));
        Assert.Equal((parquet, (long?)null, column), (e.File, e.Line, e.Column));
        Assert.StartsWith(row, e.Problem, StringComparison.Ordinal);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ParquetColumnsOfOtherTypesAreCast()
    {
        using var files = new PanelFiles();
        var parquet = files.PathOf("l.parquet");
        ParquetFiles.Write(parquet, ("person_id", new[] { 7, 7 }), ("time", new[] { 2f, 1.5f }), ("count", new sbyte[] { 1, 0 }), ("extra", new[] { "x", "y" }), ("flag", new[] { true, false }));
        var loaded = LongParquetReader.Read(parquet);
        Assert.Equal([("7", 1.5, 0, 1f), ("7", 2.0, 1, 1f)], PanelFiles.Cells(loaded.Panel));
    }

    [Fact]
    public void BooleanCountsAreOneAndZero()
    {
        using var files = new PanelFiles();
        var parquet = files.PathOf("l.parquet");
        ParquetFiles.Write(parquet, ("person_id", new[] { "a", "a" }), ("time", new[] { 1.0, 2.0 }), ("count", new[] { true, false }));
        Assert.Equal([("a", 1.0, 1, 1f), ("a", 2.0, 0, 1f)], PanelFiles.Cells(LongParquetReader.Read(parquet, OutcomeRule.For(Trajectories.Core.Families.LogitFamily.Instance)).Panel));
    }

    [Fact]
    public void TheLongPanelFixtureFromAnotherWriterReadsToItsFormula()
    {
        // Written by DuckDB (tests/Trajectories.Registers.Tests/fixtures): INT32 ids, INT16 times, INT64 counts, FLOAT
        // exposures, rows time-descending; persons 1–40 × times 1–5, count (p·t) mod 4, exposure ½ where 7 | p + t.
        var loaded = LongParquetReader.Read(ParquetFiles.Fixture("long-panel.parquet"));
        var expected = new List<(string, double, int, float)>();
        for (var p = 1; p <= 40; p++)
        {
            for (var t = 1; t <= 5; t++)
            {
                expected.Add((p.ToString(CultureInfo.InvariantCulture), t, p * t % 4, (p + t) % 7 == 0 ? 0.5f : 1f));
            }
        }

        Assert.Equal(PanelFormat.LongParquet, loaded.Format);
        Assert.Equal(expected, PanelFiles.Cells(loaded.Panel));
        Assert.Equal(0, loaded.DroppedPersons);
    }

    [Fact]
    public void AFileThatIsNotParquetIsReported()
    {
        using var files = new PanelFiles();
        var path = files.Write("x.parquet", "person_id,time,count\na,1,1\n");
        var e = Assert.Throws<InputException>(() => LongParquetReader.Read(path));
        Assert.Equal(path, e.File);
        Assert.Contains("cannot read the Parquet file", e.Problem, StringComparison.Ordinal);
    }
}
