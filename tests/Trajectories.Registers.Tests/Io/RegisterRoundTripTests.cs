using Trajectories.Registers.Io;
using Trajectories.Registers.Model;

namespace Trajectories.Registers.Tests.Io;

public class RegisterRoundTripTests
{
    private static void AssertSameContent(InMemoryRegister expected, InMemoryRegister actual)
    {
        Assert.Equal(expected.Metadata!.Name, actual.Metadata!.Name);
        Assert.Equal(expected.Metadata.Description, actual.Metadata.Description);
        Assert.Equal(expected.Metadata.CaseYears, actual.Metadata.CaseYears);
        Assert.Equal(expected.Metadata.Synthetic, actual.Metadata.Synthetic);
        Assert.Equal(expected.Persons, actual.Persons);
        Assert.Equal(expected.Cases, actual.Cases);
        Assert.Equal(expected.Exposure, actual.Exposure);
        Assert.Equal(expected.Lvb, actual.Lvb);
        Assert.Equal(expected.Victimisations, actual.Victimisations);
        Assert.Equal(expected.Truth, actual.Truth);
    }

    [Fact]
    public void CsvToParquetToCsvKeepsEveryRowIdentical()
    {
        using var s = new SampleRegister();
        var csv = s.Write(RegisterFormat.Csv, "a");
        var parquet = Path.Combine(s.Root, "b");
        RegisterReader.Copy(csv, RegisterWriter.Create(parquet, RegisterFormat.Parquet));
        var back = Path.Combine(s.Root, "c");
        RegisterReader.Copy(parquet, RegisterWriter.Create(back, RegisterFormat.Csv));

        Assert.True(File.Exists(Path.Combine(parquet, "persons.parquet")));
        AssertSameContent(SampleRegister.Build(), RegisterReader.Load(csv));
        AssertSameContent(SampleRegister.Build(), RegisterReader.Load(parquet));
        foreach (var file in Directory.GetFiles(csv))
        {
            Assert.Equal(File.ReadAllText(file), File.ReadAllText(Path.Combine(back, Path.GetFileName(file))));
        }
    }

    [Fact]
    public void CsvLayoutHasTheExactHeadersAndAnEmptyCellForControls()
    {
        using var s = new SampleRegister();
        var csv = s.Write(RegisterFormat.Csv);
        var persons = File.ReadAllLines(Path.Combine(csv, "persons.csv"));
        Assert.Equal("person_id,cohort,match_id,sex,birth_year,first_trafficking_year", persons[0]);
        Assert.Equal("o1,offender,m1,M,1990,2012", persons[1]);
        Assert.Equal("c2,criminal_control,\"m,2\",F,1995,", persons[5]);
        Assert.Equal("person_id,year,cases", File.ReadLines(Path.Combine(csv, "cases.csv")).First());
        Assert.Equal("person_id,year,at_risk", File.ReadLines(Path.Combine(csv, "exposure.csv")).First());
        Assert.Equal("person_id,source,year", File.ReadLines(Path.Combine(csv, "lvb.csv")).First());
        Assert.Equal("person_id,year,category", File.ReadLines(Path.Combine(csv, "victimisations.csv")).First());
        Assert.Equal("person_id,profile", File.ReadLines(Path.Combine(csv, "truth.csv")).First());
    }

    [Theory]
    [InlineData(RegisterTable.Persons, "person_id:BYTE_ARRAY:String:REQUIRED cohort:BYTE_ARRAY:String:REQUIRED match_id:BYTE_ARRAY:String:REQUIRED sex:BYTE_ARRAY:String:REQUIRED birth_year:INT32::REQUIRED first_trafficking_year:INT32::OPTIONAL")]
    [InlineData(RegisterTable.Cases, "person_id:BYTE_ARRAY:String:REQUIRED year:INT32::REQUIRED cases:INT32::REQUIRED")]
    [InlineData(RegisterTable.Exposure, "person_id:BYTE_ARRAY:String:REQUIRED year:INT32::REQUIRED at_risk:DOUBLE::REQUIRED")]
    [InlineData(RegisterTable.Lvb, "person_id:BYTE_ARRAY:String:REQUIRED source:BYTE_ARRAY:String:REQUIRED year:INT32::REQUIRED")]
    [InlineData(RegisterTable.Victimisations, "person_id:BYTE_ARRAY:String:REQUIRED year:INT32::REQUIRED category:BYTE_ARRAY:String:REQUIRED")]
    [InlineData(RegisterTable.Truth, "person_id:BYTE_ARRAY:String:REQUIRED profile:BYTE_ARRAY:String:REQUIRED")]
    public async Task ParquetColumnsAreTypedAndInLayoutOrder(RegisterTable table, string expected)
    {
        using var s = new SampleRegister();
        var parquet = s.Write(RegisterFormat.Parquet);

        // The stored schema as Parquet.Net's footer reader sees it, not through the project's reader.
        var path = RegisterFolder.FileOf(parquet, table, RegisterFormat.Parquet);
        await using var reader = await Parquet.ParquetReader.CreateAsync(path);
        var schema = reader.Metadata!.Schema.Skip(1).ToList();

        Assert.Equal(RegisterTables.Columns(table), schema.Select(e => e.Name));
        Assert.Equal(expected, string.Join(' ', schema.Select(e => $"{e.Name}:{e.Type}:{(e.LogicalType?.STRING is null ? string.Empty : "String")}:{e.RepetitionType}")));
    }

