using Trajectories.Registers.Model;

namespace Trajectories.Registers.Io;

/// <summary>
/// A register folder on disk: <c>register.json</c> and one file per table, each <c>NAME.parquet</c> or
/// <c>NAME.csv</c> (formats may differ between tables). Opening checks the layout; the row streams check every
/// cell but not relations between tables (that is <see cref="RegisterReader.ValidateRegister"/>).
/// </summary>
public sealed class RegisterFolder
{
    private readonly Dictionary<RegisterTable, (string Path, RegisterFormat Format)> _files;

    private RegisterFolder(string path, RegisterMetadata metadata, Dictionary<RegisterTable, (string, RegisterFormat)> files)
    {
        Path = path;
        Metadata = metadata;
        _files = files;
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>The parsed <c>register.json</c>.</summary>
    public RegisterMetadata Metadata { get; }

    /// <summary>
    /// Opens <paramref name="path"/>: reads <c>register.json</c> and finds every table. A required table missing, or a
    /// table present both as CSV and Parquet, is an <see cref="InputException"/> naming the file.
    /// </summary>
    public static RegisterFolder Open(string path)
    {
        if (!Directory.Exists(path))
        {
            throw new InputException(path, null, null, "the register folder does not exist.");
        }

        var json = System.IO.Path.Combine(path, RegisterMetadataJson.FileName);
        if (!File.Exists(json))
        {
            throw new InputException(json, null, null, "the register metadata file is missing; every register folder has a register.json.");
        }

        var metadata = RegisterMetadataJson.Read(json);
        var files = new Dictionary<RegisterTable, (string, RegisterFormat)>();
        foreach (var table in RegisterTables.All)
        {
            var csv = FileOf(path, table, RegisterFormat.Csv);
            var parquet = FileOf(path, table, RegisterFormat.Parquet);
            var hasCsv = File.Exists(csv);
            var hasParquet = File.Exists(parquet);
            if (hasCsv && hasParquet)
            {
                // Picking one silently could analyse stale data; the user must remove the one they do not mean.
                throw new InputException(parquet, null, null, $"the table '{RegisterTables.Name(table)}' is present twice, as {System.IO.Path.GetFileName(csv)} and {System.IO.Path.GetFileName(parquet)}; keep one.");
            }

            if (hasCsv || hasParquet)
            {
                files[table] = hasCsv ? (csv, RegisterFormat.Csv) : (parquet, RegisterFormat.Parquet);
            }
            else if (RegisterTables.IsRequired(table))
            {
                throw new InputException(csv, null, null, $"the required table '{RegisterTables.Name(table)}' is missing; expected {System.IO.Path.GetFileName(csv)} or {System.IO.Path.GetFileName(parquet)}.");
            }
        }

        return new RegisterFolder(path, metadata, files);
    }

    /// <summary>True when the folder has <paramref name="table"/> (always true for the required tables).</summary>
    public bool Has(RegisterTable table) => _files.ContainsKey(table);

    /// <summary>The file of <paramref name="table"/>, or null for an absent optional table.</summary>
    public string? FileOf(RegisterTable table) => _files.TryGetValue(table, out var f) ? f.Path : null;

    /// <summary>The format of <paramref name="table"/>, or null for an absent optional table.</summary>
    public RegisterFormat? FormatOf(RegisterTable table) => _files.TryGetValue(table, out var f) ? f.Format : null;

    /// <summary>Streams <c>persons</c>.</summary>
    public IEnumerable<PersonRow> Persons() => Rows(RegisterTable.Persons, p => p.Person());

    /// <summary>Streams <c>cases</c>.</summary>
    public IEnumerable<CaseRow> Cases() => Rows(RegisterTable.Cases, p => p.Case());

    /// <summary>Streams <c>exposure</c> (empty when the table is absent: every year fully at risk).</summary>
    public IEnumerable<ExposureRow> Exposure() => Rows(RegisterTable.Exposure, p => p.Exposure());

    /// <summary>Streams <c>lvb</c>.</summary>
    public IEnumerable<LvbRow> Lvb() => Rows(RegisterTable.Lvb, p => p.Lvb());

    /// <summary>Streams <c>victimisations</c>.</summary>
    public IEnumerable<VictimisationRow> Victimisations() => Rows(RegisterTable.Victimisations, p => p.Victimisation());

    /// <summary>Streams <c>truth</c> (empty when the table is absent).</summary>
    public IEnumerable<TruthRow> Truth() => Rows(RegisterTable.Truth, p => p.Truth());

    /// <summary>The path a table has in <paramref name="folder"/> in <paramref name="format"/>.</summary>
    internal static string FileOf(string folder, RegisterTable table, RegisterFormat format) =>
        System.IO.Path.Combine(folder, RegisterTables.Name(table) + RegisterFormats.Extension(format));

    /// <summary>Opens a cursor over <paramref name="table"/>, or null when the optional table is absent.</summary>
    internal TableCursor? OpenCursor(RegisterTable table)
    {
        if (!_files.TryGetValue(table, out var file))
        {
            return null;
        }

        var columns = RegisterTables.Columns(table);
        return file.Format == RegisterFormat.Csv
            ? new CsvTableCursor(file.Path, columns)
            : new ParquetTableCursor(file.Path, columns);
    }

    private IEnumerable<T> Rows<T>(RegisterTable table, Func<RowParser, T> parse)
    {
        using var cursor = OpenCursor(table);
        if (cursor is null)
        {
            yield break;
        }

        var parser = new RowParser(cursor);
        while (cursor.Read())
        {
            yield return parse(parser);
        }
    }
}
