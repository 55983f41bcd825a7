using Trajectories.Registers.Columns;
using Trajectories.Registers.Io;
using Trajectories.Registers.Model;
using Trajectories.Registers.Tests.Io;

namespace Trajectories.Registers.Tests.Columns;

/// <summary>
/// The columnar register: its block columns, the one-pass concurrent loader against the row loader, and the loader's
/// error when several tables are broken at once.
/// </summary>
public class ColumnarRegisterTests
{
    [Fact]
    public void EventColumnsKeepEveryRowAcrossBlocks()
    {
        // One block is 2^20 rows; 2^20 + 300 rows fill one and start a second.
        const int n = (1 << 20) + 300;
        var columns = new EventColumns<int>();
        for (var i = 0; i < n; i++)
        {
            columns.Add(i * 7 % 1_000_003, 1900 + (i % 200), -i);
        }

        Assert.Equal(n, columns.Count);
        foreach (var i in new[] { 0, 255, 256, 511, 512, (1 << 20) - 1, 1 << 20, n - 1 })
        {
            Assert.Equal((i * 7 % 1_000_003, 1900 + (i % 200), -i), (columns.Person(i), columns.Year(i), columns.Value(i)));
        }

        long sum = 0;
        for (long k = 0; k < columns.Count; k++)
        {
            Assert.Equal(-k, columns.Value(k));
            sum += columns.Year(k);
        }

        Assert.Equal(Enumerable.Range(0, n).Sum(i => (long)(1900 + (i % 200))), sum);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void LoadColumnsHoldsWhatTheRowLoaderHolds(int threads)
    {
        var folder = Path.Combine(Trajectories.Testing.RepositoryPaths.Root, "sample-registers", "study");
        var rows = RegisterReader.Load(folder);
        var columns = RegisterReader.LoadColumns(folder, threads);

        Assert.Equal(rows.Metadata! with { LvbYears = columns.Metadata.LvbYears }, columns.Metadata);
        Assert.Equal(rows.Metadata.LvbYears, columns.Metadata.LvbYears);
        Assert.Equal(rows.Persons.Count, columns.Persons.Count);
        for (var i = 0; i < rows.Persons.Count; i++)
        {
            var p = rows.Persons[i];
            var q = columns.Persons;
            Assert.Equal(p, new PersonRow(q.IdOf(i), q.CohortOf(i), q.MatchIdOf(q.MatchOf(i)), q.SexOf(i), q.BirthYearOf(i), q.FirstTraffickingYearOf(i)));
        }

        string Id(int person) => columns.Persons.IdOf(person);
        Assert.Equal(rows.Cases, Rows(columns.Cases).Select(r => new CaseRow(Id(r.Person), r.Year, r.Value)));
        Assert.Equal(rows.Exposure, Rows(columns.Exposure).Select(r => new ExposureRow(Id(r.Person), r.Year, r.Value)));
        Assert.Equal(rows.Lvb, Rows(columns.Lvb).Select(r => new LvbRow(Id(r.Person), r.Value, r.Year)));
        Assert.Equal(rows.Victimisations, Rows(columns.Victimisations).Select(r => new VictimisationRow(Id(r.Person), r.Year, r.Value)));
        Assert.Equal(rows.Truth, Rows(columns.Truth).Select(r => new TruthRow(Id(r.Person), r.Value)));
        Assert.True(rows.Cases.Count > 0 && rows.Lvb.Count > 0 && rows.Victimisations.Count > 0 && rows.Truth.Count > 0);
    }

    [Fact]
    public void WithSeveralTablesBrokenTheConcurrentLoaderReportsWhatTheSequentialCheckReports()
    {
        using var sample = new SampleRegister();
        var folder = sample.Write(RegisterFormat.Csv);

        // A broken victimisations row and a broken cases row: the cases table comes first in the check's order.
        SampleRegister.SetLine(folder, "victimisations.csv", 2, "ghost,2011,violence");
        SampleRegister.SetLine(folder, "cases.csv", 3, "nobody,2005,1");
        var sequential = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(folder), "cases.csv", 3, "person_id");
        for (var run = 0; run < 5; run++)
        {
            var concurrent = SampleRegister.AssertAt(() => RegisterReader.LoadColumns(folder, threads: 4), "cases.csv", 3, "person_id");
            Assert.Equal(sequential.Message, concurrent.Message);
        }
    }

    [Fact]
    public void FromInMemoryRefusesARowOfAnUnknownPerson()
    {
        var r = SampleRegister.Build();
        r.Victimisations.Add(new VictimisationRow("ghost", 2011, VictimCategory.Violence));
        var e = Assert.Throws<InputException>(() => ColumnarRegister.From(r));
        Assert.Equal(("victimisations", "person_id"), (e.File, e.Column));
        Assert.Contains($"row {r.Victimisations.Count}: person 'ghost' is not in the persons table", e.Problem, StringComparison.Ordinal);
    }

    private static IEnumerable<(int Person, int Year, T Value)> Rows<T>(EventColumns<T> columns)
        where T : unmanaged
    {
        for (long k = 0; k < columns.Count; k++)
        {
            yield return (columns.Person(k), columns.Year(k), columns.Value(k));
        }
    }
}
