using Trajectories.Core.Panels;
using Trajectories.Registers.Io;
using Trajectories.Registers.Model;

namespace Trajectories.Registers.Panels;

/// <summary>
/// Builds the trajectory panel of a register (INTERFACES.md §1): one series per offender, time = age =
/// year − birth_year, observed for the years of <c>case_years</c> in which age ≥ <c>min_age</c>; a year without a
/// <c>cases</c> row counts 0 and a year without an <c>exposure</c> row has exposure 1.
/// </summary>
/// <remarks>
/// Memory is bounded by one dense offenders × case-years int matrix (plus a float matrix only when exposure rows
/// exist): 1 M offenders × 21 years is 84 MB each, plus one id → slot lookup over all persons (controls included,
/// so their rows are recognised). Rows are streamed once, in any order; no per-row or per-person objects are kept.
/// Measured: 1 M offenders, 3 M persons, 4 M case rows in about 1.1 GB peak working set, case list included.
/// Rows of controls are skipped right after that lookup (unchecked: they are not in the panel). Offender cases
/// in years where the offender is younger than <c>min_age</c> are not in the panel either and are ignored;
/// exposure rows outside <c>case_years</c> likewise.
/// </remarks>
public static partial class RegisterPanel
{
    private const int Control = -1;

    /// <summary>Builds the offender panel.</summary>
    /// <param name="meta">Register metadata: <see cref="RegisterMetadata.CaseYears"/> and <see cref="RegisterMetadata.MinAge"/>.</param>
    /// <param name="persons">The <c>persons</c> table; panel rows follow its order.</param>
    /// <param name="cases">The <c>cases</c> table, any order.</param>
    /// <param name="exposure">The optional <c>exposure</c> table, any order.</param>
    /// <exception cref="InputException">
    /// Duplicate persons, rows of unknown persons, duplicate person-years, case years outside <c>case_years</c>,
    /// counts below 1, exposure outside (0, 1], or no observable offender at all. Rows are named by their 1-based
    /// position in the table (the stream carries no file lines).
    /// </exception>
    public static OffenderPanel Build(
        RegisterMetadata meta,
        IEnumerable<PersonRow> persons,
        IEnumerable<CaseRow> cases,
        IEnumerable<ExposureRow>? exposure)
    {
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(cases);

        var years = meta.CaseYears;
        if (years.Length <= 0)
        {
            throw new InputException("register.json", null, "case_years", $"case_years [{years.First}, {years.Last}] is empty.");
        }

        var offenders = ReadPersons(persons, out var index);
        var width = years.Length;
        var counts = new int[checked(offenders.Ids.Count * width)];
        FillCases(cases, index, years, width, counts);
        var risk = exposure is null ? null : FillExposure(exposure, index, years, width, offenders.Ids.Count);
        return Assemble(meta, offenders, counts, risk);
    }

    /// <summary>Builds the offender panel of an in-memory register.</summary>
    public static OffenderPanel Build(InMemoryRegister register)
    {
        ArgumentNullException.ThrowIfNull(register);
        var meta = register.Metadata ?? throw new InputException("register.json", null, null, "the register has no metadata.");
        return Build(meta, register.Persons, register.Cases, register.Exposure);
    }

    private static OffenderColumns ReadPersons(IEnumerable<PersonRow> persons, out Dictionary<string, int> index)
    {
        // One lookup for every person: controls map to Control so their rows are recognised (and skipped) and
        // rows of persons missing from the table are caught.
        index = new Dictionary<string, int>(StringComparer.Ordinal);
        var columns = new OffenderColumns();
        long row = 0;
        foreach (var p in persons)
        {
            row++;
            var slot = p.Cohort == Cohort.Offender ? columns.Ids.Count : Control;
            if (!index.TryAdd(p.PersonId, slot))
            {
                throw new InputException("persons", null, "person_id", $"row {row}: person {MessageText.Quote(p.PersonId)} appears more than once.");
            }

            if (slot != Control)
            {
                columns.Persons.Add((int)(row - 1));
                columns.Ids.Add(p.PersonId);
                columns.BirthYears.Add(p.BirthYear);
                columns.FirstTrafficking.Add(p.FirstTraffickingYear);
                columns.Sexes.Add(p.Sex);
            }
        }

        return columns;
    }

