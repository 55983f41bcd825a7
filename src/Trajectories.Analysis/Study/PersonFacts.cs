using Trajectories.Registers.Model;

namespace Trajectories.Analysis.Study;

/// <summary>
/// Per-person summaries of a register (cases, LVB, victimisation), computed in one pass over each table so that
/// every published figure is a simple count over a population. Definitions agree with the calibration check of the
/// synthetic generator (Registers/Synthetic/Calibration): cases are all <c>cases</c> rows; "before trafficking" is a
/// case year strictly before <c>first_trafficking_year</c>; LVB and victimisation rows count only inside the
/// register's windows, so a real register with rows outside them is measured as the study measured it.
/// </summary>
internal sealed class PersonFacts
{
    public PersonFacts(InMemoryRegister register, RegisterMetadata meta, int recentYears)
    {
        Persons = register.Persons.ToArray();
        var count = Persons.Length;
        Index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            Index[Persons[i].PersonId] = i;
        }

        TotalCases = new long[count];
        CasesBeforeTrafficking = new long[count];
        FirstCaseYear = new int?[count];
        foreach (var row in register.Cases)
        {
            var i = Index[row.PersonId];
            TotalCases[i] += row.Cases;
            FirstCaseYear[i] = FirstCaseYear[i] is { } y ? Math.Min(y, row.Year) : row.Year;
            if (Persons[i].FirstTraffickingYear is { } ft && row.Year < ft)
            {
                CasesBeforeTrafficking[i] += row.Cases;
            }
        }

        LvbBySource = new bool[count, 3];
        foreach (var row in register.Lvb)
        {
            if (meta.LvbYears.TryGetValue(row.Source, out var window) && window.Contains(row.Year))
            {
                LvbBySource[Index[row.PersonId], (int)row.Source] = true;
            }
        }

        Victimisations = new int[count];
        Categories = new bool[count, 7];
        RecentVictim = new bool[count];
        foreach (var row in register.Victimisations)
        {
            if (!meta.VictimisationYears.Contains(row.Year))
            {
                continue;
            }

            var i = Index[row.PersonId];
            Victimisations[i]++;
            Categories[i, (int)row.Category] = true;
            if (Persons[i].FirstTraffickingYear is { } ft && row.Year < ft && row.Year >= ft - recentYears)
            {
                RecentVictim[i] = true;
            }
        }

        // Recent victimisation is observable only when all the recent years lie in the window.
        RecentEligible = new bool[count];
        for (var i = 0; i < count; i++)
        {
            RecentEligible[i] = Persons[i].FirstTraffickingYear is { } ft && ft - recentYears >= meta.VictimisationYears.First
                && ft - 1 <= meta.VictimisationYears.Last;
        }
    }

    public PersonRow[] Persons { get; }

    public Dictionary<string, int> Index { get; }

    public long[] TotalCases { get; }

    public long[] CasesBeforeTrafficking { get; }

    public int?[] FirstCaseYear { get; }

    public bool[,] LvbBySource { get; }

    public int[] Victimisations { get; }

    public bool[,] Categories { get; }

    public bool[] RecentVictim { get; }

    public bool[] RecentEligible { get; }

    /// <summary>LVB from any source (source = null) or from one source.</summary>
    public bool HasLvb(int i, LvbSource? source) =>
        source is { } s ? LvbBySource[i, (int)s] : LvbBySource[i, 0] || LvbBySource[i, 1] || LvbBySource[i, 2];

    public bool IsVictim(int i) => Victimisations[i] > 0;

    /// <summary>Indices of a cohort's persons, in <c>persons</c> order.</summary>
    public int[] Cohort(Cohort cohort) =>
        Enumerable.Range(0, Persons.Length).Where(i => Persons[i].Cohort == cohort).ToArray();
}
