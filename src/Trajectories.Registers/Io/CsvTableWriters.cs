using System.Globalization;
using System.Text;
using Trajectories.Registers.Model;

namespace Trajectories.Registers.Io;

/// <summary>
/// Streams rows into one CSV file per table (UTF-8 without BOM, LF line ends, the header of INTERFACES.md §1) in a
/// given folder: the tables of <see cref="CsvRegisterWriter"/>.
/// </summary>
internal sealed class CsvTableWriters : ITableRowWriters
{
    private readonly string _folder;
    private readonly StreamWriter?[] _writers = new StreamWriter?[RegisterTables.All.Count];
    private bool _closed;

    public CsvTableWriters(string folder) => _folder = folder;

    public void Add(in PersonRow row)
    {
        var w = Writer(RegisterTable.Persons);
        Field(w, row.PersonId);
        w.Write(',');
        w.Write(Codes.Of(row.Cohort));
        w.Write(',');
        Field(w, row.MatchId);
        w.Write(',');
        w.Write(Codes.Of(row.Sex));
        w.Write(',');
        Int(w, row.BirthYear);
        w.Write(',');
        if (row.FirstTraffickingYear is { } first)
        {
            Int(w, first);
        }

        w.Write('\n');
    }

    public void Add(in CaseRow row)
    {
        var w = Writer(RegisterTable.Cases);
        Field(w, row.PersonId);
        w.Write(',');
        Int(w, row.Year);
        w.Write(',');
        Int(w, row.Cases);
        w.Write('\n');
    }

    public void Add(in ExposureRow row)
    {
        var w = Writer(RegisterTable.Exposure);
        Field(w, row.PersonId);
        w.Write(',');
        Int(w, row.Year);
        w.Write(',');

        // "R" is the shortest text that parses back to the same double, so CSV and Parquet hold identical values.
        w.Write(row.AtRisk.ToString("R", CultureInfo.InvariantCulture));
        w.Write('\n');
    }

    public void Add(in LvbRow row)
    {
        var w = Writer(RegisterTable.Lvb);
        Field(w, row.PersonId);
        w.Write(',');
        w.Write(Codes.Of(row.Source));
        w.Write(',');
        Int(w, row.Year);
        w.Write('\n');
    }

    public void Add(in VictimisationRow row)
    {
        var w = Writer(RegisterTable.Victimisations);
        Field(w, row.PersonId);
        w.Write(',');
        Int(w, row.Year);
        w.Write(',');
        w.Write(Codes.Of(row.Category));
        w.Write('\n');
    }

    public void Add(in TruthRow row)
    {
        var w = Writer(RegisterTable.Truth);
        Field(w, row.PersonId);
        w.Write(',');
        w.Write(Codes.Of(row.Profile));
        w.Write('\n');
    }

    /// <summary>
    /// Closes every file. Required tables get a header-only file when they had no rows; optional tables without rows
    /// get no file.
    /// </summary>
    public void Close()
    {
        foreach (var table in RegisterTables.All)
        {
            if (RegisterTables.IsRequired(table))
            {
                Writer(table);
            }

            _writers[(int)table]?.Dispose();
            _writers[(int)table] = null;
        }

        _closed = true;
    }

    public void Dispose()
    {
        foreach (var w in _writers)
        {
            w?.Dispose();
        }
    }

    private StreamWriter Writer(RegisterTable table)
    {
        if (_closed)
        {
            throw new InvalidOperationException("The register was already completed.");
        }

        if (_writers[(int)table] is { } existing)
        {
            return existing;
        }

        var path = RegisterFolder.FileOf(_folder, table, RegisterFormat.Csv);
        var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write(string.Join(',', RegisterTables.Columns(table)));
        w.Write('\n');
        return _writers[(int)table] = w;
    }

    private static void Int(StreamWriter w, int value)
    {
        Span<char> buffer = stackalloc char[12];
        value.TryFormat(buffer, out var n, default, CultureInfo.InvariantCulture);
        w.Write(buffer[..n]);
    }

    private static void Field(StreamWriter w, string text)
    {
        // Quote only when RFC 4180 requires it, doubling inner quotes.
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            w.Write(text);
            return;
        }

        w.Write('"');
        w.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        w.Write('"');
    }
}
