using Trajectories.Registers.Model;
using Trajectories.Registers.Validation;

namespace Trajectories.Registers.Columns;

/// <summary>
/// A validated register held as columns: the persons in a <see cref="PersonIndex"/> (ids as UTF-8 in one arena, dense
/// indices in file order) and each event table as <see cref="EventColumns{T}"/> keyed by that index. No row objects
/// and no string per row: 17 M persons and their events fit in a few GB, where lists of row records with string ids
/// took several times that. The source of the analysis (<c>StudyAnalysis</c>) and of the offender panel.
/// </summary>
public sealed class ColumnarRegister
{
    /// <summary>Creates an empty register over a person index (the event tables are filled by the loader).</summary>
    public ColumnarRegister(RegisterMetadata metadata, PersonIndex persons)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(persons);
        Metadata = metadata;
        Persons = persons;
    }

    /// <summary>The register's metadata.</summary>
    public RegisterMetadata Metadata { get; }

    /// <summary>The persons, dense indices in <c>persons</c> order.</summary>
    public PersonIndex Persons { get; }

    /// <summary><c>cases</c>: person, year, number of cases (≥ 1).</summary>
    public EventColumns<int> Cases { get; } = new();

    /// <summary><c>exposure</c>: person, year, share of the year at risk in (0, 1].</summary>
    public EventColumns<double> Exposure { get; } = new();

    /// <summary><c>lvb</c>: person, year, source.</summary>
    public EventColumns<LvbSource> Lvb { get; } = new();

    /// <summary><c>victimisations</c>: person, year, category.</summary>
    public EventColumns<VictimCategory> Victimisations { get; } = new();

    /// <summary><c>truth</c> (synthetic registers): person, 0, planted profile.</summary>
    public EventColumns<Profile> Truth { get; } = new();

    /// <summary>Approximate bytes held by the persons and the event tables.</summary>
    public long Bytes => Persons.Bytes + Cases.Bytes + Exposure.Bytes + Lvb.Bytes + Victimisations.Bytes + Truth.Bytes;

    /// <summary>
    /// The columns of an in-memory register (tests, the generator's output): persons are indexed in list order and
    /// every row is resolved to its person. The register must be consistent (a loaded or generated one is).
    /// </summary>
    /// <exception cref="Io.InputException">No metadata, a duplicate person or a row of an unknown person.</exception>
    public static ColumnarRegister From(InMemoryRegister register)
    {
        ArgumentNullException.ThrowIfNull(register);
        var meta = register.Metadata ?? throw new Io.InputException("register.json", null, null, "the register has no metadata.");
        // Messages as the row path's (RegisterPanel): rows named by their 1-based position in their table.
        var persons = new PersonIndex();
        long row = 0;
        foreach (var p in register.Persons)
        {
            row++;
            if (persons.Add(p, out _) < 0)
            {
                throw new Io.InputException("persons", null, "person_id", $"row {row}: person {Io.MessageText.Quote(p.PersonId)} appears more than once.");
            }
        }

        var columns = new ColumnarRegister(meta, persons);
        int Find(string table, long at, string id) => persons.Find(id) is var i and >= 0
            ? i
            : throw new Io.InputException(table, null, "person_id", $"row {at + 1}: person {Io.MessageText.Quote(id)} is not in the persons table.");
        Fill(register.Cases, (r, k) => columns.Cases.Add(Find("cases", k, r.PersonId), r.Year, r.Cases));
        Fill(register.Exposure, (r, k) => columns.Exposure.Add(Find("exposure", k, r.PersonId), r.Year, r.AtRisk));
        Fill(register.Lvb, (r, k) => columns.Lvb.Add(Find("lvb", k, r.PersonId), r.Year, r.Source));
        Fill(register.Victimisations, (r, k) => columns.Victimisations.Add(Find("victimisations", k, r.PersonId), r.Year, r.Category));
        Fill(register.Truth, (r, k) => columns.Truth.Add(Find("truth", k, r.PersonId), 0, r.Profile));
        return columns;
    }

    private static void Fill<TRow>(List<TRow> rows, Action<TRow, long> add)
    {
        for (var k = 0; k < rows.Count; k++)
        {
            add(rows[k], k);
        }
    }
}
