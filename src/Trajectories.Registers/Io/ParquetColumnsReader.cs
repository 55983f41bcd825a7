using System.Buffers;
using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Schema;

namespace Trajectories.Registers.Io;

/// <summary>
/// Reads the top-level columns of a Parquet file with Parquet.Net, one row group at a time: memory holds the asked
/// columns of one row group, never the file. Integers of any width come as <see cref="long"/>, FLOAT/DOUBLE/DECIMAL as
/// <see cref="double"/>, strings as character memory, booleans as such, each cell with its null flag.
/// </summary>
/// <remarks>Every failure to read the file is an <see cref="InvalidDataException"/> whose message says what is wrong,
/// so callers report it in their own terms (file, row) without knowing Parquet.Net's exception types.</remarks>
public sealed class ParquetColumnsReader : IDisposable
{
    private readonly FileStream _stream;
    private readonly ParquetReader _reader;
    private readonly Dictionary<string, Field> _fields;

    private ParquetColumnsReader(FileStream stream, ParquetReader reader)
    {
        _stream = stream;
        _reader = reader;
        var fields = reader.Schema.Fields;
        ColumnNames = fields.Select(f => f.Name).ToArray();
        _fields = new Dictionary<string, Field>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            _fields.TryAdd(field.Name, field);
        }
    }

    /// <summary>The top-level column names, in file order.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The number of rows in the file.</summary>
    public long RowCount => _reader.Metadata?.NumRows ?? 0;

    /// <summary>The number of row groups (0 for a file without rows).</summary>
    public int RowGroupCount => _reader.RowGroupCount;

    /// <summary>Opens <paramref name="path"/> and reads its footer.</summary>
    /// <exception cref="InvalidDataException">The file is not a readable Parquet file.</exception>
    public static ParquetColumnsReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream? stream = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

            // A byte array without a string annotation is how some writers (Spark, Impala) store text.
            var options = new ParquetOptions { TreatByteArrayAsString = true };
            var reader = Blocking.Wait(() => ParquetReader.CreateAsync(stream, options, leaveStreamOpen: true));
            return new ParquetColumnsReader(stream, reader);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stream?.Dispose();
            throw new InvalidDataException(e.Message, e);
        }
    }

    /// <summary>
    /// A holder for the cells of column <paramref name="name"/>, to pass to <see cref="ReadRowGroup"/>; null when the
    /// file has no such column. Check <see cref="ParquetColumnValues.Kind"/>: an unsupported column cannot be read.
    /// </summary>
    public ParquetColumnValues? Column(string name) =>
        _fields.TryGetValue(name, out var field) ? new ParquetColumnValues(name, Classify(field)) : null;

    /// <summary>The stored type of column <paramref name="name"/> as Parquet.Net names it, for messages.</summary>
    public string TypeName(string name) => !_fields.TryGetValue(name, out var field) ? "absent"
        : field is not DataField data ? field.SchemaType.ToString()
        : data.ClrType == typeof(ReadOnlyMemory<byte>) ? "bytes"
        : data.IsArray ? data.ClrType.Name + " list"
        : data.ClrType.Name;

    /// <summary>Reads row group <paramref name="group"/> into <paramref name="columns"/>; returns its row count.</summary>
    /// <exception cref="InvalidDataException">The row group cannot be decoded.</exception>
    public int ReadRowGroup(int group, IReadOnlyList<ParquetColumnValues> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.FirstOrDefault(c => c.Kind == ParquetValueKind.Unsupported) is { } unsupported)
        {
            throw new InvalidOperationException($"column '{unsupported.Name}' is of an unsupported type.");
        }

        try
        {
            var reader = _reader.RowGroups[group];
            var rows = checked((int)reader.RowCount);
            Blocking.Wait(async () =>
            {
                foreach (var column in columns)
                {
                    await ReadAsync(reader, (DataField)_fields[column.Name], column, rows);
                }
            });
            return rows;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The reader only releases the stream, which it was told to leave open; the stream is closed here.
        _stream.Dispose();
    }

    private static ParquetValueKind Classify(Field field)
    {
        if (field is not DataField data || data.IsArray || data.MaxRepetitionLevel > 0)
        {
            return ParquetValueKind.Unsupported;
        }

        // Parquet.Net gives strings as character memory (string in older schemas).
        if (data.ClrType == typeof(ReadOnlyMemory<char>))
        {
            return ParquetValueKind.Text;
        }

        return Type.GetTypeCode(data.ClrType) switch
        {
            TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 => ParquetValueKind.Integer,
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => ParquetValueKind.Real,
            TypeCode.Boolean => ParquetValueKind.Boolean,
            TypeCode.String => ParquetValueKind.Text,
            _ => ParquetValueKind.Unsupported,
        };
    }

    private static Task ReadAsync(ParquetRowGroupReader group, DataField field, ParquetColumnValues into, int rows)
    {
        var nulls = into.NullBuffer(rows);
        return Type.GetTypeCode(field.ClrType) switch
        {
            TypeCode.SByte => Read<sbyte, long>(group, field, rows, into.IntegerBuffer(rows), nulls, v => v),
            TypeCode.Byte => Read<byte, long>(group, field, rows, into.IntegerBuffer(rows), nulls, v => v),
            TypeCode.Int16 => Read<short, long>(group, field, rows, into.IntegerBuffer(rows), nulls, v => v),
            TypeCode.UInt16 => Read<ushort, long>(group, field, rows, into.IntegerBuffer(rows), nulls, v => v),
            TypeCode.Int32 => Read<int, long>(group, field, rows, into.IntegerBuffer(rows), nulls, v => v),
            TypeCode.UInt32 => Read<uint, long>(group, field, rows, into.IntegerBuffer(rows), nulls, v => v),
            TypeCode.Int64 => Read<long, long>(group, field, rows, into.IntegerBuffer(rows), nulls, v => v),
            TypeCode.UInt64 => Read<ulong, long>(group, field, rows, into.IntegerBuffer(rows), nulls, v => checked((long)v)),
            TypeCode.Single => Read<float, double>(group, field, rows, into.RealBuffer(rows), nulls, v => v),
            TypeCode.Double => Read<double, double>(group, field, rows, into.RealBuffer(rows), nulls, v => v),
            TypeCode.Decimal => Read<decimal, double>(group, field, rows, into.RealBuffer(rows), nulls, v => (double)v),
            TypeCode.Boolean => Read<bool, bool>(group, field, rows, into.BooleanBuffer(rows), nulls, v => v),
            _ => Read<ReadOnlyMemory<char>, ReadOnlyMemory<char>>(group, field, rows, into.TextBuffer(rows), nulls, v => v),
        };
    }

    /// <summary>
    /// Reads the stored values (non-null ones only, in order) and the definition levels, then spreads the values over
    /// the rows: a row whose level is below the maximum is null.
    /// </summary>
    private static async Task Read<T, TOut>(ParquetRowGroupReader group, DataField field, int rows, TOut[] into, bool[] nulls, Func<T, TOut> convert)
        where T : struct
    {
        if (rows == 0)
        {
            return;
        }

        var values = ArrayPool<T>.Shared.Rent(rows);
        var levels = field.MaxDefinitionLevel > 0 ? ArrayPool<int>.Shared.Rent(rows) : null;
        try
        {
            await group.ReadRawAsync(field, values.AsMemory(0, rows), levels?.AsMemory(0, rows), null);
            Spread(values, levels, field.MaxDefinitionLevel, rows, into, nulls, convert);
        }
        finally
        {
            // Text values point at decoded strings; clearing lets them go with the row group.
            ArrayPool<T>.Shared.Return(values, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            if (levels is not null)
            {
                ArrayPool<int>.Shared.Return(levels);
            }
        }
    }

    private static void Spread<T, TOut>(T[] values, int[]? levels, int maxLevel, int rows, TOut[] into, bool[] nulls, Func<T, TOut> convert)
    {
        if (levels is null)
        {
            Array.Clear(nulls, 0, rows);
            for (var i = 0; i < rows; i++)
            {
                into[i] = convert(values[i]);
            }

            return;
        }

        var next = 0;
        for (var i = 0; i < rows; i++)
        {
            var isNull = levels[i] < maxLevel;
            nulls[i] = isNull;
            into[i] = isNull ? default! : convert(values[next++]);
        }
    }
}