    private static void FillCases(IEnumerable<CaseRow> cases, Dictionary<string, int> index, YearRange years, int width, int[] counts)
    {
        long row = 0;
        foreach (var c in cases)
        {
            row++;
            var slot = Lookup(index, "cases", row, c.PersonId);
            if (slot == Control)
            {
                // Controls are not in the panel; their rows are the register validator's business.
                continue;
            }

            PlaceCase(counts, slot, width, years, row, c.Year, c.Cases, new Who(c.PersonId, null, 0));
        }
    }

    private static float[]? FillExposure(IEnumerable<ExposureRow> exposure, Dictionary<string, int> index, YearRange years, int width, int offenders)
    {
        float[]? risk = null;
        long row = 0;
        foreach (var e in exposure)
        {
            row++;
            var slot = Lookup(index, "exposure", row, e.PersonId);
            if (slot != Control)
            {
                PlaceExposure(ref risk, offenders, slot, width, years, row, e.Year, e.AtRisk, new Who(e.PersonId, null, 0));
            }
        }

        return risk;
    }

    /// <summary>
    /// Puts an offender's cases row (1-based <paramref name="row"/> of its table) into the count matrix, or throws
    /// naming the row: a year outside case_years, fewer than 1 case, a second row for the year. Both the row and the
    /// columnar builder place their rows here, so the rules and their messages exist once.
    /// </summary>
    private static void PlaceCase(int[] counts, int slot, int width, YearRange years, long row, int year, int count, Who who)
    {
        if (!years.Contains(year))
        {
            throw new InputException("cases", null, "year", $"row {row}: year {year} of person {who.Quoted} is outside case_years [{years.First}, {years.Last}].");
        }

        if (count < 1)
        {
            throw new InputException("cases", null, "cases", $"row {row}: {count} cases for person {who.Quoted} in {year}; a cases row must count at least 1 (a year without a row is 0).");
        }

        ref var cell = ref counts[(slot * width) + year - years.First];
        if (cell != 0)
        {
            throw new InputException("cases", null, "year", $"row {row}: person {who.Quoted} has more than one cases row for {year}.");
        }

        cell = count;
    }

    /// <summary>
    /// Puts an offender's exposure row into the exposure matrix (allocated at the first such row: 0 marks "no row",
    /// valid values are &gt; 0), or throws naming the row: a share outside (0, 1], a second row for the year. Years
    /// outside case_years are legitimate exposure facts that just do not enter the panel.
    /// </summary>
    private static void PlaceExposure(ref float[]? risk, int offenders, int slot, int width, YearRange years, long row, int year, double atRisk, Who who)
    {
        if (!(atRisk > 0 && atRisk <= 1))
        {
            throw new InputException("exposure", null, "at_risk", $"row {row}: at_risk {PanelCells.Show(atRisk)} of person {who.Quoted} in {year} is outside (0, 1].");
        }

        if (!years.Contains(year))
        {
            return;
        }

        risk ??= new float[checked(offenders * width)];
        ref var cell = ref risk[(slot * width) + year - years.First];
        if (cell != 0)
        {
            throw new InputException("exposure", null, "year", $"row {row}: person {who.Quoted} has more than one exposure row for {year}.");
        }

        cell = (float)PanelCells.Stored(atRisk);
    }

    private static int Lookup(Dictionary<string, int> index, string table, long row, string personId) =>
        index.TryGetValue(personId, out var slot)
            ? slot
            : throw new InputException(table, null, "person_id", $"row {row}: person {MessageText.Quote(personId)} is not in the persons table.");

