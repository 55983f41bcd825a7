using Trajectories.Registers.Model;

namespace Trajectories.Registers.Synthetic.Calibration;

/// <summary>
/// Per-person summaries of an in-memory register (cases, LVB, victimisations, planted profile), computed once so
/// that every calibration figure is a simple average over a population. Reads only the register's tables.
/// </summary>
internal sealed class RegisterStatistics
{
    /// <summary>Last age for which yearly rates by age are kept.</summary>
    public const int MaxAge = 80;

    public RegisterStatistics(InMemoryRegister register)
    {
        ArgumentNullException.ThrowIfNull(register);
        Metadata = register.Metadata ?? SyntheticRegisterGenerator.Metadata(new GeneratorOptions());
        var count = register.Persons.Count;
        Persons = register.Persons.ToArray();
        var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            index[Persons[i].PersonId] = i;
        }

        Profiles = new Profile?[count];
        foreach (var row in register.Truth)
        {
            Profiles[index[row.PersonId]] = row.Profile;
        }

        TotalCases = new long[count];
        CasesBeforeTrafficking = new long[count];
        FirstCaseYear = Enumerable.Repeat(int.MaxValue, count).ToArray();
        CasesByAge = new double[4, MaxAge + 1];
        foreach (var row in register.Cases)
        {
            var i = index[row.PersonId];
            TotalCases[i] += row.Cases;
            FirstCaseYear[i] = Math.Min(FirstCaseYear[i], row.Year);
            var person = Persons[i];
            if (person.FirstTraffickingYear is { } ft && row.Year < ft)
            {
                CasesBeforeTrafficking[i] += row.Cases;
            }

            var age = row.Year - person.BirthYear;
            if (Profiles[i] is { } profile && age <= MaxAge)
            {
                CasesByAge[(int)profile, age] += row.Cases;
            }
        }

        PersonYearsByAge = new double[4, MaxAge + 1];
        for (var i = 0; i < count; i++)
        {
            if (Profiles[i] is not { } profile)
            {
                continue;
            }

            var birth = Persons[i].BirthYear;
            var first = Math.Max(Metadata.CaseYears.First, birth + Metadata.MinAge);
            for (var year = first; year <= Metadata.CaseYears.Last && year - birth <= MaxAge; year++)
            {
                PersonYearsByAge[(int)profile, year - birth] += 1;
            }
        }

        HasLvb = new bool[count];
        foreach (var row in register.Lvb)
        {
            HasLvb[index[row.PersonId]] = true;
        }

        Victimisations = new int[count];
        VictimCategories = new bool[count, 7];
        RecentVictim = new bool[count];
        foreach (var row in register.Victimisations)
        {
            var i = index[row.PersonId];
            Victimisations[i]++;
            VictimCategories[i, (int)row.Category] = true;
            if (Persons[i].FirstTraffickingYear is { } ft && row.Year < ft && row.Year >= ft - 3)
            {
                RecentVictim[i] = true;
            }
        }
    }

    public RegisterMetadata Metadata { get; }

    public PersonRow[] Persons { get; }

    public Profile?[] Profiles { get; }

    public long[] TotalCases { get; }

    public long[] CasesBeforeTrafficking { get; }

    public int[] FirstCaseYear { get; }

    /// <summary>Cases by planted profile and age.</summary>
    public double[,] CasesByAge { get; }

    /// <summary>Observed person-years (case years at age ≥ min age) by planted profile and age.</summary>
    public double[,] PersonYearsByAge { get; }

    public bool[] HasLvb { get; }

    public int[] Victimisations { get; }

    public bool[,] VictimCategories { get; }

    public bool[] RecentVictim { get; }

    /// <summary>Indices of a cohort's persons.</summary>
    public IEnumerable<int> Cohort(Cohort cohort) =>
        Enumerable.Range(0, Persons.Length).Where(i => Persons[i].Cohort == cohort);

    /// <summary>Indices of the offenders of a planted profile.</summary>
    public IEnumerable<int> Profile(Profile profile) =>
        Enumerable.Range(0, Persons.Length).Where(i => Profiles[i] == profile);

    /// <summary>Mean yearly cases of a profile over ages [from, to] (cases / person-years).</summary>
    public double RateOverAges(Profile profile, int from, int to)
    {
        double cases = 0, years = 0;
        for (var age = from; age <= Math.Min(to, MaxAge); age++)
        {
            cases += CasesByAge[(int)profile, age];
            years += PersonYearsByAge[(int)profile, age];
        }

        return years > 0 ? cases / years : 0.0;
    }

    /// <summary>
    /// Age at which a profile's 3-year moving-average rate peaks, among ages with enough person-years
    /// (≥ 2 % of the profile's largest age cell) for the mean to be stable.
    /// </summary>
    public int PeakAge(Profile profile, out double peakRate)
    {
        var k = (int)profile;
        var most = 0.0;
        for (var age = 0; age <= MaxAge; age++)
        {
            most = Math.Max(most, PersonYearsByAge[k, age]);
        }

        var peak = -1;
        peakRate = 0;
        for (var age = Metadata.MinAge + 1; age < MaxAge; age++)
        {
            if (PersonYearsByAge[k, age - 1] < 0.02 * most || PersonYearsByAge[k, age + 1] < 0.02 * most)
            {
                continue;
            }

            var rate = RateOverAges(profile, age - 1, age + 1);
            if (rate > peakRate)
            {
                peakRate = rate;
                peak = age;
            }
        }

        return peak;
    }
}
