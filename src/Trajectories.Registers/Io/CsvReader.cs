using System.Text;

namespace Trajectories.Registers.Io;

/// <summary>
/// A streaming RFC 4180 CSV reader with strict checks: a header row is required, every record must have as many
/// fields as the header, column names must be unique, quotes must be well formed, the text must be UTF-8 (an error
/// names the line of the first bad byte). A UTF-8 byte-order mark and CRLF line ends are accepted
/// (spreadsheet exports carry them). Errors are <see cref="InputException"/>s naming file, line and column.
/// </summary>
/// <remarks>
/// One record is held at a time in a reusable char buffer, so memory stays flat however large the file.
/// Fields are exposed as spans into that buffer; they are valid until the next <see cref="Read"/>.
/// </remarks>
public sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly char[] _chunk = new char[1 << 16];
    private int _chunkLength;
    private int _chunkPos;
    private long _line = 1;
    private char[] _record = new char[256];
    private int _recordLength;
    private int[] _fieldStart = new int[16];
    private int[] _fieldLength = new int[16];
    private int _fieldCount;

    /// <summary>Opens <paramref name="path"/> and reads its header.</summary>
    public CsvReader(string path)
        : this(OpenFile(path), path)
    {
    }

    /// <summary>Reads CSV from a stream (owned and disposed by the reader); <paramref name="fileName"/> is used in messages.</summary>
    public CsvReader(Stream stream, string fileName)
    {
        FileName = fileName;
        _stream = stream;

        // No encoding detection: a UTF-16 or UTF-32 byte-order mark would switch the decoder and let a file that is
        // not UTF-8 through. A UTF-8 mark is skipped by hand, so the first header name is clean.
        _reader = new StreamReader(stream, new UTF8Encoding(false, true), false, 1 << 16);
        if (Peek() == '\uFEFF')
        {
            Next();
        }

        if (!ReadRecord())
        {
            throw new InputException(fileName, null, null, "the file is empty; expected a header row.");
        }

        var header = new string[_fieldCount];
        for (var i = 0; i < _fieldCount; i++)
        {
            header[i] = this[i].ToString().Trim();
        }

        if (header.All(h => h.Length == 0))
        {
            throw new InputException(fileName, 1, null, "the header row is empty; expected column names.");
        }

        // Columns are found by name: with two of one name, one would be read and the other silently ignored.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in header)
        {
            if (name.Length > 0 && !seen.Add(name))
            {
                throw new InputException(fileName, 1, name, "the column appears twice in the header; expected each column name once.");
            }
        }

        Header = header;
        RecordLine = 1;
    }

    /// <summary>The file name used in messages.</summary>
    public string FileName { get; }

    /// <summary>Column names from the header row, trimmed.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Line of the current record's first character (1-based; the header is line 1).</summary>
    public long RecordLine { get; private set; }

    /// <summary>Number of fields of the current record.</summary>
    public int FieldCount => _fieldCount;

    /// <summary>The raw text of field <paramref name="index"/> of the current record.</summary>
    public ReadOnlySpan<char> this[int index] => _record.AsSpan(_fieldStart[index], _fieldLength[index]);

    /// <summary>Index of a header column, or -1.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index of a required column; throws an <see cref="InputException"/> naming the missing column.</summary>
    public int Require(string column)
    {
        var i = IndexOf(column);
        if (i < 0)
        {
            throw new InputException(FileName, 1, column, $"required column '{column}' is missing from the header (found: {string.Join(", ", Header)}).");
        }

        return i;
    }

    /// <summary>Moves to the next record; false at end of file. Blank lines at the very end are ignored.</summary>
    public bool Read()
    {
        while (ReadRecord())
        {
            if (_fieldCount == 1 && _fieldLength[0] == 0 && !_lastRecordQuoted)
            {
                // A blank line: tolerated only as trailing lines; anything after it is an error.
                _pendingBlankLine ??= RecordLine;
                continue;
            }

            if (_pendingBlankLine is { } blank)
            {
                throw new InputException(FileName, blank, null, "blank line inside the data; expected a record.");
            }

            if (_fieldCount != Header.Count)
            {
                throw new InputException(FileName, RecordLine, null, $"the record has {_fieldCount} fields; the header has {Header.Count}.");
            }

            return true;
        }

        return false;
    }

    /// <summary>An <see cref="InputException"/> at the current record and the given column.</summary>
    public InputException Error(int column, string problem) =>
        new(FileName, RecordLine, column >= 0 && column < Header.Count ? Header[column] : null, problem);

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();

    private readonly Stream _stream;
    private long? _pendingBlankLine;
    private bool _lastRecordQuoted;

    private static Stream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path, null, null, $"cannot open the file: {e.Message}", e);
        }
    }

    private int Next()
    {
        if (_chunkPos == _chunkLength && !Fill())
        {
            return -1;
        }

        return _chunk[_chunkPos++];
    }

    private int Peek()
    {
        if (_chunkPos == _chunkLength && !Fill())
        {
            return -1;
        }

        return _chunk[_chunkPos];
    }

    private bool Fill()
    {
        try
        {
            _chunkLength = _reader.Read(_chunk, 0, _chunk.Length);
        }
        catch (DecoderFallbackException e)
        {
            // The decoder works a block of bytes ahead of the records, so the line being read is not where the bad
            // bytes are; the stream is read again from the start to find them (only on this error path).
            throw Utf8Position.Find(_stream) is { } at
                ? new InputException(FileName, at.Line, null, $"the file is not valid UTF-8: byte 0x{at.Byte:X2} at byte {at.Offset} of the line.", e)
                : new InputException(FileName, _line, null, "the file is not valid UTF-8.", e);
        }

        _chunkPos = 0;
        return _chunkLength > 0;
    }

    private bool ReadRecord()
    {
        _recordLength = 0;
        _fieldCount = 0;
        _lastRecordQuoted = false;
        RecordLine = _line;
        var c = Next();
        if (c < 0)
        {
            return false;
        }

        var fieldStart = 0;
        var inQuotes = false;
        var wasQuoted = false;
        var afterClosingQuote = false;
        while (true)
        {
            if (inQuotes)
            {
                if (c < 0)
                {
                    throw new InputException(FileName, RecordLine, FieldName(_fieldCount), "a quoted field is not closed before the end of the file.");
                }

                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        Next();
                        Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                        afterClosingQuote = true;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    Append((char)c);
                }
            }
            else if (c == ',' || c == '\n' || c == '\r' || c < 0)
            {
                AddField(fieldStart, _recordLength - fieldStart);
                _lastRecordQuoted |= wasQuoted;
                fieldStart = _recordLength;
                wasQuoted = false;
                afterClosingQuote = false;
                if (c != ',')
                {
                    if (c == '\r' && Peek() == '\n')
                    {
                        Next();
                    }

                    if (c >= 0)
                    {
                        _line++;
                    }

                    return true;
                }
            }
            else if (afterClosingQuote)
            {
                throw new InputException(FileName, RecordLine, FieldName(_fieldCount), "unexpected character after a closing quote; a quoted field must end at a comma or line end.");
            }
            else if (c == '"')
            {
                if (_recordLength != fieldStart)
                {
                    throw new InputException(FileName, RecordLine, FieldName(_fieldCount), "a quote inside an unquoted field; quote the whole field and double inner quotes.");
                }

                inQuotes = true;
                wasQuoted = true;
            }
            else
            {
                Append((char)c);
            }

            c = Next();
        }
    }

    private string? FieldName(int index) => Header is not null && index < Header.Count ? Header[index] : null;

    private void Append(char c)
    {
        if (_recordLength == _record.Length)
        {
            Array.Resize(ref _record, _record.Length * 2);
        }

        _record[_recordLength++] = c;
    }

    private void AddField(int start, int length)
    {
        if (_fieldCount == _fieldStart.Length)
        {
            Array.Resize(ref _fieldStart, _fieldCount * 2);
            Array.Resize(ref _fieldLength, _fieldCount * 2);
        }

        _fieldStart[_fieldCount] = start;
        _fieldLength[_fieldCount] = length;
        _fieldCount++;
    }
}
