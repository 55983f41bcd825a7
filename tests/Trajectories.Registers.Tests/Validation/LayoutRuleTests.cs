using Trajectories.Registers.Io;
using Trajectories.Registers.Model;
using Trajectories.Registers.Tests.Io;

namespace Trajectories.Registers.Tests.Validation;

/// <summary>
/// One test per register layout rule that issue 13 found unchecked: ages and birth years across tables, a duplicated
/// header column, and the bounds of register.json. Each edits the valid sample (see <see cref="SampleRegister.Build"/>).
/// </summary>
public class LayoutRuleTests : IDisposable
{
    private readonly SampleRegister _sample = new();
    private readonly string _folder;

    public LayoutRuleTests() => _folder = _sample.Write(RegisterFormat.Csv);

    public void Dispose() => _sample.Dispose();

    private string Json => Path.Combine(_folder, "register.json");

    private void SetMetadata(Func<RegisterMetadata, RegisterMetadata> change) =>
        RegisterMetadataJson.Write(Json, change(RegisterMetadataJson.Read(Json)));

    private void Fails(string file, int line, string text, string column, string expected)
    {
        SampleRegister.SetLine(_folder, file, line, text);
        var e = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(_folder), file, line, column);
        Assert.Contains(expected, e.Message);

        // The one-pass columnar loader (tables read concurrently) applies the same rule with the same message.
        var loaded = SampleRegister.AssertAt(() => RegisterReader.LoadColumns(_folder, threads: 4), file, line, column);
        Assert.Equal(e.Message, loaded.Message);
    }

    private void JsonFails(string json, string? key, string expected)
    {
        File.WriteAllText(Json, json);
        var e = Assert.Throws<InputException>(() => RegisterReader.ValidateRegister(_folder));
        Assert.Equal("register.json", Path.GetFileName(e.File));
        Assert.Equal(key, e.Column);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void ACaseBelowMinAge() =>

        // o2 is born in 1995: a case in 2003 is at age 8.
        Fails("cases.csv", 5, "o2,2003,3", "year", "at age 8 of 'o2' (born 1995); cases start at min_age 12");

    [Fact]
    public void ACaseBeforeBirth()
    {
        SetMetadata(m => m with { CaseYears = new YearRange(1980, 2021) });
        Fails("cases.csv", 2, "o1,1985,2", "year", "at age -5 of 'o1' (born 1990)");
    }

    [Fact]
    public void ACaseAtMinAgeIsAccepted()
    {
        SampleRegister.SetLine(_folder, "cases.csv", 5, "o2,2007,3");
        Assert.Equal(5, RegisterReader.ValidateRegister(_folder).Rows[RegisterTable.Cases]);
    }

    [Fact]
    public void ExposureBeforeBirth()
    {
        SetMetadata(m => m with { CaseYears = new YearRange(1980, 2021) });
        Fails("exposure.csv", 2, "o1,1985,0.5", "year", "year 1985 is before the birth year 1990 of 'o1'");
    }

    [Fact]
    public void LvbBeforeBirth()
    {
        SetMetadata(m => m with { LvbYears = new Dictionary<LvbSource, YearRange>(m.LvbYears) { [LvbSource.AO] = new(1980, 2021) } });
        Fails("lvb.csv", 2, "o1,AO,1985", "year", "year 1985 is before the birth year 1990 of 'o1'");
    }

    [Fact]
    public void VictimisationBeforeBirth()
    {
        SetMetadata(m => m with { VictimisationYears = new YearRange(1980, 2023) });
        Fails("victimisations.csv", 2, "o1,1985,violence", "year", "year 1985 is before the birth year 1990 of 'o1'");
    }

    [Theory]
    [InlineData(2009, 2008, "at age -1")]
    [InlineData(2000, 2011, "at age 11")]
    public void FirstTraffickingYearBeforeBirthOrBelowMinAge(int birth, int first, string expected) =>
        Fails("persons.csv", 2, $"o1,offender,m1,M,{birth},{first}", "first_trafficking_year", expected);

    [Fact]
    public void ADuplicatedHeaderColumn()
    {
        SampleRegister.SetLine(_folder, "cases.csv", 1, "person_id,year,cases,year");
        var e = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(_folder), "cases.csv", 1, "year");
        Assert.Contains("the column appears twice in the header", e.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(121)]
    [InlineData(int.MinValue)]
    public void MinAgeOutOfRange(int age) =>
        JsonFails($"{{\"name\": \"x\", \"min_age\": {age}}}", "min_age", $"min_age {age} is outside 0–120");

    [Theory]
    [InlineData("[-2147483648, 2147483647]", "outside the plausible calendar years 1900–2100")]
    [InlineData("[2147483648, 2147483649]", "expected [first, last] as two integer years")]
    [InlineData("[1800, 2021]", "outside the plausible calendar years")]
    [InlineData("[2001, 2101]", "outside the plausible calendar years")]
    [InlineData("[2021, 2001]", "the first year 2021 is after the last 2001")]
    public void CaseYearsOutOfBounds(string range, string expected) =>
        JsonFails($"{{\"name\": \"x\", \"case_years\": {range}}}", "case_years", expected);

    [Fact]
    public void VictimisationAndLvbYearsAreBoundedToo()
    {
        JsonFails("{\"name\": \"x\", \"victimisation_years\": [-5, 2023]}", "victimisation_years", "plausible calendar years");
        JsonFails("{\"name\": \"x\", \"lvb_years\": {\"AO\": [2015, 99999]}}", "AO", "plausible calendar years");
    }

    [Fact]
    public void ANegativeSyntheticScale() =>
        JsonFails("{\"name\": \"x\", \"synthetic\": {\"generator_version\": \"1\", \"seed\": 1, \"scale\": -3}}", "scale", "found -3");

    [Fact]
    public void InvalidUtf8InRegisterJsonNamesTheLine()
    {
        File.WriteAllBytes(Json, [.. "{\n\"name\": \"x"u8.ToArray(), 0xE2, 0x82, .. "\"\n}"u8.ToArray()]);
        var e = Assert.Throws<InputException>(() => RegisterReader.Open(_folder));
        Assert.Equal(2, e.Line);
        Assert.Contains("not valid UTF-8: byte 0xE2 at byte 11 of the line", e.Message);
    }

    [Fact]
    public void ABomBeforeRegisterJsonIsAccepted()
    {
        File.WriteAllBytes(Json, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(Json)]);
        Assert.Equal("sample", RegisterReader.Open(_folder).Metadata.Name);
        Assert.Equal(6, RegisterReader.ValidateRegister(_folder).Persons);
    }

    [Fact]
    public void MalformedJsonGivesThePositionOnceCountedFromOne()
    {
        File.WriteAllText(Json, "{\n  \"name\": \"x\",\n  oops\n}");
        var e = Assert.Throws<InputException>(() => RegisterReader.Open(_folder));
        Assert.Equal(3, e.Line);
        Assert.Contains("at byte 3 of the line", e.Message);
        Assert.DoesNotContain("LineNumber: 2", e.Message);
    }

    [Theory]
    [InlineData("study")]
    [InlineData("study-csv")]
    public void TheShippedSampleRegistersKeepEveryRule(string name)
    {
        // The calibrated samples are what `analyze` reads by default: a new rule must not reject them.
        var folder = Path.Combine(Trajectories.Testing.RepositoryPaths.Root, "sample-registers", name);
        Assert.True(RegisterReader.ValidateRegister(folder).Persons > 0);
    }
}
