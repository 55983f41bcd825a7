using DuckDB.NET.Data;
using Trajectories.Registers.Model;

namespace Trajectories.Registers.Io;

/// <summary>
/// Writes a register as Parquet files through embedded DuckDB. Rows are appended into a file-backed DuckDB database
/// inside the staging folder (with a memory limit, so millions of rows spill to disk rather than to RAM); on
/// <see cref="Complete"/> each table is copied to <c>NAME.parquet</c> in insertion order, the database is deleted and
/// the folder is published. See <see cref="StagedFolder"/> for the overwrite rule.
/// </summary>
/// <remarks>
/// Column types: ids and codes VARCHAR, years and counts INTEGER, <c>at_risk</c> DOUBLE,
/// <c>first_trafficking_year</c> a nullable INTEGER. Appending into DuckDB rather than writing Parquet row groups
/// directly lets rows of different tables arrive interleaved, as the <see cref="IRegisterSink"/> contract allows.
/// </remarks>
public sealed class ParquetRegisterWriter : IRegisterSink
{
    private const string DatabaseName = ".build.duckdb";

    private static readonly string[] Types =
    [
        "person_id VARCHAR, cohort VARCHAR, match_id VARCHAR, sex VARCHAR, birth_year INTEGER, first_trafficking_year INTEGER",
        "person_id VARCHAR, year INTEGER, cases INTEGER",
        "person_id VARCHAR, year INTEGER, at_risk DOUBLE",
        "person_id VARCHAR, source VARCHAR, year INTEGER",
        "person_id VARCHAR, year INTEGER, category VARCHAR",
        "person_id VARCHAR, profile VARCHAR",
    ];

    private readonly StagedFolder _folder;
    private readonly DuckDBConnection _db;
    private readonly DuckDBAppender?[] _appenders = new DuckDBAppender?[RegisterTables.All.Count];
    private readonly long[] _rows = new long[RegisterTables.All.Count];
    private RegisterMetadata? _metadata;
    private bool _completed;

    /// <summary>Prepares to write into <paramref name="folder"/>; refuses a non-empty folder before writing anything.</summary>
    /// <param name="folder">The register folder to create.</param>
    /// <param name="overwrite">Allow replacing a folder that is itself a previously written register.</param>
    /// <param name="memoryLimit">DuckDB's memory limit (e.g. <c>1GB</c>); beyond it DuckDB spills to the staging folder.</param>
    public ParquetRegisterWriter(string folder, bool overwrite = false, string memoryLimit = "1GB")
    {
        _folder = new StagedFolder(folder, overwrite);
        try
        {
            _db = DuckDb.Open(Path.Combine(_folder.Staging, DatabaseName), memoryLimit, Path.Combine(_folder.Staging, ".spill"));
            foreach (var table in RegisterTables.All)
            {
                DuckDb.Execute(_db, $"CREATE TABLE {RegisterTables.Name(table)} ({Types[(int)table]})");
            }
        }
        catch
        {
            _db?.Dispose();
            _folder.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void WriteMetadata(RegisterMetadata metadata) => _metadata = metadata;

    /// <inheritdoc />
    public void Add(in PersonRow row) =>
        Appender(RegisterTable.Persons).CreateRow()
            .AppendValue(row.PersonId).AppendValue(Codes.Of(row.Cohort)).AppendValue(row.MatchId)
            .AppendValue(Codes.Of(row.Sex)).AppendValue(row.BirthYear).AppendValue(row.FirstTraffickingYear)
            .EndRow();

    /// <inheritdoc />
    public void Add(in CaseRow row) =>
        Appender(RegisterTable.Cases).CreateRow().AppendValue(row.PersonId).AppendValue(row.Year).AppendValue(row.Cases).EndRow();

    /// <inheritdoc />
    public void Add(in ExposureRow row) =>
        Appender(RegisterTable.Exposure).CreateRow().AppendValue(row.PersonId).AppendValue(row.Year).AppendValue(row.AtRisk).EndRow();

    /// <inheritdoc />
    public void Add(in LvbRow row) =>
        Appender(RegisterTable.Lvb).CreateRow().AppendValue(row.PersonId).AppendValue(Codes.Of(row.Source)).AppendValue(row.Year).EndRow();

    /// <inheritdoc />
    public void Add(in VictimisationRow row) =>
        Appender(RegisterTable.Victimisations).CreateRow().AppendValue(row.PersonId).AppendValue(row.Year).AppendValue(Codes.Of(row.Category)).EndRow();

    /// <inheritdoc />
    public void Add(in TruthRow row) =>
        Appender(RegisterTable.Truth).CreateRow().AppendValue(row.PersonId).AppendValue(Codes.Of(row.Profile)).EndRow();

    /// <inheritdoc />
    public void Complete()
    {
        if (_metadata is null)
        {
            throw new InvalidOperationException("WriteMetadata must be called before Complete.");
        }

        if (_completed)
        {
            throw new InvalidOperationException("The register was already completed.");
        }

        foreach (var table in RegisterTables.All)
        {
            _appenders[(int)table]?.Close();
            _appenders[(int)table]?.Dispose();
            _appenders[(int)table] = null;
        }

        foreach (var table in RegisterTables.All)
        {
            // Required tables exist even without rows; optional ones only when they have rows.
            if (RegisterTables.IsRequired(table) || _rows[(int)table] > 0)
            {
                var target = RegisterFolder.FileOf(_folder.Staging, table, RegisterFormat.Parquet);
                DuckDb.Execute(_db, $"COPY {RegisterTables.Name(table)} TO {DuckDb.Literal(target)} (FORMAT parquet, COMPRESSION zstd)");
            }
        }

        _db.Dispose();
        foreach (var leftover in Directory.EnumerateFileSystemEntries(_folder.Staging, ".*"))
        {
            if (Directory.Exists(leftover))
            {
                Directory.Delete(leftover, recursive: true);
            }
            else
            {
                File.Delete(leftover);
            }
        }

        RegisterMetadataJson.Write(Path.Combine(_folder.Staging, RegisterMetadataJson.FileName), _metadata);
        _folder.Publish();
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var appender in _appenders)
        {
            appender?.Dispose();
        }

        _db.Dispose();
        _folder.Dispose();
    }

    private DuckDBAppender Appender(RegisterTable table)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The register was already completed.");
        }

        _rows[(int)table]++;
        return _appenders[(int)table] ??= _db.CreateAppender(RegisterTables.Name(table));
    }
}
