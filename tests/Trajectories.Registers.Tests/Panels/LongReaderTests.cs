using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Trajectories.Core.Panels;
using Trajectories.Registers.Io;
using Trajectories.Registers.Panels;

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

    /// <summary>Converts a CSV into Parquet with DuckDB, as a user's pipeline would.</summary>
    internal static void ToParquet(string csv, string parquet, string select = "*")
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"COPY (SELECT {select} FROM read_csv('{csv}', all_varchar = false)) TO '{parquet}' (FORMAT parquet)";
        command.ExecuteNonQuery();
    }

    [Fact]
    public void LongCsvAndParquetGiveTheWidePanel()
    {
        using var files = new PanelFiles();
        var wide = WidePanelReader.Read(PanelFiles.Toronto("to1.csv"), PanelFiles.Toronto("to1risk.csv")).Panel;
        var csv = files.Write("long.csv", LongCsv(wide));
        var parquet = files.PathOf("long.parquet");
        ToParquet(csv, parquet);

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
    [InlineData("person_id,time,count\na,1,1\nb,1,0\na,1,2\n", "*", "row 3:", "time", "row 1")]
    [InlineData("person_id,time,count\na,1,0\na,2,1.5\n", "*", "row 2:", "count", "whole number")]
    [InlineData("person_id,time,count\na,1,0\na,2,\n", "*", "row 2:", "count", "empty")]
    [InlineData("person_id,time,count\na,1,0\na,2,x\n", "*", "row 2:", "count", "not a number")]
    [InlineData("person_id,time,count,exposure\na,1,0,1\na,2,3,0\n", "*", "row 2:", "exposure", "exposure is 0")]
    [InlineData("person_id,time,count\na,1,0\n", "person_id, \"time\"", "required", "count", "missing")]
    public void BadLongParquetNamesRowAndColumn(string csvText, string select, string row, string column, string problem)
    {
        using var files = new PanelFiles();
        var parquet = files.PathOf("l.parquet");
        ToParquet(files.Write("l.csv", csvText), parquet, select);
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
        ToParquet(files.Write("l.csv", "person_id,time,count,extra\n7,2,1,x\n7,1.5,0,y\n"), parquet, "person_id::INTEGER AS person_id, \"time\"::FLOAT AS \"time\", \"count\"::TINYINT AS \"count\", extra");
        var loaded = LongParquetReader.Read(parquet);
        Assert.Equal([("7", 1.5, 0, 1f), ("7", 2.0, 1, 1f)], PanelFiles.Cells(loaded.Panel));
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
