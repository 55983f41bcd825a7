using Trajectories.Registers.Io;
using Trajectories.Registers.Model;

namespace Trajectories.Registers.Validation;

/// <summary>
/// Checks the <c>persons</c> table row by row (plausible birth year, first trafficking year for offenders only,
/// unique ids, complete matched triples) while building the <see cref="PersonIndex"/> the other tables are checked
/// against.
/// </summary>
internal static class PersonTableValidator
{
    private const int AllCohorts = 0b111;

    public static PersonIndex Run(RegisterFolder folder, IRegisterSink? sink)
    {
        var metadata = folder.Metadata;
        var births = StudyRules.BirthYears(metadata);
        var index = new PersonIndex();

        // Per match: which cohorts were seen (a bit each) and its first person, the reference for sex and birth year.
        var seen = new List<byte>();
        var first = new List<int>();
        using var c = folder.OpenCursor(RegisterTable.Persons)!;
        var parser = new RowParser(c);
        while (c.Read())
        {
            var row = parser.Person();
            if (!births.Contains(row.BirthYear))
            {
                throw c.Error(4, $"implausible birth year {row.BirthYear}; expected {births.First}–{births.Last} ({StudyRules.EarliestBirthYear} to the last case year {metadata.CaseYears.Last} minus min_age {metadata.MinAge}).");
            }

            CheckFirstTrafficking(c, row, metadata.MinAge);
            var person = index.Add(row, out var match);
            if (person < 0)
            {
                var where = RegisterValidator.Where(folder, RegisterTable.Persons, index.Find(row.PersonId));
                throw c.Error(0, $"duplicate person_id {MessageText.Quote(row.PersonId)}; it is already on {where}.");
            }

            if (match == seen.Count)
            {
                seen.Add(0);
                first.Add(person);
            }

            var bit = (byte)(1 << (int)row.Cohort);
            if ((seen[match] & bit) != 0)
            {
                throw c.Error(2, $"match_id {MessageText.Quote(row.MatchId)} already has a {Codes.Of(row.Cohort)}; a matched triple has exactly one offender, one criminal_control and one noncriminal_control.");
            }

            seen[match] |= bit;
            var reference = first[match];
            if (index.SexOf(reference) != row.Sex)
            {
                throw c.Error(3, $"sex {Codes.Of(row.Sex)} differs from sex {Codes.Of(index.SexOf(reference))} of {MessageText.Quote(index.IdOf(reference))} in match {MessageText.Quote(row.MatchId)}; matched persons have the same sex.");
            }

            if (index.BirthYearOf(reference) != row.BirthYear)
            {
                throw c.Error(4, $"birth year {row.BirthYear} differs from {index.BirthYearOf(reference)} of {MessageText.Quote(index.IdOf(reference))} in match {MessageText.Quote(row.MatchId)}; matched persons have the same birth year.");
            }

            sink?.Add(row);
        }

        for (var match = 0; match < seen.Count; match++)
        {
            if (seen[match] != AllCohorts)
            {
                var missing = Enum.GetValues<Cohort>().Where(k => (seen[match] & (1 << (int)k)) == 0).Select(Codes.Of);
                using var at = RegisterValidator.PositionAt(folder, RegisterTable.Persons, first[match]);
                throw at.Error(2, $"match_id {MessageText.Quote(index.MatchIdOf(match))} has no {string.Join(" and no ", missing)}; a matched triple has exactly one offender, one criminal_control and one noncriminal_control.");
            }
        }

        index.TrimExcess();
        return index;
    }

    private static void CheckFirstTrafficking(TableCursor c, in PersonRow row, int minAge)
    {
        var allowed = StudyRules.FirstTraffickingYears;
        if (row.Cohort != Cohort.Offender)
        {
            if (row.FirstTraffickingYear is { } year)
            {
                throw c.Error(5, $"first_trafficking_year {year} on a {Codes.Of(row.Cohort)}; only offenders have one (leave the cell empty).");
            }
        }
        else if (row.FirstTraffickingYear is not { } year)
        {
            throw c.Error(5, $"missing for an offender; expected the year of the first trafficking case, {allowed.First}–{allowed.Last}.");
        }
        else if (!allowed.Contains(year))
        {
            throw c.Error(5, $"first trafficking year {year} is outside the study's {allowed.First}–{allowed.Last}.");
        }
        else if (year - row.BirthYear < minAge)
        {
            // A trafficking case is a registered case, and no case is registered below the age of criminal responsibility.
            throw c.Error(5, $"first trafficking year {year} is at age {year - row.BirthYear} (born {row.BirthYear}); a case is registered from min_age {minAge} of register.json.");
        }
    }
}