    [Fact]
    public void ManySmallRowGroupsGiveTheSameRows()
    {
        using var s = new SampleRegister();
        var folder = Path.Combine(s.Root, "g");
        RegisterReader.Copy(s.Write(RegisterFormat.Csv), new ParquetRegisterWriter(folder, overwrite: false, rowGroupSize: 2));

        using (var cases = ParquetColumnsReader.Open(Path.Combine(folder, "cases.parquet")))
        {
            Assert.Equal(3, cases.RowGroupCount);
        }

        AssertSameContent(SampleRegister.Build(), RegisterReader.Load(folder));
    }

    [Fact]
    public void TheShippedParquetSampleRegisterHoldsTheRowsOfItsCsvTwin()
    {
        // sample-registers/study was written by DuckDB (the project's writer before Parquet.Net), so this reads a
        // register from an independent Parquet writer and compares it with the CSV copy made at the same time.
        var root = Path.Combine(Trajectories.Testing.RepositoryPaths.Root, "sample-registers");
        var parquet = RegisterReader.Load(Path.Combine(root, "study"));
        var csv = RegisterReader.Load(Path.Combine(root, "study-csv"));
        Assert.Equal(RegisterFormat.Parquet, RegisterReader.Open(Path.Combine(root, "study")).FormatOf(RegisterTable.Persons));
        AssertSameContent(csv, parquet);
        Assert.True(parquet.Persons.Count > 1000);
    }

    [Fact]
    public void AnEmptyTableFromAnotherWriterReadsAsEmpty()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Parquet);
        File.Copy(ParquetFiles.Fixture("empty-lvb.parquet"), Path.Combine(folder, "lvb.parquet"), overwrite: true);
        var loaded = RegisterReader.Load(folder);
        Assert.Empty(loaded.Lvb);
        Assert.Equal(SampleRegister.Build().Cases, loaded.Cases);
    }

    [Fact]
    public void OptionalTablesWithoutRowsAreNotWrittenAndReadAsEmpty()
    {
        using var s = new SampleRegister();
        var r = SampleRegister.Build();
        r.Exposure.Clear();
        r.Truth.Clear();
        var folder = Path.Combine(s.Root, "x");
        RegisterWriter.Write(r, folder, RegisterFormat.Parquet);
        Assert.False(File.Exists(Path.Combine(folder, "exposure.parquet")));
        var loaded = RegisterReader.Load(folder);
        Assert.Empty(loaded.Exposure);
        Assert.Equal(5, loaded.Cases.Count);
    }

    [Fact]
    public void StreamingReadersGiveTheRowsInFileOrder()
    {
        using var s = new SampleRegister();
        var folder = RegisterReader.Open(s.Write(RegisterFormat.Parquet));
        Assert.Equal(SampleRegister.Build().Cases, folder.Cases().ToList());
        Assert.Equal(RegisterFormat.Parquet, folder.FormatOf(RegisterTable.Cases));
    }

    [Theory]
    [InlineData(RegisterFormat.Csv)]
    [InlineData(RegisterFormat.Parquet)]
    public void IdsWithQuotesNewlinesAndNonAsciiSurvive(RegisterFormat format)
    {
        using var s = new SampleRegister();
        var r = SampleRegister.Build();
        string[] ids = ["o\"1", "c\n1", "n1 ü"];
        for (var i = 0; i < 3; i++)
        {
            r.Persons[i] = r.Persons[i] with { PersonId = ids[i], MatchId = "m \"é\"" };
        }

        r.Cases.RemoveAll(c => c.PersonId is "o1" or "c1");
        r.Cases.Add(new CaseRow(ids[0], 2005, 1));
        r.Cases.Add(new CaseRow(ids[1], 2010, 1));
        r.Exposure.RemoveAll(e => e.PersonId == "o1");
        r.Lvb.Clear();
        r.Victimisations.RemoveAll(v => v.PersonId == "o1");
        r.Truth.RemoveAll(t => t.PersonId == "o1");
        var folder = Path.Combine(s.Root, "q");
        RegisterWriter.Write(r, folder, format);
        AssertSameContent(r, RegisterReader.Load(folder));
    }

    [Theory]
    [InlineData(RegisterFormat.Csv)]
    [InlineData(RegisterFormat.Parquet)]
    public void RequiredTablesWithoutRowsAreWrittenAndReadBackEmpty(RegisterFormat format)
    {
        using var s = new SampleRegister();
        var r = SampleRegister.Build();
        r.Lvb.Clear();
        r.Victimisations.Clear();
        var folder = Path.Combine(s.Root, "e");
        RegisterWriter.Write(r, folder, format);
        Assert.True(File.Exists(Path.Combine(folder, "lvb" + RegisterFormats.Extension(format))));
        var loaded = RegisterReader.Load(folder);
        Assert.Empty(loaded.Lvb);
        Assert.Empty(loaded.Victimisations);
        Assert.Equal(r.Cases, loaded.Cases);
    }
}
