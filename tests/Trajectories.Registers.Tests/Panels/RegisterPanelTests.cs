using Trajectories.Registers.Columns;
using Trajectories.Registers.Io;
using Trajectories.Registers.Model;
using Trajectories.Registers.Panels;

namespace Trajectories.Registers.Tests.Panels;

public class RegisterPanelTests
{
    private static readonly RegisterMetadata Meta = new() { Name = "t", CaseYears = new(2001, 2021), MinAge = 12 };

    private static PersonRow Offender(string id, int born, int? trafficking = 2012, Sex sex = Sex.F) =>
        new(id, Cohort.Offender, "m-" + id, sex, born, trafficking);

    private static PersonRow ControlOf(string id, Cohort cohort, int born = 1990) => new(id, cohort, "m", Sex.M, born, null);

    private static InMemoryRegister Study()
    {
        var r = new InMemoryRegister();
        r.WriteMetadata(Meta);
        r.Persons.AddRange([
            Offender("o1995", 1995, 2013),
            ControlOf("c1", Cohort.CriminalControl),
            Offender("o1980", 1980, null, Sex.M),
            Offender("o2015", 2015),
            ControlOf("c2", Cohort.NoncriminalControl),
        ]);
        r.Cases.AddRange([
            new("o1980", 2021, 2),
            new("c1", 2005, 4),
            new("c2", 1990, 0), // controls' rows are skipped unchecked
            new("o1995", 2010, 3),
            new("o1995", 2005, 7), // age 10: below min_age, not in the panel
            new("o1980", 2001, 1),
        ]);
        r.Exposure.AddRange([
            new("c1", 2005, 0.3),
            new("c2", 2005, 7),
            new("o1995", 2010, 0.5),
            new("o1980", 1999, 0.2), // outside case_years: not in the panel
        ]);
        return r;
    }

    [Fact]
    public void BirthCohortsGiveTheirAgeWindowsWithZerosExposureAndNoControls()
    {
        var result = RegisterPanel.Build(Study());
        var panel = result.Panel;

        Assert.Equal(["o1995", "o1980"], panel.PersonIds);
        Assert.Equal(Enumerable.Range(12, 41 - 12 + 1).Select(a => (double)a), panel.Times);
        var cells = PanelFiles.Cells(panel);
        var o1995 = cells.Where(c => c.Person == "o1995").ToList();
        var o1980 = cells.Where(c => c.Person == "o1980").ToList();
        Assert.Equal(Enumerable.Range(12, 15).Select(a => (double)a), o1995.Select(c => c.Time));
        Assert.Equal(Enumerable.Range(21, 21).Select(a => (double)a), o1980.Select(c => c.Time));
        Assert.Equal([("o1995", 15.0, 3, 0.5f)], o1995.Where(c => c.Count != 0 || c.Exposure != 1f));
        Assert.Equal([("o1980", 21.0, 1, 1f), ("o1980", 41.0, 2, 1f)], o1980.Where(c => c.Count != 0 || c.Exposure != 1f));
        Assert.Equal(3 + 1 + 2, panel.Values.Sum());
        Assert.Equal(["o2015"], result.UnobservableOffenders);
        Assert.Equal([1995, 1980], result.BirthYears);
        Assert.Equal([2013, (int?)null], result.FirstTraffickingYears);
        Assert.Equal([Sex.F, Sex.M], result.Sexes);
        Assert.Equal([0, 2], result.PersonIndices);
        AssertSamePanel(result, RegisterPanel.Build(ColumnarRegister.From(Study())));
    }

    [Fact]
    public void ColumnsGiveThePanelOfRowsAtScale()
    {
        // Many offenders in several birth cohorts, cases in any order, part-year exposure: the columnar path (one slot
        // per person, no id lookups) must give the row path's panel in every array.
        const int n = 5_000;
        var rng = new Random(5);
        var r = new InMemoryRegister();
        r.WriteMetadata(Meta);
        for (var i = 0; i < n; i++)
        {
            r.Persons.Add(i % 3 == 0 ? ControlOf("c" + i, Cohort.CriminalControl, 1970 + (i % 30)) : Offender("p" + i, 1970 + (i % 35), i % 4 == 0 ? null : 2010));
        }

        foreach (var i in Enumerable.Range(0, n).OrderBy(_ => rng.Next()))
        {
            var id = i % 3 == 0 ? "c" + i : "p" + i;
            var born = i % 3 == 0 ? 1970 + (i % 30) : 1970 + (i % 35);
            var year = Math.Max(2001, born + 12) + rng.Next(3);
            if (year <= 2021)
            {
                r.Cases.Add(new CaseRow(id, year, 1 + rng.Next(4)));
                if (rng.Next(5) == 0)
                {
                    r.Exposure.Add(new ExposureRow(id, year, 0.25 + (0.5 * rng.NextDouble())));
                }
            }
        }

        AssertSamePanel(RegisterPanel.Build(r), RegisterPanel.Build(ColumnarRegister.From(r)));
    }

