using System.Text;
using Trajectories.Registers.Io;
using Trajectories.Registers.Model;

namespace Trajectories.Registers.Tests.Io;

public class RegisterMetadataJsonTests
{
    private static RegisterMetadata Parse(string json) => RegisterMetadataJson.Parse(Encoding.UTF8.GetBytes(json), "register.json");

    [Fact]
    public void RoundTripsEveryField()
    {
        var m = new RegisterMetadata
        {
            Name = "n",
            Description = "d",
            CaseYears = new(2000, 2020),
            VictimisationYears = new(2011, 2022),
            LvbYears = new Dictionary<LvbSource, YearRange> { [LvbSource.AO] = new(2014, 2020), [LvbSource.CIZ] = new(2016, 2020), [LvbSource.WSW] = new(2015, 2019) },
            MinAge = 10,
            Synthetic = new SyntheticInfo("g-2", ulong.MaxValue, 630),
        };
        var back = RegisterMetadataJson.Parse(RegisterMetadataJson.ToBytes(m), "register.json");
        Assert.Equal(m with { LvbYears = back.LvbYears }, back);
        Assert.Equal(m.LvbYears.OrderBy(p => p.Key), back.LvbYears.OrderBy(p => p.Key));
    }

    [Fact]
    public void WritesSnakeCaseKeysAndNullSynthetic()
    {
        var json = Encoding.UTF8.GetString(RegisterMetadataJson.ToBytes(new RegisterMetadata { Name = "real" }));
        Assert.Contains("\"case_years\": [", json);
        Assert.Contains("\"victimisation_years\"", json);
        Assert.Contains("\"lvb_years\"", json);
        Assert.Contains("\"min_age\": 12", json);
        Assert.Contains("\"synthetic\": null", json);
    }

    [Fact]
    public void MissingOptionalFieldsTakeTheStudyDefaults()
    {
        var m = Parse("{\"name\": \"x\", \"lvb_years\": {\"CIZ\": [2018, 2021]}}");
        Assert.Equal(new YearRange(2001, 2021), m.CaseYears);
        Assert.Equal(new YearRange(2010, 2023), m.VictimisationYears);
        Assert.Equal(12, m.MinAge);
        Assert.Null(m.Synthetic);
        Assert.Equal(new YearRange(2018, 2021), m.LvbYears[LvbSource.CIZ]);
        Assert.Equal(new YearRange(2015, 2021), m.LvbYears[LvbSource.AO]);
    }

    [Fact]
    public void MalformedJsonNamesTheFileAndLine()
    {
        var e = Assert.Throws<InputException>(() => Parse("{\n\"name\": \"x\",\n}"));
        Assert.Equal("register.json", e.File);
        Assert.Equal(3, e.Line);
        Assert.Contains("malformed JSON", e.Message);
    }

    [Fact]
    public void AWrongShapeNamesTheKey()
    {
        var e = Assert.Throws<InputException>(() => Parse("{\"name\": \"x\", \"case_years\": [2001]}"));
        Assert.Equal("case_years", e.Column);
        e = Assert.Throws<InputException>(() => Parse("{\"case_years\": [2001, 2021]}"));
        Assert.Equal("name", e.Column);
        e = Assert.Throws<InputException>(() => Parse("{\"name\": \"x\", \"lvb_years\": {\"XY\": [2015, 2021]}}"));
        Assert.Contains("AO | CIZ | WSW", e.Message);
    }

    [Fact]
    public void AMalformedRegisterJsonInAFolderIsNamed()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Csv);
        File.WriteAllText(Path.Combine(folder, "register.json"), "{ not json");
        SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(folder), "register.json", 1, null);
    }
}
