using System.Data.Common;
using DuckDB.NET.Data;

namespace Trajectories.Registers.Io;

/// <summary>
/// A <see cref="TableCursor"/> over a Parquet file, read by embedded DuckDB in streaming mode: rows arrive chunk by
/// chunk, the table is never materialised in .NET. <see cref="Line"/> is the 1-based data row.
/// </summary>
internal sealed class ParquetTableCursor : TableCursor
{
    private readonly DuckDBConnection _connection;
    private readonly DuckDBCommand _command;
    private readonly DbDataReader _reader;
    private readonly CellKind[] _kinds;
    private readonly string[] _types;
    private readonly long _total;
    private long _row;

    public ParquetTableCursor(string path, IReadOnlyList<string> columns)
        : base(path, columns)
    {
        _connection = DuckDb.Open(":memory:", "512MB");
        try
        {
            var source = $"read_parquet({DuckDb.Literal(path)})";
            var schema = Schema(source);
            _kinds = new CellKind[columns.Count];
            _types = new string[columns.Count];
            var select = new List<string>();
            for (var i = 0; i < columns.Count; i++)
            {
                if (!schema.TryGetValue(columns[i], out var type))
                {
                    throw new InputException(path, null, columns[i], $"required column '{columns[i]}' is missing from the schema (found: {string.Join(", ", schema.Keys)}).");
                }

                // Numbers keep their native type; anything else (strings, enums, dates) is read as text and parsed
                // by the same code as CSV, so a year stored as a string still gets a precise message.
                _kinds[i] = Classify(type);
                _types[i] = type;
                var column = DuckDb.Identifier(columns[i]);
                select.Add(_kinds[i] == CellKind.Text ? $"CAST({column} AS VARCHAR)" : column);
            }

            // DuckDB.NET's streaming reader fails on a result without rows, so an empty table (valid: e.g. no LVB
            // rows) is answered from the Parquet metadata, which also gives the count without a scan.
            _total = Count(source);
            _command = _connection.CreateCommand();
            _command.UseStreamingMode = true;
            _command.CommandText = $"SELECT {string.Join(", ", select)} FROM {source}";
            _reader = _command.ExecuteReader();
        }
        catch (DuckDBException e)
        {
            _connection.Dispose();
            throw new InputException(path, null, null, $"not a readable Parquet file: {e.Message}", e);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    public override long Line => _row;

    public override bool CountsRows => true;

    public override bool Read()
    {
        if (_row == _total)
        {
            return false;
        }

        try
        {
            if (!_reader.Read())
            {
                return false;
            }
        }
        catch (DuckDBException e)
        {
            throw new InputException(FileName, _row + 1, null, $"row {_row + 1}: the Parquet data cannot be read: {e.Message}", e);
        }

        _row++;
        return true;
    }

    public override Cell Get(int column)
    {
        if (_reader.IsDBNull(column))
        {
            return new Cell(CellKind.Empty);
        }

        // The typed getters of the layout's own types avoid boxing every cell of tens of millions of rows.
        return (_kinds[column], _types[column]) switch
        {
            (CellKind.Integer, "INTEGER") => new Cell(CellKind.Integer, integer: _reader.GetInt32(column)),
            (CellKind.Integer, "BIGINT") => new Cell(CellKind.Integer, integer: _reader.GetInt64(column)),
            (CellKind.Integer, _) => new Cell(CellKind.Integer, integer: Convert.ToInt64(_reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture)),
            (CellKind.Real, "DOUBLE") => new Cell(CellKind.Real, real: _reader.GetDouble(column)),
            (CellKind.Real, _) => new Cell(CellKind.Real, real: Convert.ToDouble(_reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture)),
            _ => Text(_reader.GetString(column)),
        };
    }

    // An empty string reads as an empty cell, as it does in CSV, so both formats give the same answer.
    private static Cell Text(string text) => text.Length == 0 ? new Cell(CellKind.Empty) : new Cell(CellKind.Text, text: text);

    public override void Dispose()
    {
        _reader?.Dispose();
        _command?.Dispose();
        _connection.Dispose();
    }

    private static CellKind Classify(string type)
    {
        switch (type)
        {
            case "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "UTINYINT" or "USMALLINT" or "UINTEGER":
                return CellKind.Integer;
            case "FLOAT" or "DOUBLE":
                return CellKind.Real;
            default:
                return type.StartsWith("DECIMAL", StringComparison.Ordinal) ? CellKind.Real : CellKind.Text;
        }
    }

    private long Count(string source)
    {
        using var count = _connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM {source}";
        return Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Dictionary<string, string> Schema(string source)
    {
        using var describe = _connection.CreateCommand();
        describe.CommandText = $"DESCRIBE SELECT * FROM {source}";
        using var reader = describe.ExecuteReader();
        var schema = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            schema[reader.GetString(0)] = reader.GetString(1);
        }

        return schema;
    }
}
