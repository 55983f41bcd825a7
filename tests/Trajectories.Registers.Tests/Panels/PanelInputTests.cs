using Trajectories.Registers.Io;
using Trajectories.Registers.Model;
using Trajectories.Registers.Panels;

namespace Trajectories.Registers.Tests.Panels;

public class PanelInputTests
{
    [Theory]
    [InlineData("w.csv", "person_id,8,9\na,1,2\n", PanelFormat.WideCsv)]
    [InlineData("w.txt", "id,8.5,9\na,1,2\n", PanelFormat.WideCsv)]
    [InlineData("l.csv", "person_id,time,count\na,1,2\n", PanelFormat.LongCsv)]
    [InlineData("l.csv", "time,count,exposure,person_id\n1,2,1,a\n", PanelFormat.LongCsv)]
    public void DetectsFilesByHeader(string name, string text, PanelFormat format)
    {
        using var files = new PanelFiles();
        Assert.Equal(format, PanelInput.Detect(files.Write(name, text)));
    }

    [Fact]
    public void DetectsParquetAndFolders()
    {
        using var files = new PanelFiles();
        var parquet = files.PathOf("l.parquet");
        Io.ParquetFiles.FromCsv(parquet, "person_id,time,count\na,1,2\n");
        Assert.Equal(PanelFormat.LongParquet, PanelInput.Detect(parquet));
        Assert.Equal(PanelFormat.Register, PanelInput.Detect(files.Folder));
        Assert.Equal([("a", 1.0, 2, 1f)], PanelFiles.Cells(PanelInput.Load(parquet).Panel));
    }

    [Theory]
    [InlineData("person_id,time,count,weight\na,1,2,1\n", "weight")]
    [InlineData("id,8,nine\na,1,2\n", "nine")]
    public void AHeaderThatIsNeitherLongNorWideIsAnError(string text, string column)
    {
        using var files = new PanelFiles();
        var path = files.Write("x.csv", text);
        var e = Assert.Throws<InputException>(() => PanelInput.Load(path));
        Assert.Equal((path, 1L, column), (e.File, e.Line, e.Column));
        Assert.Contains("neither long", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingPathIsAnError()
    {
        using var files = new PanelFiles();
        var e = Assert.Throws<InputException>(() => PanelInput.Load(files.PathOf("nope.csv")));
        Assert.Contains("no such file", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadsTorontoWithExposure()
    {
        var loaded = PanelInput.Load(PanelFiles.Toronto("to2.csv"), PanelFiles.Toronto("to2risk.csv"));
        Assert.Equal(PanelFormat.WideCsv, loaded.Format);
        Assert.Equal(386, loaded.Panel.PersonCount);
        Assert.Equal(Enumerable.Range(9, 30).Select(a => (double)a), loaded.Panel.Times);
        Assert.NotNull(loaded.Panel.Exposure);
    }

    [Fact]
    public void ExposureFileIsOnlyForWideInput()
    {
        using var files = new PanelFiles();
        var risk = files.Write("r.csv", "id,1\na,1\n");
        var longFile = files.Write("l.csv", "person_id,time,count\na,1,2\n");
        var e = Assert.Throws<InputException>(() => PanelInput.Load(longFile, risk));
        Assert.Equal(risk, e.File);
        Assert.Contains("'exposure' column", e.Problem, StringComparison.Ordinal);

        e = Assert.Throws<InputException>(() => PanelInput.Load(files.Folder, risk, _ => throw new InvalidOperationException("not reached")));
        Assert.Contains("register carries its own exposure", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void RegisterFoldersGoThroughTheHook()
    {
        using var files = new PanelFiles();
        var e = Assert.Throws<InputException>(() => PanelInput.Load(files.Folder));
        Assert.Equal(files.Folder, e.File);

        var meta = new RegisterMetadata { Name = "t", CaseYears = new(2001, 2021), MinAge = 12 };
        PersonRow[] persons = [new("a", Cohort.Offender, "m", Sex.F, 1990, 2010), new("b", Cohort.Offender, "n", Sex.F, 2012, 2020)];
        string? seen = null;
        var loaded = PanelInput.Load(files.Folder, null, dir =>
        {
            seen = dir;
            return RegisterPanel.Build(meta, persons, [new CaseRow("a", 2005, 2)], null);
        });

        Assert.Equal(files.Folder, seen);
        Assert.Equal(PanelFormat.Register, loaded.Format);
        Assert.Equal(1, loaded.DroppedPersons);
        Assert.Same(loaded.Panel, loaded.Offenders!.Panel);
        Assert.Equal(2, loaded.Panel.Values.Sum());
    }
}
