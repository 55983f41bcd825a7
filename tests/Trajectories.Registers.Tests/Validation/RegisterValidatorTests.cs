using Trajectories.Registers.Io;
using Trajectories.Registers.Model;
using Trajectories.Registers.Tests.Io;

namespace Trajectories.Registers.Tests.Validation;

/// <summary>One test per cross-table rule; each edits one line of the valid sample register (see <see cref="SampleRegister.Build"/>).</summary>
public class RegisterValidatorTests : IDisposable
{
    private readonly SampleRegister _sample = new();
    private readonly string _folder;

    public RegisterValidatorTests() => _folder = _sample.Write(RegisterFormat.Csv);

    public void Dispose() => _sample.Dispose();

    private InputException Fails(string file, int editLine, string text, string errorFile, long errorLine, string column, string expected)
    {
        SampleRegister.SetLine(_folder, file, editLine, text);
        var e = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(_folder), errorFile, errorLine, column);
        Assert.Contains(expected, e.Message);

        // The one-pass columnar loader (tables read concurrently) applies the same rule with the same message.
        var loaded = SampleRegister.AssertAt(() => RegisterReader.LoadColumns(_folder, threads: 4), errorFile, errorLine, column);
        Assert.Equal(e.Message, loaded.Message);
        return e;
    }

    [Fact]
    public void TheSampleIsValid()
    {
        var summary = RegisterReader.ValidateRegister(_folder);
        Assert.Equal(6, summary.Persons);
        Assert.Equal(2, summary.Matches);
        Assert.Equal(5, summary.Rows[RegisterTable.Cases]);
        Assert.Equal(2, summary.Rows[RegisterTable.Truth]);
    }

    [Fact]
    public void DuplicatePersonId() =>
        Fails("persons.csv", 8, "o1,offender,m3,M,1990,2012", "persons.csv", 8, "person_id", "duplicate person_id 'o1'; it is already on line 2");

    [Theory]
    [InlineData("cases.csv", 7, "ghost,2005,1")]
    [InlineData("exposure.csv", 4, "ghost,2006,0.5")]
    [InlineData("lvb.csv", 4, "ghost,AO,2016")]
    [InlineData("victimisations.csv", 4, "ghost,2011,violence")]
    [InlineData("truth.csv", 4, "ghost,incidental")]
    public void UnknownPersonInAnyTable(string file, int line, string text) =>
        Fails(file, line, text, file, line, "person_id", "unknown person_id 'ghost'");

    [Fact]
    public void IncompleteMatchedTriple() =>
        Fails("persons.csv", 7, "o3,offender,m3,M,1990,2012", "persons.csv", 5, "match_id", "match_id 'm,2' has no noncriminal_control");

    [Fact]
    public void TwoOffendersInOneMatch() =>
        Fails("persons.csv", 8, "o3,offender,m1,M,1990,2012", "persons.csv", 8, "match_id", "match_id 'm1' already has a offender");

    [Fact]
    public void MatchedPersonsDifferInSex() =>
        Fails("persons.csv", 3, "c1,criminal_control,m1,F,1990,", "persons.csv", 3, "sex", "matched persons have the same sex");

    [Fact]
    public void MatchedPersonsDifferInBirthYear() =>
        Fails("persons.csv", 4, "n1,noncriminal_control,m1,M,1991,", "persons.csv", 4, "birth_year", "matched persons have the same birth year");

    [Theory]
    [InlineData(1899)]
    [InlineData(2010)]
    public void ImplausibleBirthYear(int year) =>
        Fails("persons.csv", 2, $"o1,offender,m1,M,{year},2012", "persons.csv", 2, "birth_year", "expected 1900–2009");

    [Fact]
    public void FirstTraffickingYearMissingForAnOffender() =>
        Fails("persons.csv", 5, "o2,offender,\"m,2\",F,1995,", "persons.csv", 5, "first_trafficking_year", "missing for an offender");

    [Fact]
    public void FirstTraffickingYearOutsideTheStudyYears() =>
        Fails("persons.csv", 2, "o1,offender,m1,M,1990,2018", "persons.csv", 2, "first_trafficking_year", "outside the study's 2008–2017");

    [Fact]
    public void FirstTraffickingYearOnAControl() =>
        Fails("persons.csv", 4, "n1,noncriminal_control,m1,M,1990,2012", "persons.csv", 4, "first_trafficking_year", "only offenders have one");

    [Fact]
    public void CaseYearOutsideCaseYears() =>
        Fails("cases.csv", 2, "o1,2000,2", "cases.csv", 2, "year", "outside case_years 2001–2021");

    [Fact]
    public void VictimisationYearOutsideVictimisationYears() =>
        Fails("victimisations.csv", 3, "n2,2024,traffic", "victimisations.csv", 3, "year", "outside victimisation_years 2010–2023");

    [Fact]
    public void LvbYearOutsideTheSourcesWindow() =>
        Fails("lvb.csv", 3, "c1,CIZ,2016", "lvb.csv", 3, "year", "outside lvb_years.CIZ 2017–2021");

    [Fact]
    public void ExposureYearOutsideCaseYears() =>
        Fails("exposure.csv", 2, "o1,2022,0.5", "exposure.csv", 2, "year", "outside case_years 2001–2021");

    [Fact]
    public void DuplicatePersonYearInCases() =>
        Fails("cases.csv", 3, "o1,2005,1", "cases.csv", 3, "year", "a second row for 'o1' in 2005");

    [Fact]
    public void DuplicatePersonYearInExposure() =>
        Fails("exposure.csv", 4, "o1,2006,0.5", "exposure.csv", 4, "year", "a second row for 'o1' in 2006");

    [Fact]
    public void DuplicatesAndMissingCasesAreFoundWithAWindowOfMoreThan64Years()
    {
        // Wide windows use the hash-set form of the per-person year sets instead of a 64-bit mask.
        var json = Path.Combine(_folder, "register.json");
        File.WriteAllText(json, File.ReadAllText(json).Replace("\"case_years\": [\n    2001,", "\"case_years\": [\n    1901,", StringComparison.Ordinal));
        Assert.Equal(new YearRange(1901, 2021), RegisterReader.Open(_folder).Metadata.CaseYears);
        // The window is wide; the year itself must still be at an age of at least min_age (o1 is born in 1990).
        SampleRegister.SetLine(_folder, "cases.csv", 7, "o1,2003,1");
        Assert.Equal(6, RegisterReader.ValidateRegister(_folder).Rows[RegisterTable.Cases]);
        Fails("cases.csv", 8, "o1,2003,1", "cases.csv", 8, "year", "a second row for 'o1' in 2003");
    }

    [Fact]
    public void CriminalControlWithoutACaseIsFoundWithAWindowOfMoreThan64Years()
    {
        var json = Path.Combine(_folder, "register.json");
        File.WriteAllText(json, File.ReadAllText(json).Replace("\"case_years\": [\n    2001,", "\"case_years\": [\n    1901,", StringComparison.Ordinal));
        Fails("cases.csv", 6, "o2,2013,1", "persons.csv", 6, "cohort", "criminal_control 'c2' has no row in cases");
    }

    [Fact]
    public void NoncriminalControlWithACase() =>
        Fails("cases.csv", 7, "n1,2005,1", "cases.csv", 7, "person_id", "noncriminal_control and cannot have cases");

    [Fact]
    public void CriminalControlWithoutACase() =>
        Fails("cases.csv", 4, "o1,2007,1", "persons.csv", 3, "cohort", "criminal_control 'c1' has no row in cases");

    [Fact]
    public void TruthRowForANonOffender() =>
        Fails("truth.csv", 3, "c2,incidental", "truth.csv", 3, "person_id", "truth rows are for offenders only");

    [Fact]
    public void SecondTruthRowForAnOffender() =>
        Fails("truth.csv", 3, "o1,incidental", "truth.csv", 3, "person_id", "a second truth row for 'o1'");

    [Fact]
    public void ParquetErrorsNameTheDataRow()
    {
        var register = SampleRegister.Build();
        register.Persons.Add(new PersonRow("c2", Cohort.CriminalControl, "m9", Sex.M, 1990, null));
        var folder = Path.Combine(_sample.Root, "pq");
        RegisterWriter.Write(register, folder, RegisterFormat.Parquet);
        var e = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(folder), "persons.parquet", 7, "person_id");
        Assert.Contains("row 7: duplicate person_id 'c2'; it is already on row 5", e.Message);
    }

    [Fact]
    public void LoadRejectsAnInvalidRegister()
    {
        SampleRegister.SetLine(_folder, "cases.csv", 2, "o1,2000,2");
        Assert.Throws<InputException>(() => RegisterReader.Load(_folder));
    }
}
