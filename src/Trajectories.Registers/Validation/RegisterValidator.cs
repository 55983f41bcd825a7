using Trajectories.Registers.Columns;
using Trajectories.Registers.Io;
using Trajectories.Registers.Model;

namespace Trajectories.Registers.Validation;

/// <summary>What a validated register holds.</summary>
/// <param name="Persons">Number of persons.</param>
/// <param name="Matches">Number of matched triples.</param>
/// <param name="Rows">Rows per table (absent optional tables have 0).</param>
/// <param name="IndexBytes">Approximate bytes of the person index held during validation.</param>
public sealed record ValidationSummary(int Persons, int Matches, IReadOnlyDictionary<RegisterTable, long> Rows, long IndexBytes);

/// <summary>
/// Streams every table of a register once, checking each cell and the relations between tables, with memory bounded
/// by the persons (a <see cref="PersonIndex"/> and two 8-byte year masks per person), never by the event rows.
/// Every problem is an <see cref="InputException"/> naming file, line (Parquet: data row) and column.
/// </summary>
/// <remarks>
/// Checks, in order: persons (see <see cref="PersonTableValidator"/>); cases (known person, year in
/// <c>case_years</c>, age at least <c>min_age</c>, one row per person and year, none for a noncriminal_control); every
/// criminal_control has a case; exposure (known person, year in <c>case_years</c> and not before birth, one row per
/// person and year); lvb (year in the source's window, not before birth); victimisations (year in
/// <c>victimisation_years</c>, not before birth); truth (offenders only, one row each). The control
/// definitions are errors, not warnings: the study defines the groups by them, so a register breaking them would
/// silently compare the wrong populations.
/// </remarks>
public static class RegisterValidator
{
    /// <summary>Validates <paramref name="folder"/>, passing every row on to <paramref name="sink"/> when given.</summary>
    /// <remarks>The sink sees rows as they are checked, table by table in file order; on an error it is not completed (callers dispose it).</remarks>
    public static ValidationSummary Validate(RegisterFolder folder, IRegisterSink? sink = null) => Run(folder, sink, null).Summary;

    /// <summary>
    /// Validates <paramref name="folder"/> and keeps it as columns: one pass over every table, the event tables read
    /// concurrently (each on its own thread, checked against the finished person index), rows stored by person index.
    /// </summary>
    /// <remarks>
    /// The checks and messages are those of <see cref="Validate"/>; when several tables are broken, the error reported
    /// is the one <see cref="Validate"/> would report (the first table in its order), whatever the threads' timing.
    /// </remarks>
    public static (ColumnarRegister Register, ValidationSummary Summary) Load(RegisterFolder folder, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var (summary, columns) = Run(folder, null, threads <= 0 ? Environment.ProcessorCount : threads);
        return (columns!, summary);
    }

    /// <summary>
    /// The pass behind <see cref="Validate"/> and <see cref="Load"/>: with <paramref name="threads"/> the rows go into
    /// columns and the event tables run concurrently (no sink then: a sink takes rows in order).
    /// </summary>
    private static (ValidationSummary Summary, ColumnarRegister? Columns) Run(RegisterFolder folder, IRegisterSink? sink, int? threads)
    {
        var metadata = folder.Metadata;
        sink?.WriteMetadata(metadata);
        var index = PersonTableValidator.Run(folder, sink);
        var columns = threads is null ? null : new ColumnarRegister(metadata, index);
        var rows = new Dictionary<RegisterTable, long> { [RegisterTable.Persons] = index.Count };

        var caseYears = new YearSet(metadata.CaseYears, index.Count);
        var steps = new (RegisterTable Table, Func<long> Read)[]
        {
            (RegisterTable.Cases, () => Cases(folder, index, caseYears, sink, columns)),
            (RegisterTable.Exposure, () => Exposure(folder, index, sink, columns)),
            (RegisterTable.Lvb, () => Lvb(folder, index, sink, columns)),
            (RegisterTable.Victimisations, () => Victimisations(folder, index, sink, columns)),
            (RegisterTable.Truth, () => Truth(folder, index, sink, columns)),
        };

        var counts = new long[steps.Length];
        var failures = new Exception?[steps.Length];
        var concurrent = threads is > 1;
        if (concurrent)
        {
            Parallel.For(0, steps.Length, new ParallelOptions { MaxDegreeOfParallelism = threads!.Value }, k =>
            {
                try
                {
                    counts[k] = steps[k].Read();
                }
                catch (Exception e)
                {
                    // Kept and rethrown below in table order, as the exception itself (not wrapped), so a caller sees
                    // what the sequential pass would have thrown.
                    failures[k] = e;
                }
            });
        }
        else
        {
            for (var k = 0; k < steps.Length; k++)
            {
                counts[k] = steps[k].Read();
                if (k == 0)
                {
                    CriminalControlsHaveCases(folder, index, caseYears);
                }
            }
        }

        // In Validate's order: a broken cases table first, then a criminal control without a case, then the others.
        // (The sequential pass has checked the criminal controls right after the cases table.)
        Rethrow(failures[0]);
        if (concurrent)
        {
            CriminalControlsHaveCases(folder, index, caseYears);
        }

        for (var k = 1; k < steps.Length; k++)
        {
            Rethrow(failures[k]);
        }

        for (var k = 0; k < steps.Length; k++)
        {
            rows[steps[k].Table] = counts[k];
        }

        return (new ValidationSummary(index.Count, index.MatchCount, rows, index.Bytes), columns);
    }

