using System.Text;
using Trajectories.Registers.Io;

namespace Trajectories.Registers.Tests.Io;

public class TableCellTests
{
    [Theory]
    [InlineData("cases.csv", 3, "o1,20x1,1", "year", "expected an integer year, found '20x1'")]
    [InlineData("cases.csv", 3, "o1,2006,0", "cases", "found 0")]
    [InlineData("cases.csv", 3, "o1,2006,2.5", "cases", "fractional number '2.5'")]
    [InlineData("cases.csv", 3, "o1,2006,", "cases", "empty cell")]
    [InlineData("exposure.csv", 2, "o1,2006,1.5", "at_risk", "(0, 1]")]
    [InlineData("exposure.csv", 2, "o1,2006,0", "at_risk", "(0, 1]")]
    [InlineData("exposure.csv", 2, "o1,2006,half", "at_risk", "found 'half'")]
    [InlineData("persons.csv", 3, "c1,control,m1,M,1990,", "cohort", "expected one of offender | criminal_control | noncriminal_control")]
    [InlineData("persons.csv", 3, "c1,criminal_control,m1,X,1990,", "sex", "expected one of M | F")]
    [InlineData("persons.csv", 3, "c1,criminal_control,m1,M,nineteen,", "birth_year", "found 'nineteen'")]
    [InlineData("persons.csv", 3, ",criminal_control,m1,M,1990,", "person_id", "empty cell")]
    [InlineData("lvb.csv", 2, "o1,UWV,2016", "source", "expected one of AO | CIZ | WSW")]
    [InlineData("victimisations.csv", 2, "o1,2011,theft", "category", "violence | property | sexual | vandalism_public_order | traffic | other | human_trafficking")]
    [InlineData("truth.csv", 2, "o1,chronic", "profile", "incidental | early_peaking | late_peaking | continuous")]
    public void ABadCellNamesFileLineColumnAndWhatWasExpected(string file, int line, string text, string column, string expected)
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Csv);
        SampleRegister.SetLine(folder, file, line, text);
        var e = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(folder), file, line, column);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void ARaggedRowNamesTheLine()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Csv);
        SampleRegister.SetLine(folder, "cases.csv", 3, "o1,2006");
        var e = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(folder), "cases.csv", 3, null);
        Assert.Contains("2 fields; the header has 3", e.Message);
    }

    [Fact]
    public void BadQuotingNamesTheLineAndColumn()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Csv);
        SampleRegister.SetLine(folder, "cases.csv", 4, "c1,\"2010\"x,1");
        SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(folder), "cases.csv", 4, "year");
    }

    [Fact]
    public void AnEmptyFileIsAnError()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Csv);
        File.WriteAllText(Path.Combine(folder, "lvb.csv"), string.Empty);
        var e = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(folder), "lvb.csv", null, null);
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void AMissingRequiredColumnIsNamed()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Csv);
        SampleRegister.SetLine(folder, "cases.csv", 1, "person_id,year,count");
        var e = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(folder), "cases.csv", 1, "cases");
        Assert.Contains("required column 'cases' is missing", e.Message);
    }

    [Fact]
    public void BomCrlfExtraColumnsAndAnyColumnOrderAreAccepted()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Csv);
        var cases = "note,cases,year,person_id\r\nx,2,2005,o1\r\nx,1,2006,o1\r\nx,1,2010,c1\r\nx,3,2012,o2\r\nx,1,2013,c2\r\n";
        File.WriteAllBytes(Path.Combine(folder, "cases.csv"), [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(cases)]);
        var persons = Path.Combine(folder, "persons.csv");
        File.WriteAllBytes(persons, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(File.ReadAllText(persons).Replace("\n", "\r\n"))]);

        var loaded = RegisterReader.Load(folder);
        Assert.Equal(SampleRegister.Build().Cases, loaded.Cases);
        Assert.Equal(SampleRegister.Build().Persons, loaded.Persons);
    }

    [Fact]
    public void ABadParquetCellNamesTheDataRow()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Parquet);
        ParquetFiles.Write(Path.Combine(folder, "cases.parquet"), ("person_id", new[] { "o1", "o1" }), ("year", new[] { 2005, 2006 }), ("cases", new[] { 2, 0 }));
        var e = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(folder), "cases.parquet", 2, "cases");
        Assert.Contains("row 2", e.Message);
    }

    [Fact]
    public void DataRowsAreCountedAcrossRowGroups()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Parquet);
        string[] ids = ["o1", "o1", "c1", "o2", "c2"];
        ParquetFiles.Write(Path.Combine(folder, "cases.parquet"), rowGroupSize: 2, ("person_id", ids), ("year", new[] { 2005, 2006, 2010, 2012, 2013 }), ("cases", new[] { 2, 1, 1, 3, -1 }));
        var e = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(folder), "cases.parquet", 5, "cases");
        Assert.Contains("row 5", e.Message);
    }

    [Fact]
    public void AParquetYearStoredAsTextIsParsedWithTheSameMessage()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Parquet);
        ParquetFiles.Write(Path.Combine(folder, "cases.parquet"), ("person_id", new[] { "o1", "o1" }), ("year", new[] { "2005", "20x1" }), ("cases", new[] { 2.0, 1.0 }));
        var e = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(folder), "cases.parquet", 2, "year");
        Assert.Contains("expected an integer year, found '20x1'", e.Message);
    }

    [Fact]
    public void AnEmptyParquetStringIsAnEmptyCellAsInCsv()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Parquet);
        ParquetFiles.Write(Path.Combine(folder, "truth.parquet"), ("person_id", new[] { "o1", string.Empty }), ("profile", new[] { "incidental", "incidental" }));
        var e = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(folder), "truth.parquet", 2, "person_id");
        Assert.Contains("expected a person id, found an empty cell", e.Message);
    }

    [Fact]
    public void AParquetFileWithoutARequiredColumnIsNamed()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Parquet);
        ParquetFiles.Write(Path.Combine(folder, "lvb.parquet"), ("person_id", new[] { "o1" }), ("year", new[] { 2016 }));
        var e = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(folder), "lvb.parquet", null, "source");
        Assert.Contains("required column 'source' is missing from the schema (found: person_id, year)", e.Message);
    }

    [Fact]
    public void AParquetColumnOfAnUnreadableTypeIsNamed()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Parquet);
        ParquetFiles.Write(Path.Combine(folder, "lvb.parquet"), ("person_id", new[] { "o1" }), ("source", new[] { "AO" }), ("year", new[] { new DateTime(2016, 1, 1) }));
        var e = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(folder), "lvb.parquet", null, "year");
        Assert.Contains("column 'year' is stored as DateTime; store it as a number or text", e.Message);
    }

    [Fact]
    public void AFileThatIsNotParquetIsAnInputError()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Parquet);
        File.WriteAllText(Path.Combine(folder, "truth.parquet"), "person_id,profile\n");
        var e = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(folder), "truth.parquet", null, null);
        Assert.Contains("not a readable Parquet file", e.Message);
    }
}
