namespace Trajectories.Registers.Io;

/// <summary>How <see cref="ParquetColumnsReader"/> gives a column's cells.</summary>
public enum ParquetValueKind
{
    /// <summary>Any integer type up to 64 bits, as <see cref="long"/>.</summary>
    Integer,

    /// <summary>FLOAT, DOUBLE or DECIMAL, as <see cref="double"/>.</summary>
    Real,

    /// <summary>BOOLEAN.</summary>
    Boolean,

    /// <summary>A string (or a byte array without annotation, read as UTF-8, as Spark writes strings).</summary>
    Text,

    /// <summary>Anything else (dates, timestamps, lists, structs…): present but not readable as a cell.</summary>
    Unsupported,
}

/// <summary>
/// The cells of one column in one row group, as read by <see cref="ParquetColumnsReader.ReadRowGroup"/>. Only the
/// array of the column's <see cref="Kind"/> is filled; the arrays are reused from row group to row group.
/// </summary>
public sealed class ParquetColumnValues
{
    private long[] _integers = [];
    private double[] _reals = [];
    private bool[] _booleans = [];
    private ReadOnlyMemory<char>[] _texts = [];
    private bool[] _nulls = [];

    internal ParquetColumnValues(string name, ParquetValueKind kind)
    {
        Name = name;
        Kind = kind;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>Which of the value arrays holds the cells.</summary>
    public ParquetValueKind Kind { get; }

    /// <summary>Cells of an <see cref="ParquetValueKind.Integer"/> column (0 where null).</summary>
    public ReadOnlySpan<long> Integers => _integers;

    /// <summary>Cells of a <see cref="ParquetValueKind.Real"/> column (0 where null).</summary>
    public ReadOnlySpan<double> Reals => _reals;

    /// <summary>Cells of a <see cref="ParquetValueKind.Boolean"/> column (false where null).</summary>
    public ReadOnlySpan<bool> Booleans => _booleans;

    /// <summary>Cells of a <see cref="ParquetValueKind.Text"/> column (empty where null).</summary>
    public ReadOnlySpan<ReadOnlyMemory<char>> Texts => _texts;

    /// <summary>True where row <paramref name="row"/> of the group is null.</summary>
    public bool IsNull(int row) => _nulls[row];

    internal long[] IntegerBuffer(int rows) => Fit(ref _integers, rows);

    internal double[] RealBuffer(int rows) => Fit(ref _reals, rows);

    internal bool[] BooleanBuffer(int rows) => Fit(ref _booleans, rows);

    internal ReadOnlyMemory<char>[] TextBuffer(int rows) => Fit(ref _texts, rows);

    internal bool[] NullBuffer(int rows) => Fit(ref _nulls, rows);

    // Exactly the group's length, so the spans above end where the group ends.
    private static T[] Fit<T>(ref T[] array, int rows)
    {
        if (array.Length != rows)
        {
            array = new T[rows];
        }

        return array;
    }
}