    private static void Rethrow(Exception? failure)
    {
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    private static long Cases(RegisterFolder folder, PersonIndex index, YearSet caseYears, IRegisterSink? sink, ColumnarRegister? columns)
    {
        var metadata = folder.Metadata;
        var people = new PersonLookup(index);
        return Stream(folder, RegisterTable.Cases, p => p.Case(), (c, row) =>
        {
            var person = people.Find(c, row.PersonId);
            Year(c, 1, row.Year, metadata.CaseYears, "case_years");
            var age = row.Year - index.BirthYearOf(person);
            if (age < metadata.MinAge)
            {
                throw c.Error(1, $"a case in {row.Year}, at age {age} of {MessageText.Quote(row.PersonId)} (born {index.BirthYearOf(person)}); cases start at min_age {metadata.MinAge} of register.json.");
            }

            if (index.CohortOf(person) == Cohort.NoncriminalControl)
            {
                throw c.Error(0, $"{MessageText.Quote(row.PersonId)} is a noncriminal_control and cannot have cases; a noncriminal control has no registered case.");
            }

            if (!caseYears.Add(person, row.Year))
            {
                throw c.Error(1, $"a second row for {MessageText.Quote(row.PersonId)} in {row.Year}; expected one row per person and year (sum the cases).");
            }

            sink?.Add(row);
            columns?.Cases.Add(person, row.Year, row.Cases);
        });
    }

    private static void CriminalControlsHaveCases(RegisterFolder folder, PersonIndex index, YearSet caseYears)
    {
        for (var person = 0; person < index.Count; person++)
        {
            if (index.CohortOf(person) == Cohort.CriminalControl && !caseYears.Any(person))
            {
                using var at = PositionAt(folder, RegisterTable.Persons, person);
                throw at.Error(1, $"criminal_control {MessageText.Quote(index.IdOf(person))} has no row in cases; a criminal control has at least one case in case_years.");
            }
        }
    }

    private static long Exposure(RegisterFolder folder, PersonIndex index, IRegisterSink? sink, ColumnarRegister? columns)
    {
        var metadata = folder.Metadata;
        var people = new PersonLookup(index);
        var exposureYears = new YearSet(metadata.CaseYears, index.Count);
        return Stream(folder, RegisterTable.Exposure, p => p.Exposure(), (c, row) =>
        {
            var person = people.Find(c, row.PersonId);
            Year(c, 1, row.Year, metadata.CaseYears, "case_years");
            NotBeforeBirth(c, 1, row.Year, index, person, row.PersonId);
            if (!exposureYears.Add(person, row.Year))
            {
                throw c.Error(1, $"a second row for {MessageText.Quote(row.PersonId)} in {row.Year}; expected one row per person and year.");
            }

            sink?.Add(row);
            columns?.Exposure.Add(person, row.Year, row.AtRisk);
        });
    }

    private static long Lvb(RegisterFolder folder, PersonIndex index, IRegisterSink? sink, ColumnarRegister? columns)
    {
        var metadata = folder.Metadata;
        var people = new PersonLookup(index);
        return Stream(folder, RegisterTable.Lvb, p => p.Lvb(), (c, row) =>
        {
            var person = people.Find(c, row.PersonId);
            NotBeforeBirth(c, 2, row.Year, index, person, row.PersonId);
            var window = metadata.LvbYears.TryGetValue(row.Source, out var w) ? w : RegisterMetadata.DefaultLvbYears[row.Source];
            Year(c, 2, row.Year, window, $"lvb_years.{Codes.Of(row.Source)}");
            sink?.Add(row);
            columns?.Lvb.Add(person, row.Year, row.Source);
        });
    }

    private static long Victimisations(RegisterFolder folder, PersonIndex index, IRegisterSink? sink, ColumnarRegister? columns)
    {
        var metadata = folder.Metadata;
        var people = new PersonLookup(index);
        return Stream(folder, RegisterTable.Victimisations, p => p.Victimisation(), (c, row) =>
        {
            var person = people.Find(c, row.PersonId);
            NotBeforeBirth(c, 1, row.Year, index, person, row.PersonId);
            Year(c, 1, row.Year, metadata.VictimisationYears, "victimisation_years");
            sink?.Add(row);
            columns?.Victimisations.Add(person, row.Year, row.Category);
        });
    }

    private static long Truth(RegisterFolder folder, PersonIndex index, IRegisterSink? sink, ColumnarRegister? columns)
    {
        var people = new PersonLookup(index);
        var truth = new YearSet(new YearRange(0, 0), index.Count);
        return Stream(folder, RegisterTable.Truth, p => p.Truth(), (c, row) =>
        {
            var person = people.Find(c, row.PersonId);
            if (index.CohortOf(person) != Cohort.Offender)
            {
                throw c.Error(0, $"{MessageText.Quote(row.PersonId)} is a {Codes.Of(index.CohortOf(person))}; truth rows are for offenders only.");
            }

            if (!truth.Add(person, 0))
            {
                throw c.Error(0, $"a second truth row for {MessageText.Quote(row.PersonId)}; expected one profile per offender.");
            }

            sink?.Add(row);
            columns?.Truth.Add(person, 0, row.Profile);
        });
    }

    /// <summary>A cursor over <paramref name="table"/> positioned on data row <paramref name="row"/> (0-based), for errors about an earlier row.</summary>
    internal static TableCursor PositionAt(RegisterFolder folder, RegisterTable table, int row)
    {
        var cursor = folder.OpenCursor(table)!;
        for (var i = 0; i <= row; i++)
        {
            cursor.Read();
        }

        return cursor;
    }

    /// <summary>"line N" or "row N" of data row <paramref name="row"/> (0-based), for messages.</summary>
    internal static string Where(RegisterFolder folder, RegisterTable table, int row)
    {
        using var cursor = PositionAt(folder, table, row);
        return cursor.CountsRows ? $"row {cursor.Line}" : $"line {cursor.Line}";
    }

    private static long Stream<T>(RegisterFolder folder, RegisterTable table, Func<RowParser, T> parse, Action<TableCursor, T> check)
    {
        using var cursor = folder.OpenCursor(table);
        if (cursor is null)
        {
            return 0;
        }

        var parser = new RowParser(cursor);
        long count = 0;
        while (cursor.Read())
        {
            check(cursor, parse(parser));
            count++;
        }

        return count;
    }

    private static void NotBeforeBirth(TableCursor c, int column, int year, PersonIndex index, int person, string id)
    {
        var birth = index.BirthYearOf(person);
        if (year < birth)
        {
            throw c.Error(column, $"year {year} is before the birth year {birth} of {MessageText.Quote(id)}.");
        }
    }

    private static void Year(TableCursor c, int column, int year, YearRange window, string key)
    {
        if (!window.Contains(year))
        {
            throw c.Error(column, $"year {year} is outside {key} {window.First}–{window.Last} of register.json.");
        }
    }

    /// <summary>Finds the persons that rows refer to, remembering the last one.</summary>
    private sealed class PersonLookup(PersonIndex index)
    {
        private string? _lastId;
        private int _lastPerson;

        public int Find(TableCursor c, string id)
        {
            // The row parser hands out the same string instance while consecutive rows share a person, so a
            // reference check skips the hash lookup for most rows of a register grouped by person.
            if (ReferenceEquals(id, _lastId))
            {
                return _lastPerson;
            }

            var person = index.Find(id);
            if (person < 0)
            {
                throw c.Error(0, $"unknown person_id {MessageText.Quote(id)}; every person_id must be in persons.");
            }

            _lastId = id;
            _lastPerson = person;
            return person;
        }
    }
}
