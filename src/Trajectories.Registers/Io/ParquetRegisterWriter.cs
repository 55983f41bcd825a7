namespace Trajectories.Registers.Io;

/// <summary>
/// Writes a register as Parquet files through embedded DuckDB. Rows stream into intermediate CSV files inside the
/// staging folder; on <c>Complete</c> DuckDB converts each to <c>NAME.parquet</c> with the layout's types,
/// the intermediates are deleted and the folder is published. See <see cref="StagedFolder"/> for the overwrite rule.
/// </summary>
/// <remarks>
/// Why CSV in between: rows of different tables arrive interleaved (as <see cref="Model.IRegisterSink"/> allows), and
/// DuckDB's appender cost about 4× the time of formatting CSV; DuckDB's own CSV reader then streams each file into
/// Parquet with bounded memory (<c>memory_limit</c>). Doubles are written in their shortest round-trip form, so the
/// Parquet values equal the rows given. Column types: ids and codes VARCHAR, years and counts INTEGER,
/// <c>at_risk</c> DOUBLE, <c>first_trafficking_year</c> a nullable INTEGER.
/// </remarks>
public sealed class ParquetRegisterWriter : StagedRegisterWriter
{
    private const string Intermediate = ".csv";

    private static readonly string[] Types =
    [
        "'person_id': 'VARCHAR', 'cohort': 'VARCHAR', 'match_id': 'VARCHAR', 'sex': 'VARCHAR', 'birth_year': 'INTEGER', 'first_trafficking_year': 'INTEGER'",
        "'person_id': 'VARCHAR', 'year': 'INTEGER', 'cases': 'INTEGER'",
        "'person_id': 'VARCHAR', 'year': 'INTEGER', 'at_risk': 'DOUBLE'",
        "'person_id': 'VARCHAR', 'source': 'VARCHAR', 'year': 'INTEGER'",
        "'person_id': 'VARCHAR', 'year': 'INTEGER', 'category': 'VARCHAR'",
        "'person_id': 'VARCHAR', 'profile': 'VARCHAR'",
    ];

    private readonly string _memoryLimit;

    /// <summary>Prepares to write into <paramref name="folder"/>; refuses a non-empty folder before writing anything.</summary>
    /// <param name="folder">The register folder to create.</param>
    /// <param name="overwrite">Allow replacing a folder that is itself a previously written register.</param>
    /// <param name="memoryLimit">DuckDB's memory limit for the conversion (e.g. <c>1GB</c>).</param>
    public ParquetRegisterWriter(string folder, bool overwrite = false, string memoryLimit = "1GB")
        : base(folder, overwrite, Intermediate)
    {
        _memoryLimit = memoryLimit;
    }

    /// <inheritdoc />
    private protected override void FinishTables()
    {
        using (var db = DuckDb.Open(":memory:", _memoryLimit, Path.Combine(RowsFolder, ".spill")))
        {
            foreach (var table in RegisterTables.All)
            {
                var csv = RegisterFolder.FileOf(RowsFolder, table, RegisterFormat.Csv);
                if (File.Exists(csv))
                {
                    var target = RegisterFolder.FileOf(Folder.Staging, table, RegisterFormat.Parquet);
                    DuckDb.Execute(db, $"COPY (SELECT * FROM {Source(table, csv)}) TO {DuckDb.Literal(target)} (FORMAT parquet, COMPRESSION zstd)");
                }
            }
        }

        Directory.Delete(RowsFolder, recursive: true);
    }

    private static string Source(RegisterTable table, string csv)
    {
        // Every option explicit, nothing sniffed: the file is ours and its dialect is fixed. Text columns are
        // force_not_null so an empty id stays an empty string; only first_trafficking_year is nullable.
        var text = string.Join(", ", RegisterTables.Columns(table).Where(c => Types[(int)table].Contains($"'{c}': 'VARCHAR'", StringComparison.Ordinal)).Select(DuckDb.Literal));
        return $"read_csv({DuckDb.Literal(csv)}, auto_detect = false, header = true, delim = ',', quote = '\"', escape = '\"', "
            + $"new_line = '\\n', columns = {{{Types[(int)table]}}}, force_not_null = [{text}])";
    }
}
