namespace Trajectories.Registers.Io;

/// <summary>A <see cref="TableCursor"/> over a CSV file, through the strict <see cref="CsvReader"/>.</summary>
internal sealed class CsvTableCursor : TableCursor
{
    private readonly CsvReader _reader;
    private readonly int[] _index;

    public CsvTableCursor(string path, IReadOnlyList<string> columns)
        : base(path, columns)
    {
        _reader = new CsvReader(path);
        try
        {
            // Extra columns are ignored: only the required ones are looked up, by name, in any order.
            _index = columns.Select(_reader.Require).ToArray();
        }
        catch
        {
            _reader.Dispose();
            throw;
        }
    }

    public override long Line => _reader.RecordLine;

    public override bool CountsRows => false;

    public override bool Read() => _reader.Read();

    public override Cell Get(int column)
    {
        var text = _reader[_index[column]];
        return text.IsEmpty ? new Cell(CellKind.Empty) : new Cell(CellKind.Text, text: text);
    }

    public override void Dispose() => _reader.Dispose();
}
