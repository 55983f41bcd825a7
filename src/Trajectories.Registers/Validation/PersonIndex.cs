using Trajectories.Registers.Model;

namespace Trajectories.Registers.Validation;

/// <summary>
/// The persons of a register in compact form (id → cohort, sex, birth year, first trafficking year, match), dense
/// indices in file order: what cross-table validation needs to hold while every other table streams past.
/// Measured at 3 M persons with 9-character ids and 1 M match ids: 143 MB (about 48 bytes a person, growth slack
/// included), against 192 MB for dictionaries of string objects with the same fields.
/// </summary>
public sealed class PersonIndex
{
    private readonly IdTable _ids = new();
    private readonly IdTable _matches = new();
    private byte[] _cohortSex = new byte[1024];
    private short[] _birthYear = new short[1024];
    private short[] _firstTrafficking = new short[1024];
    private int[] _match = new int[1024];

    /// <summary>Number of persons.</summary>
    public int Count => _ids.Count;

    /// <summary>Number of distinct match ids.</summary>
    public int MatchCount => _matches.Count;

    /// <summary>Approximate bytes held by the index.</summary>
    public long Bytes => _ids.Bytes + _matches.Bytes + _cohortSex.LongLength + (2L * _birthYear.Length) + (2L * _firstTrafficking.Length) + (4L * _match.Length);

    /// <summary>
    /// Adds a person and returns its index, or -1 when the id is already present. Birth and trafficking years must
    /// fit in 16 bits (the validator checks plausibility first).
    /// </summary>
    public int Add(in PersonRow row, out int match)
    {
        var index = _ids.GetOrAdd(row.PersonId, out var added);
        if (!added)
        {
            match = -1;
            return -1;
        }

        match = _matches.GetOrAdd(row.MatchId, out _);
        if (index == _match.Length)
        {
            var n = index * 2;
            Array.Resize(ref _cohortSex, n);
            Array.Resize(ref _birthYear, n);
            Array.Resize(ref _firstTrafficking, n);
            Array.Resize(ref _match, n);
        }

        _cohortSex[index] = (byte)((int)row.Cohort | ((int)row.Sex << 4));
        _birthYear[index] = checked((short)row.BirthYear);
        _firstTrafficking[index] = row.FirstTraffickingYear is { } y ? checked((short)y) : (short)0;
        _match[index] = match;
        return index;
    }

    /// <summary>Gives back the growth slack of every array once the persons table is read (see <see cref="IdTable.TrimExcess"/>).</summary>
    public void TrimExcess()
    {
        _ids.TrimExcess();
        _matches.TrimExcess();
        var n = Math.Max(1, Count);
        Array.Resize(ref _cohortSex, n);
        Array.Resize(ref _birthYear, n);
        Array.Resize(ref _firstTrafficking, n);
        Array.Resize(ref _match, n);
    }

    /// <summary>The index of <paramref name="personId"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> personId) => _ids.Find(personId);

    /// <summary>The id of person <paramref name="index"/>.</summary>
    public string IdOf(int index) => _ids[index];

    /// <summary>The match id with index <paramref name="match"/>.</summary>
    public string MatchIdOf(int match) => _matches[match];

    /// <summary>Cohort of person <paramref name="index"/>.</summary>
    public Cohort CohortOf(int index) => (Cohort)(_cohortSex[index] & 0xF);

    /// <summary>Sex of person <paramref name="index"/>.</summary>
    public Sex SexOf(int index) => (Sex)(_cohortSex[index] >> 4);

    /// <summary>Birth year of person <paramref name="index"/>.</summary>
    public int BirthYearOf(int index) => _birthYear[index];

    /// <summary>First trafficking year of person <paramref name="index"/>, or null.</summary>
    public int? FirstTraffickingYearOf(int index) => _firstTrafficking[index] == 0 ? null : _firstTrafficking[index];

    /// <summary>Match index of person <paramref name="index"/>.</summary>
    public int MatchOf(int index) => _match[index];
}
