using Parquet;
using Parquet.Schema;

namespace Trajectories.Registers.Io;

/// <summary>The cells of one column for the row group being filled, written to the row group when it is full.</summary>
internal abstract class ParquetColumnBuffer
{
    protected ParquetColumnBuffer(ParquetColumn column, DataField field)
    {
        Column = column;
        Field = field;
    }

    public ParquetColumn Column { get; }

    public DataField Field { get; }

    /// <summary>Makes room for <paramref name="rows"/> cells, keeping those set.</summary>
    public abstract void Resize(int rows);

    /// <summary>Writes the first <paramref name="rows"/> cells as this column's chunk of <paramref name="group"/>.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter group, int rows);

    /// <summary>A buffer for <paramref name="column"/>, with its Parquet field.</summary>
    public static ParquetColumnBuffer For(ParquetColumn column) => column.Type switch
    {
        ParquetColumnType.Int32 => new ParquetColumnBuffer<int>(column),
        ParquetColumnType.Int64 => new ParquetColumnBuffer<long>(column),
        ParquetColumnType.Double => new ParquetColumnBuffer<double>(column),
        ParquetColumnType.Boolean => new ParquetColumnBuffer<bool>(column),
        ParquetColumnType.Text => new ParquetColumnBuffer<ReadOnlyMemory<char>>(column),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "unknown column type"),
    };
}

/// <summary>
/// Cells of type <typeparamref name="T"/> (text as <see cref="ReadOnlyMemory{T}"/> of char, which Parquet.Net writes
/// without copying the strings). A nullable column keeps <c>T?</c> cells, a required one plain <c>T</c>.
/// </summary>
internal sealed class ParquetColumnBuffer<T> : ParquetColumnBuffer
    where T : struct
{
    private T[] _values = [];
    private T?[] _nullable = [];

    public ParquetColumnBuffer(ParquetColumn column)
        : base(column, new DataField(column.Name, typeof(T) == typeof(ReadOnlyMemory<char>) ? typeof(string) : typeof(T), column.Nullable))
    {
    }

    public override void Resize(int rows)
    {
        if (Column.Nullable)
        {
            Array.Resize(ref _nullable, rows);
        }
        else
        {
            Array.Resize(ref _values, rows);
        }
    }

    /// <summary>Sets row <paramref name="row"/>; null only in a nullable column.</summary>
    public void Set(int row, T? value)
    {
        if (Column.Nullable)
        {
            _nullable[row] = value;
        }
        else
        {
            _values[row] = value ?? throw new ArgumentNullException(nameof(value), $"column '{Column.Name}' is not nullable.");
        }
    }

    public override Task WriteAsync(ParquetRowGroupWriter group, int rows) =>
        Column.Nullable
            ? group.WriteAsync<T>(Field, new ReadOnlyMemory<T?>(_nullable, 0, rows))
            : group.WriteAsync<T>(Field, new ReadOnlyMemory<T>(_values, 0, rows));
}
