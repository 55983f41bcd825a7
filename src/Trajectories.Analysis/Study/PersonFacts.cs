using Trajectories.Registers.Columns;
using Trajectories.Registers.Model;
using Trajectories.Registers.Validation;

namespace Trajectories.Analysis.Study;

/// <summary>
/// Per-person summaries of a register (cases, LVB, victimisation), computed in one pass over each table's columns so
/// that every published figure is a simple count over a population. Definitions agree with the calibration check of
/// the synthetic generator (Registers/Synthetic/Calibration): cases are all <c>cases</c> rows; "before trafficking"
/// is a case year strictly before <c>first_trafficking_year</c>; LVB and victimisation rows count only inside the
/// register's windows, so a real register with rows outside them is measured as the study measured it.
/// </summary>
/// <remarks>
/// Indexed like the register's <see cref="PersonIndex"/> (persons order). Flags are bit masks and counts 32-bit, about
/// 22 bytes a person with the cohort lists: 17.1 M persons took 390 MB here (measured), beside the register's own columns.
/// </remarks>
internal sealed class PersonFacts
{
    private readonly int[][] _cohorts;
    private readonly short[] _firstCaseYear;
    private readonly byte[] _lvb;
    private readonly byte[] _categories;

    public PersonFacts(ColumnarRegister register, int recentYears)
    {
        People = register.Persons;
        var meta = register.Metadata;
        var count = People.Count;
        _cohorts = Enum.GetValues<Cohort>().Select(c => Enumerable.Range(0, count).Where(i => People.CohortOf(i) == c).ToArray()).ToArray();

        TotalCases = new int[count];
        CasesBeforeTrafficking = new int[count];
        _firstCaseYear = new short[count];
        var cases = register.Cases;
        for (long row = 0; row < cases.Count; row++)
        {
            var i = cases.Person(row);
            int year = cases.Year(row), n = cases.Value(row);
            TotalCases[i] = checked(TotalCases[i] + n);
            _firstCaseYear[i] = _firstCaseYear[i] == 0 ? (short)year : Math.Min(_firstCaseYear[i], (short)year);
            if (People.FirstTraffickingYearOf(i) is { } ft && year < ft)
            {
                CasesBeforeTrafficking[i] = checked(CasesBeforeTrafficking[i] + n);
            }
        }

        _lvb = new byte[count];
        var lvb = register.Lvb;
        for (long row = 0; row < lvb.Count; row++)
        {
            var source = lvb.Value(row);
            if (meta.LvbYears.TryGetValue(source, out var window) && window.Contains(lvb.Year(row)))
            {
                _lvb[lvb.Person(row)] |= (byte)(1 << (int)source);
            }
        }

        Victimisations = new int[count];
        _categories = new byte[count];
        RecentVictim = new bool[count];
        var victimisations = register.Victimisations;
        for (long row = 0; row < victimisations.Count; row++)
        {
            var year = victimisations.Year(row);
            if (!meta.VictimisationYears.Contains(year))
            {
                continue;
            }

            var i = victimisations.Person(row);
            Victimisations[i]++;
            _categories[i] |= (byte)(1 << (int)victimisations.Value(row));
            if (People.FirstTraffickingYearOf(i) is { } ft && year < ft && year >= ft - recentYears)
            {
                RecentVictim[i] = true;
            }
        }

        // Recent victimisation is observable only when all the recent years lie in the window.
        RecentEligible = new bool[count];
        for (var i = 0; i < count; i++)
        {
            RecentEligible[i] = People.FirstTraffickingYearOf(i) is { } ft && ft - recentYears >= meta.VictimisationYears.First
                && ft - 1 <= meta.VictimisationYears.Last;
        }
    }

    /// <summary>The register's persons: cohort, birth year, first trafficking year and match of each index.</summary>
    public PersonIndex People { get; }

    public int[] TotalCases { get; }

    public int[] CasesBeforeTrafficking { get; }

    public int[] Victimisations { get; }

    public bool[] RecentVictim { get; }

    public bool[] RecentEligible { get; }

    /// <summary>The year of the person's first case, or null without one.</summary>
    public int? FirstCaseYear(int i) => _firstCaseYear[i] == 0 ? null : _firstCaseYear[i];

    /// <summary>LVB from any source (source = null) or from one source, inside the source's window.</summary>
    public bool HasLvb(int i, LvbSource? source) =>
        source is { } s ? (_lvb[i] & (1 << (int)s)) != 0 : _lvb[i] != 0;

    /// <summary>Whether the person has a victimisation of <paramref name="category"/> inside the window.</summary>
    public bool InCategory(int i, VictimCategory category) => (_categories[i] & (1 << (int)category)) != 0;

    public bool IsVictim(int i) => Victimisations[i] > 0;

    /// <summary>Indices of a cohort's persons, in <c>persons</c> order (shared: do not mutate).</summary>
    public int[] Cohort(Cohort cohort) => _cohorts[(int)cohort];
}
