using System.Globalization;
using Trajectories.Registers.Io;
using Trajectories.Registers.Panels;

namespace Trajectories.Registers.Tests.Panels;

public class WidePanelReaderTests
{
    private static string[][] Rows(string path) =>
        File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToArray();

    [Theory]
    [InlineData("to1.csv", 378, 8)]
    [InlineData("to2.csv", 386, 9)]
    public void ReadsTheTorontoSamples(string file, int persons, int firstAge)
    {
        var path = PanelFiles.Toronto(file);
        var loaded = WidePanelReader.Read(path);
        var panel = loaded.Panel;

        Assert.Equal(PanelFormat.WideCsv, loaded.Format);
        Assert.Equal(persons, panel.PersonCount);
        Assert.Equal(0, loaded.DroppedPersons);
        Assert.Equal(Enumerable.Range(firstAge, 38 - firstAge + 1).Select(a => (double)a), panel.Times);
        Assert.Equal(persons * (38 - firstAge + 1), panel.ObservationCount);
        Assert.Null(panel.Exposure);
        var rows = Rows(path);
        Assert.Equal(rows.Select(r => r[0]), panel.PersonIds);
        Assert.Equal(rows.Sum(r => r.Skip(1).Sum(int.Parse)), panel.Values.Sum());
        Assert.Equal(int.Parse(rows[0][9], CultureInfo.InvariantCulture), panel.Values[8]);
    }

    [Fact]
    public void AppliesTorontoTimeAtRisk()
    {
        var risk = Rows(PanelFiles.Toronto("to1risk.csv"));
        var panel = WidePanelReader.Read(PanelFiles.Toronto("to1.csv"), PanelFiles.Toronto("to1risk.csv")).Panel;

        Assert.NotNull(panel.Exposure);
        Assert.Equal(378 * 31, panel.ObservationCount);
        foreach (var (person, k) in new[] { (0, 8), (0, 17), (1, 9), (200, 20), (377, 30) })
        {
            var expected = (float)double.Parse(risk[person][k + 1], CultureInfo.InvariantCulture);
            Assert.Equal(expected, panel.Exposure![panel.RowStart[person] + k]);
        }

        // The smallest risk in the file (~1e-16) stays positive in float, as the likelihood needs log(exposure).
        Assert.All(panel.Exposure!, e => Assert.True(e > 0 && e <= 1));
    }

    [Fact]
    public void EmptyNegativeAndNaCellsAreMissingAndColumnsAreSortedByTime()
    {
        using var files = new PanelFiles();
        var path = files.Write("w.csv", "id,10,8,9\na,1,,2\nb,-1,0,NA\nc,,-9,\n");
        var loaded = WidePanelReader.Read(path);

        Assert.Equal([8.0, 9.0, 10.0], loaded.Panel.Times);
        Assert.Equal(["a", "b"], loaded.Panel.PersonIds);
        Assert.Equal(1, loaded.DroppedPersons);
        Assert.Equal([("a", 9.0, 2, 1f), ("a", 10.0, 1, 1f), ("b", 8.0, 0, 1f)], PanelFiles.Cells(loaded.Panel));
    }

    [Fact]
    public void ATimeMissingForEveryoneLeavesTheGrid()
    {
        using var files = new PanelFiles();
        var loaded = WidePanelReader.Read(files.Write("w.csv", "id,1,2,3\na,1,,2\nb,0,-1,4\n"));
        Assert.Equal([1.0, 3.0], loaded.Panel.Times);
        Assert.Equal([("a", 1.0, 1, 1f), ("a", 3.0, 2, 1f), ("b", 1.0, 0, 1f), ("b", 3.0, 4, 1f)], PanelFiles.Cells(loaded.Panel));
    }

