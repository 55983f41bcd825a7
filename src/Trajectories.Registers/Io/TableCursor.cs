namespace Trajectories.Registers.Io;

/// <summary>How a cell was stored: empty/NULL, a native integer, a native real, or text to be parsed.</summary>
internal enum CellKind
{
    Empty,
    Integer,
    Real,
    Text,
}

/// <summary>
/// One cell of the current row. CSV cells are always text; Parquet cells keep their native type so that numbers are
/// not formatted and re-parsed (which could change a double).
/// </summary>
internal readonly ref struct Cell
{
    public Cell(CellKind kind, long integer = 0, double real = 0, ReadOnlySpan<char> text = default)
    {
        Kind = kind;
        Integer = integer;
        Real = real;
        Text = text;
    }

    public CellKind Kind { get; }

    public long Integer { get; }

    public double Real { get; }

    public ReadOnlySpan<char> Text { get; }

    /// <summary>The cell as the user would see it, for messages: control characters escaped, long text cut.</summary>
    public string Display() => Kind switch
    {
        CellKind.Empty => string.Empty,
        CellKind.Integer => Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CellKind.Real => Real.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => MessageText.Shorten(Text, MessageText.MaxValueLength),
    };
}

/// <summary>
/// A forward-only cursor over the rows of one table file, whatever its format. The typed row readers parse cells
/// through it, so CSV and Parquet share one set of checks and messages.
/// </summary>
internal abstract class TableCursor : IDisposable
{
    protected TableCursor(string fileName, IReadOnlyList<string> columns)
    {
        FileName = fileName;
        Columns = columns;
    }

    /// <summary>The file, as named in messages.</summary>
    public string FileName { get; }

    /// <summary>The required columns, in the order the readers index them.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Where the current row is: the CSV line (header = 1) or the 1-based Parquet data row.</summary>
    public abstract long Line { get; }

    /// <summary>True when <see cref="Line"/> counts data rows (Parquet) rather than file lines.</summary>
    public abstract bool CountsRows { get; }

    /// <summary>Moves to the next row; false at the end.</summary>
    public abstract bool Read();

    /// <summary>Cell <paramref name="column"/> (an index into <see cref="Columns"/>) of the current row.</summary>
    public abstract Cell Get(int column);

    /// <summary>An error at the current row and column <paramref name="column"/> (an index into <see cref="Columns"/>).</summary>
    public InputException Error(int column, string problem) =>
        new(FileName, Line, Columns[column], CountsRows ? $"row {Line}: {problem}" : problem);

    /// <inheritdoc />
    public abstract void Dispose();
}