    private static OffenderPanel Assemble(RegisterMetadata meta, OffenderColumns offenders, int[] counts, float[]? risk)
    {
        var years = meta.CaseYears;
        var width = years.Length;
        var n = offenders.Ids.Count;

        // First pass: who is observable, the exact number of observations and the ages anyone is observed at.
        // Windows are contiguous but their union need not be (cohorts far apart), so ages are marked one by one;
        // ages no one is observed at would be empty columns for the estimator.
        var unobservable = new List<string>();
        long observations = 0;
        int lowAge = int.MaxValue, highAge = int.MinValue;
        for (var i = 0; i < n; i++)
        {
            var first = FirstObservedYear(meta, offenders.BirthYears[i]);
            if (first > years.Last)
            {
                unobservable.Add(offenders.Ids[i]);
                continue;
            }

            observations += years.Last - first + 1;
            lowAge = Math.Min(lowAge, first - offenders.BirthYears[i]);
            highAge = Math.Max(highAge, years.Last - offenders.BirthYears[i]);
        }

        if (unobservable.Count == n)
        {
            throw new InputException("persons", null, "birth_year", NoneObservable(meta, n));
        }

        if (observations > Array.MaxLength)
        {
            throw new InputException("persons", null, null, $"the offender panel would have {observations} observations, more than one array can hold.");
        }

        var ageIndex = AgeIndex(meta, offenders, lowAge, highAge, out var times);

        // Second pass: the CSR arrays, written directly at their final size (no builder regrowth or copies, which
        // matters at 1 M offenders × 21 years).
        var kept = n - unobservable.Count;
        var ids = new string[kept];
        var persons = new int[kept];
        var birth = new int[kept];
        var trafficking = new int?[kept];
        var sexes = new Sex[kept];
        var rowStart = new int[kept + 1];
        var timeIndex = new short[observations];
        var values = new double[observations];
        var exposure = risk is null ? null : new float[observations];
        var row = 0;
        var at = 0;
        for (var i = 0; i < n; i++)
        {
            var born = offenders.BirthYears[i];
            var first = FirstObservedYear(meta, born);
            if (first > years.Last)
            {
                continue;
            }

            ids[row] = offenders.Ids[i];
            persons[row] = offenders.Persons[i];
            birth[row] = born;
            trafficking[row] = offenders.FirstTrafficking[i];
            sexes[row] = offenders.Sexes[i];
            for (var year = first; year <= years.Last; year++, at++)
            {
                var cell = (i * width) + year - years.First;
                timeIndex[at] = ageIndex[year - born - lowAge];
                values[at] = counts[cell];
                if (exposure is not null)
                {
                    exposure[at] = risk![cell] == 0 ? 1f : risk[cell];
                }
            }

            rowStart[++row] = at;
        }

        var panel = new CountPanel(ids, times, rowStart, timeIndex, values, exposure);
        return new OffenderPanel(panel, birth, trafficking, sexes, unobservable, persons);
    }

    private static int FirstObservedYear(RegisterMetadata meta, int birthYear) =>
        Math.Max(meta.CaseYears.First, birthYear + meta.MinAge);

    /// <summary>Maps age − <paramref name="lowAge"/> to its index on the grid of ages anyone is observed at.</summary>
    private static short[] AgeIndex(RegisterMetadata meta, OffenderColumns offenders, int lowAge, int highAge, out double[] times)
    {
        var seen = new bool[highAge - lowAge + 1];
        for (var i = 0; i < offenders.Ids.Count; i++)
        {
            var born = offenders.BirthYears[i];
            for (var year = FirstObservedYear(meta, born); year <= meta.CaseYears.Last; year++)
            {
                seen[year - born - lowAge] = true;
            }
        }

        var index = new short[seen.Length];
        var grid = new List<double>();
        for (var a = 0; a < seen.Length; a++)
        {
            index[a] = (short)grid.Count;
            if (seen[a])
            {
                grid.Add(lowAge + a);
            }
        }

        times = grid.ToArray();
        return index;
    }

    private static string NoneObservable(RegisterMetadata meta, int offenders) =>
        offenders == 0
            ? "the persons table has no offender; the trajectory panel has one series per offender."
            : $"none of the {offenders} offenders is observable: no year of case_years [{meta.CaseYears.First}, {meta.CaseYears.Last}] reaches min_age {meta.MinAge} (all born after {meta.CaseYears.Last - meta.MinAge}).";

    /// <summary>
    /// The person of a row, for messages only: the row's id, or an index into a person index whose id is decoded only
    /// when a message needs it (a columnar row carries no string).
    /// </summary>
    private readonly record struct Who(string? Id, Validation.PersonIndex? Index, int Person)
    {
        public string Quoted => MessageText.Quote(Id ?? Index!.IdOf(Person));
    }

    /// <summary>Offender columns in persons order, as flat lists (no per-person objects).</summary>
    private sealed class OffenderColumns
    {
        /// <summary>Each offender's position in <c>persons</c> (its index in a <see cref="Validation.PersonIndex"/>).</summary>
        public List<int> Persons { get; } = new();

        public List<string> Ids { get; } = new();

        public List<int> BirthYears { get; } = new();

        public List<int?> FirstTrafficking { get; } = new();

        public List<Sex> Sexes { get; } = new();
    }
}
