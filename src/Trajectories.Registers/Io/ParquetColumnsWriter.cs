using System.IO.Compression;
using Parquet;
using Parquet.Schema;

namespace Trajectories.Registers.Io;

/// <summary>
/// Writes one Parquet file row by row with Parquet.Net: each row sets every column, <see cref="EndRow"/> closes it, and
/// every <c>rowGroupSize</c> rows become one row group, so memory holds one row group, not the table.
/// <see cref="Complete"/> writes the last row group and the footer; disposing without it deletes the partial file.
/// </summary>
/// <remarks>
/// Compression is zstd at Parquet.Net's fastest level, chosen by measurement on the 3 M-person register (22 M rows;
/// benchmarks/README.md, "Parquet IO with Parquet.Net"): 31 MB for about 15 % more CPU than Snappy's 111 MB (Snappy
/// and gzip barely compress the id columns); Parquet.Net 6.1's default level, smallest size, wrote the same register
/// in 150 s of CPU instead of 6 s, for 23 MB.
/// </remarks>
public sealed class ParquetColumnsWriter : IDisposable
{
    /// <summary>
    /// Rows per row group (128 Ki, the order of other writers' defaults): a writer and a reader hold one row group per
    /// table, and with 1 M rows the 3 M-person register took 3.5× the peak memory to write and 4× to read
    /// (benchmarks/README.md) for the same file size and no faster reading.
    /// </summary>
    public const int DefaultRowGroupSize = 131_072;

    private const int InitialRows = 1024;

    private readonly string _path;
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly ParquetColumnBuffer[] _columns;
    private readonly int _rowGroupSize;
    private int _capacity;
    private int _rows;
    private bool _completed;

    /// <summary>Creates (or replaces) <paramref name="path"/> with the given columns, in that order.</summary>
    public ParquetColumnsWriter(string path, IReadOnlyList<ParquetColumn> columns, int rowGroupSize = DefaultRowGroupSize)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
        if (columns.Count == 0)
        {
            throw new ArgumentException("a Parquet file needs at least one column.", nameof(columns));
        }

        _path = path;
        _rowGroupSize = rowGroupSize;
        _columns = columns.Select(ParquetColumnBuffer.For).ToArray();
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = CompressionLevel.Fastest };
        foreach (var column in _columns.Where(c => c.Column.Dictionary))
        {
            options.ColumnEncodingHints[column.Field.Path.ToString()] = EncodingHint.Dictionary;
        }

        Grow();
        _stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        try
        {
            var schema = new ParquetSchema(_columns.Select(c => (Field)c.Field).ToArray());
            _writer = Blocking.Wait(() => ParquetWriter.CreateAsync(schema, _stream, options));
        }
        catch
        {
            _stream.Dispose();
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Sets an <see cref="ParquetColumnType.Int32"/> cell of the current row.</summary>
    public void SetInt32(int column, int? value) => Buffer<int>(column).Set(_rows, value);

    /// <summary>Sets an <see cref="ParquetColumnType.Int64"/> cell of the current row.</summary>
    public void SetInt64(int column, long? value) => Buffer<long>(column).Set(_rows, value);

    /// <summary>Sets a <see cref="ParquetColumnType.Double"/> cell of the current row (stored as given, NaN included).</summary>
    public void SetDouble(int column, double? value) => Buffer<double>(column).Set(_rows, value);

    /// <summary>Sets a <see cref="ParquetColumnType.Boolean"/> cell of the current row.</summary>
    public void SetBoolean(int column, bool? value) => Buffer<bool>(column).Set(_rows, value);

    /// <summary>Sets a <see cref="ParquetColumnType.Text"/> cell of the current row (the string is kept, not copied).</summary>
    public void SetText(int column, string? value) => Buffer<ReadOnlyMemory<char>>(column).Set(_rows, value?.AsMemory());

    /// <summary>Ends the current row; a full row group is written out.</summary>
    public void EndRow()
    {
        _rows++;
        if (_rows == _rowGroupSize)
        {
            WriteRowGroup();
        }
        else if (_rows == _capacity)
        {
            Grow();
        }
    }

    /// <summary>Writes the rows not yet written and the footer, and closes the file.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (_rows > 0)
        {
            WriteRowGroup();
        }

        // The footer (schema, row groups, statistics) is written when the writer is disposed.
        Blocking.Wait(() => _writer.DisposeAsync().AsTask());
        _stream.Dispose();
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_completed)
        {
            return;
        }

        // Not completed: an exception is on its way. The partial file has no footer, so it is removed rather than
        // left behind for a reader to reject.
        _stream.Dispose();
        File.Delete(_path);
        _completed = true;
    }

    private ParquetColumnBuffer<T> Buffer<T>(int column)
        where T : struct =>
        _columns[column] as ParquetColumnBuffer<T>
            ?? throw new InvalidOperationException($"column '{_columns[column].Column.Name}' is {_columns[column].Column.Type}, not {typeof(T).Name}.");

    // Buffers start at 1 Ki rows and double up to the row group size, so a small table never reserves a whole group.
    private void Grow()
    {
        _capacity = Math.Min(_rowGroupSize, Math.Max(InitialRows, _capacity * 2));
        foreach (var column in _columns)
        {
            column.Resize(_capacity);
        }
    }

    private void WriteRowGroup()
    {
        Blocking.Wait(async () =>
        {
            using var group = _writer.CreateRowGroup();
            foreach (var column in _columns)
            {
                await column.WriteAsync(group, _rows);
            }

            group.CompleteValidate();
        });
        _rows = 0;
    }
}
