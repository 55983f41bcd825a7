namespace Trajectories.Registers.Columns;

/// <summary>
/// The rows of one event table (cases, exposure, LVB, victimisations, truth) as three columns: the person's dense
/// index in the register's <see cref="Validation.PersonIndex"/>, the year, and the table's one value. Rows are kept
/// in blocks of 2^20 (the first one grows there from 256), so a table of 50 M rows costs its 7–14 bytes a row and
/// never a doubling copy of the whole.
/// </summary>
/// <typeparam name="T">The value column's type (a count, a share at risk, an enum code).</typeparam>
public sealed class EventColumns<T>
    where T : unmanaged
{
    private const int BlockBits = 20;
    private const int BlockSize = 1 << BlockBits;
    private const int BlockMask = BlockSize - 1;
    private readonly List<int[]> _persons = new();
    private readonly List<short[]> _years = new();
    private readonly List<T[]> _values = new();

    /// <summary>Number of rows.</summary>
    public long Count { get; private set; }

    /// <summary>Approximate bytes held.</summary>
    public long Bytes => _persons.Sum(b => (long)b.Length) * (6 + System.Runtime.CompilerServices.Unsafe.SizeOf<T>());

    /// <summary>Appends a row; <paramref name="year"/> must fit in 16 bits (the validator's year windows do).</summary>
    public void Add(int person, int year, T value)
    {
        var offset = (int)(Count & BlockMask);
        if (offset == 0)
        {
            // A new block starts small and doubles up to the block size, so a small register stays small.
            _persons.Add(new int[Count == 0 ? 256 : BlockSize]);
            _years.Add(new short[_persons[^1].Length]);
            _values.Add(new T[_persons[^1].Length]);
        }
        else if (offset == _persons[^1].Length)
        {
            var grown = Math.Min(BlockSize, offset * 2);
            _persons[^1] = Grow(_persons[^1], grown);
            _years[^1] = Grow(_years[^1], grown);
            _values[^1] = Grow(_values[^1], grown);
        }

        var block = _persons.Count - 1;
        _persons[block][offset] = person;
        _years[block][offset] = checked((short)year);
        _values[block][offset] = value;
        Count++;
    }

    /// <summary>The person index of row <paramref name="row"/>.</summary>
    public int Person(long row) => _persons[(int)(row >> BlockBits)][row & BlockMask];

    /// <summary>The year of row <paramref name="row"/>.</summary>
    public int Year(long row) => _years[(int)(row >> BlockBits)][row & BlockMask];

    /// <summary>The value of row <paramref name="row"/>.</summary>
    public T Value(long row) => _values[(int)(row >> BlockBits)][row & BlockMask];

    private static TItem[] Grow<TItem>(TItem[] array, int length)
    {
        Array.Resize(ref array, length);
        return array;
    }
}
