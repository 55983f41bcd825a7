using Trajectories.Registers.Columns;
using Trajectories.Registers.Io;
using Trajectories.Registers.Model;

namespace Trajectories.Registers.Panels;

/// <summary>The offender panel of a columnar register: the same panel as from rows, without an id lookup per row.</summary>
public static partial class RegisterPanel
{
    /// <summary>
    /// Builds the offender panel of a columnar register. Rows already carry their person's index, so the only
    /// per-person structure is one slot per person (offender → panel slot, others → none); the checks of the row
    /// path are kept (a columnar register built from an unvalidated in-memory one needs them), with rows named by
    /// their 1-based position in the table.
    /// </summary>
    /// <exception cref="InputException">As <see cref="Build(RegisterMetadata, IEnumerable{PersonRow}, IEnumerable{CaseRow}, IEnumerable{ExposureRow}?)"/>.</exception>
    public static OffenderPanel Build(ColumnarRegister register)
    {
        ArgumentNullException.ThrowIfNull(register);
        var meta = register.Metadata;
        var years = meta.CaseYears;
        if (years.Length <= 0)
        {
            throw new InputException("register.json", null, "case_years", $"case_years [{years.First}, {years.Last}] is empty.");
        }

        var persons = register.Persons;
        var slots = new int[persons.Count];
        var offenders = new OffenderColumns();
        for (var i = 0; i < persons.Count; i++)
        {
            if (persons.CohortOf(i) != Cohort.Offender)
            {
                slots[i] = Control;
                continue;
            }

            slots[i] = offenders.Ids.Count;
            offenders.Persons.Add(i);
            offenders.Ids.Add(persons.IdOf(i));
            offenders.BirthYears.Add(persons.BirthYearOf(i));
            offenders.FirstTrafficking.Add(persons.FirstTraffickingYearOf(i));
            offenders.Sexes.Add(persons.SexOf(i));
        }

        var width = years.Length;
        var counts = new int[checked(offenders.Ids.Count * width)];
        FillCases(register, slots, width, counts);
        var risk = register.Exposure.Count == 0 ? null : FillExposure(register, slots, width, offenders.Ids.Count);
        return Assemble(meta, offenders, counts, risk);
    }

    private static void FillCases(ColumnarRegister register, int[] slots, int width, int[] counts)
    {
        var years = register.Metadata.CaseYears;
        var cases = register.Cases;
        for (long row = 0; row < cases.Count; row++)
        {
            var person = cases.Person(row);
            var slot = slots[person];
            if (slot != Control)
            {
                PlaceCase(counts, slot, width, years, row + 1, cases.Year(row), cases.Value(row), new Who(null, register.Persons, person));
            }
        }
    }

    private static float[]? FillExposure(ColumnarRegister register, int[] slots, int width, int offenders)
    {
        var years = register.Metadata.CaseYears;
        var exposure = register.Exposure;
        float[]? risk = null;
        for (long row = 0; row < exposure.Count; row++)
        {
            var person = exposure.Person(row);
            var slot = slots[person];
            if (slot != Control)
            {
                PlaceExposure(ref risk, offenders, slot, width, years, row + 1, exposure.Year(row), exposure.Value(row), new Who(null, register.Persons, person));
            }
        }

        return risk;
    }
}
