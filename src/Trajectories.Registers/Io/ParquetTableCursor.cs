namespace Trajectories.Registers.Io;

/// <summary>
/// A <see cref="TableCursor"/> over a Parquet file, read with <see cref="ParquetColumnsReader"/> one row group at a
/// time: only the required columns of the current row group are in memory. <see cref="Line"/> is the 1-based data row.
/// </summary>
internal sealed class ParquetTableCursor : TableCursor
{
    private readonly ParquetColumnsReader _file;
    private readonly ParquetColumnValues[] _values;
    private int _group = -1;
    private int _groupRows;
    private int _index = -1;
    private long _row;

    public ParquetTableCursor(string path, IReadOnlyList<string> columns)
        : base(path, columns)
    {
        try
        {
            _file = ParquetColumnsReader.Open(path);
        }
        catch (InvalidDataException e)
        {
            throw new InputException(path, null, null, $"not a readable Parquet file: {e.Message}", e);
        }

        try
        {
            _values = new ParquetColumnValues[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                _values[i] = _file.Column(columns[i])
                    ?? throw new InputException(path, null, columns[i], $"required column '{columns[i]}' is missing from the schema (found: {string.Join(", ", _file.ColumnNames)}).");

                // Numbers keep their stored type; strings (and booleans, as true/false) are parsed by the same code as
                // CSV, so a year stored as a string still gets a precise message.
                if (_values[i].Kind == ParquetValueKind.Unsupported)
                {
                    throw new InputException(path, null, columns[i], $"column '{columns[i]}' is stored as {_file.TypeName(columns[i])}; store it as a number or text.");
                }
            }
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    public override long Line => _row;

    public override bool CountsRows => true;

    public override bool Read()
    {
        _index++;
        while (_index >= _groupRows)
        {
            if (_group + 1 >= _file.RowGroupCount)
            {
                return false;
            }

            _group++;
            try
            {
                _groupRows = _file.ReadRowGroup(_group, _values);
            }
            catch (InvalidDataException e)
            {
                throw new InputException(FileName, _row + 1, null, $"row {_row + 1}: the Parquet data cannot be read: {e.Message}", e);
            }

            _index = 0;
        }

        _row++;
        return true;
    }

    public override Cell Get(int column)
    {
        var values = _values[column];
        if (values.IsNull(_index))
        {
            return new Cell(CellKind.Empty);
        }

        return values.Kind switch
        {
            ParquetValueKind.Integer => new Cell(CellKind.Integer, integer: values.Integers[_index]),
            ParquetValueKind.Real => new Cell(CellKind.Real, real: values.Reals[_index]),
            ParquetValueKind.Boolean => Text(values.Booleans[_index] ? "true" : "false"),
            _ => Text(values.Texts[_index].Span),
        };
    }

    public override void Dispose() => _file.Dispose();

    // An empty string reads as an empty cell, as it does in CSV, so both formats give the same answer.
    private static Cell Text(ReadOnlySpan<char> text) => text.IsEmpty ? new Cell(CellKind.Empty) : new Cell(CellKind.Text, text: text);
}