    [Theory]
    [InlineData("id,8,9\na,1,1.5\n", 2, "9", "whole number")]
    [InlineData("id,8,9\na,1,0\nb,NaN,0\n", 3, "8", "NaN")]
    [InlineData("id,8,9\na,x,0\n", 2, "8", "not a number")]
    [InlineData("id,8,9\na,1,Infinity\n", 2, "9", "is infinite")]
    [InlineData("id,8,9\na,1,0\na,0,0\n", 3, "id", "more than once")]
    [InlineData("id,8,9\n,1,0\n", 2, "id", "empty")]
    [InlineData("id,8,age9\na,1,0\n", 1, "age9", "not a time value")]
    [InlineData("id,8,8.0\na,1,0\n", 1, "8.0", "same time point")]
    public void BadCountFilesNameLineAndColumn(string text, long line, string column, string problem)
    {
        using var files = new PanelFiles();
        var path = files.Write("w.csv", text);
        var e = Assert.Throws<InputException>(() => WidePanelReader.Read(path));
        Assert.Equal(path, e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void NoObservedCellAtAllIsAnError()
    {
        using var files = new PanelFiles();
        var path = files.Write("w.csv", "id,8,9\na,,-1\n");
        var e = Assert.Throws<InputException>(() => WidePanelReader.Read(path));
        Assert.Contains("no person has an observed cell", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ExposureIsMatchedByIdAndIgnoredWhereTheCountIsMissing()
    {
        using var files = new PanelFiles();
        var counts = files.Write("c.csv", "id,8,9\na,1,\nb,0,3\n");
        var risk = files.Write("r.csv", "id,9,8\nb,0.25,1\na,,0.5\n");
        var panel = WidePanelReader.Read(counts, risk).Panel;
        Assert.Equal([("a", 8.0, 1, 0.5f), ("b", 8.0, 0, 1f), ("b", 9.0, 3, 0.25f)], PanelFiles.Cells(panel));
    }

    [Fact]
    public void ExposureZeroMakesAZeroCountMissingAndAPositiveCountAnError()
    {
        using var files = new PanelFiles();
        var counts = files.Write("c.csv", "id,8,9\na,0,2\n");
        var panel = WidePanelReader.Read(counts, files.Write("r.csv", "id,8,9\na,0,1\n")).Panel;
        Assert.Equal([("a", 9.0, 2, 1f)], PanelFiles.Cells(panel));

        var e = Assert.Throws<InputException>(() => WidePanelReader.Read(counts, files.Write("r2.csv", "id,8,9\na,1,0\n")));
        Assert.Equal((counts, 2L, "9"), (e.File, e.Line, e.Column));
        Assert.Contains("exposure is 0", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,8,9\na,1,1.5\nb,1,1\n", "r.csv", 2L, "9", "outside [0, 1]")]
    [InlineData("id,8,9\na,1,abc\nb,1,1\n", "r.csv", 2L, "9", "not a number")]
    [InlineData("id,8,9\na,1,\nb,1,1\n", "r.csv", 2L, "9", "no exposure")]
    [InlineData("id,8,9\na,1,1\nb,1,1\nz,1,1\n", "r.csv", 4L, null, "not in the count file")]
    [InlineData("id,8,9\na,1,1\n", "c.csv", 3L, "id", "no row in the exposure file")]
    [InlineData("id,8,9,10\na,1,1,1\nb,1,1,1\n", "r.csv", 1L, null, "differ from the count file")]
    [InlineData("id,8,9\na,1,1\na,1,1\n", "r.csv", 3L, "id", "more than once")]
    public void BadExposureFilesNameFileLineAndColumn(string riskText, string file, long line, string? column, string problem)
    {
        using var files = new PanelFiles();
        var counts = files.Write("c.csv", "id,8,9\na,0,2\nb,1,\n");
        var risk = files.Write("r.csv", riskText);
        var e = Assert.Throws<InputException>(() => WidePanelReader.Read(counts, risk));
        Assert.Equal(files.PathOf(file), e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
    }
}