    private static void AssertSamePanel(OffenderPanel expected, OffenderPanel actual)
    {
        Assert.Equal(expected.Panel.PersonIds, actual.Panel.PersonIds);
        Assert.Equal(expected.Panel.Times, actual.Panel.Times);
        Assert.Equal(expected.Panel.RowStart, actual.Panel.RowStart);
        Assert.Equal(expected.Panel.TimeIndex, actual.Panel.TimeIndex);
        Assert.Equal(expected.Panel.Values, actual.Panel.Values);
        Assert.Equal(expected.Panel.Exposure, actual.Panel.Exposure);
        Assert.Equal(expected.BirthYears, actual.BirthYears);
        Assert.Equal(expected.FirstTraffickingYears, actual.FirstTraffickingYears);
        Assert.Equal(expected.Sexes, actual.Sexes);
        Assert.Equal(expected.UnobservableOffenders, actual.UnobservableOffenders);
        Assert.Equal(expected.PersonIndices, actual.PersonIndices);
    }

    [Fact]
    public void WithoutExposureRowsThePanelHasNoExposure()
    {
        var r = Study();
        var result = RegisterPanel.Build(Meta, r.Persons, r.Cases, null);
        Assert.Null(result.Panel.Exposure);
        Assert.Equal(15 + 21, result.Panel.ObservationCount);
    }

    [Fact]
    public void DistantCohortsLeaveAgesNobodyIsObservedAtOffTheGrid()
    {
        var result = RegisterPanel.Build(Meta, [Offender("old", 1900), Offender("young", 2000)], [], []);
        var expected = Enumerable.Range(12, 21 - 12 + 1).Concat(Enumerable.Range(101, 121 - 101 + 1)).Select(a => (double)a);
        Assert.Equal(expected, result.Panel.Times);
        Assert.All(result.Panel.Values, c => Assert.Equal(0, c));
    }

    [Fact]
    public void ManyOffendersStreamInAnyOrder()
    {
        const int n = 20_000;
        var persons = Enumerable.Range(0, n).Select(i => Offender("p" + i, 1960 + (i % 40)));
        var cases = Enumerable.Range(0, n).Select(i => new CaseRow("p" + (n - 1 - i), 2021, 1 + (i % 3)));
        var result = RegisterPanel.Build(Meta, persons, cases, null);
        Assert.Equal(n, result.Panel.PersonCount); // the youngest, born 1999, reach 12 in 2011
        Assert.Empty(result.UnobservableOffenders);
        Assert.Equal(Enumerable.Range(0, n).Select(i => "p" + i), result.Panel.PersonIds);
        Assert.Equal(1 + ((n - 1) % 3), result.Panel.Series(0).Values[^1]);
        Assert.Equal(Enumerable.Range(0, n).Sum(i => 1 + (i % 3)), result.Panel.Values.Sum());
    }

    [Fact]
    public void NoObservableOffenderIsAnError()
    {
        var e = Assert.Throws<InputException>(() => RegisterPanel.Build(Meta, [Offender("a", 2012), ControlOf("c", Cohort.CriminalControl)], [], null));
        Assert.Equal(("persons", "birth_year"), (e.File, e.Column));
        Assert.Contains("none of the 1 offenders is observable", e.Problem, StringComparison.Ordinal);

        e = Assert.Throws<InputException>(() => RegisterPanel.Build(Meta, [ControlOf("c", Cohort.CriminalControl)], [], null));
        Assert.Contains("no offender", e.Problem, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<InMemoryRegister>, string, string, string> BadRows => new()
    {
        { "unknown person in cases", r => r.Cases.Add(new("ghost", 2010, 1)), "cases", "person_id", "row 7: person 'ghost' is not in the persons table" },
        { "unknown person in exposure", r => r.Exposure.Add(new("ghost", 2010, 1)), "exposure", "person_id", "row 5: person 'ghost'" },
        { "duplicate person", r => r.Persons.Add(ControlOf("c1", Cohort.CriminalControl)), "persons", "person_id", "row 6: person 'c1' appears more than once" },
        { "duplicate case year", r => r.Cases.Add(new("o1995", 2010, 1)), "cases", "year", "row 7: person 'o1995' has more than one cases row for 2010" },
        { "case year outside window", r => r.Cases.Add(new("o1980", 2022, 1)), "cases", "year", "row 7: year 2022" },
        { "zero cases", r => r.Cases.Add(new("o1980", 2002, 0)), "cases", "cases", "row 7: 0 cases" },
        { "exposure zero", r => r.Exposure.Add(new("o1980", 2002, 0)), "exposure", "at_risk", "row 5: at_risk 0" },
        { "exposure above one", r => r.Exposure.Add(new("o1980", 2002, 1.5)), "exposure", "at_risk", "row 5: at_risk 1.5" },
        { "duplicate exposure year", r => r.Exposure.Add(new("o1995", 2010, 0.5)), "exposure", "year", "row 5: person 'o1995' has more than one exposure row" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void BadRowsNameTableRowAndColumn(string what, Action<InMemoryRegister> spoil, string table, string column, string problem)
    {
        var r = Study();
        spoil(r);
        var e = Assert.Throws<InputException>(() => RegisterPanel.Build(r));
        Assert.True((table, column) == (e.File, e.Column), what);
        Assert.StartsWith(problem, e.Problem, StringComparison.Ordinal);

        // The columnar path (ColumnarRegister.From, then the panel from columns) names the same table, row and column.
        var c = Assert.Throws<InputException>(() => RegisterPanel.Build(ColumnarRegister.From(r)));
        Assert.True((table, column) == (c.File, c.Column), what + " (columns)");
        Assert.StartsWith(problem, c.Problem, StringComparison.Ordinal);
    }
}
