using Trajectories.Registers.Model;

namespace Trajectories.Registers.Io;

/// <summary>
/// The part every file register writer shares: rows stream into per-table CSV files in a staging folder, the
/// metadata is kept until <see cref="Complete"/>, and the folder is published only then (see StagedFolder
/// for the overwrite rule). A subclass decides where the CSV rows go and how the tables are finished.
/// </summary>
public abstract class StagedRegisterWriter : IRegisterSink
{
    private readonly CsvTableWriters _tables;
    private RegisterMetadata? _metadata;

    /// <summary>Stages into a new folder beside <paramref name="folder"/>; refuses a non-empty folder before writing anything.</summary>
    /// <param name="folder">The register folder to create.</param>
    /// <param name="overwrite">Allow replacing a folder that is itself a previously written register.</param>
    /// <param name="rowsSubfolder">Where inside the staging folder the CSV rows go (null: the staging folder itself).</param>
    private protected StagedRegisterWriter(string folder, bool overwrite, string? rowsSubfolder)
    {
        Folder = new StagedFolder(folder, overwrite);
        RowsFolder = rowsSubfolder is null ? Folder.Staging : Directory.CreateDirectory(Path.Combine(Folder.Staging, rowsSubfolder)).FullName;
        _tables = new CsvTableWriters(RowsFolder);
    }

    /// <summary>The staged output folder.</summary>
    private protected StagedFolder Folder { get; }

    /// <summary>The folder holding the per-table CSV rows.</summary>
    private protected string RowsFolder { get; }

    /// <inheritdoc />
    public void WriteMetadata(RegisterMetadata metadata) => _metadata = metadata;

    /// <inheritdoc />
    public void Add(in PersonRow row) => _tables.Add(row);

    /// <inheritdoc />
    public void Add(in CaseRow row) => _tables.Add(row);

    /// <inheritdoc />
    public void Add(in ExposureRow row) => _tables.Add(row);

    /// <inheritdoc />
    public void Add(in LvbRow row) => _tables.Add(row);

    /// <inheritdoc />
    public void Add(in VictimisationRow row) => _tables.Add(row);

    /// <inheritdoc />
    public void Add(in TruthRow row) => _tables.Add(row);

    /// <inheritdoc />
    public void Complete()
    {
        var metadata = _metadata ?? throw new InvalidOperationException("WriteMetadata must be called before Complete.");
        _tables.Close();
        FinishTables();
        RegisterMetadataJson.Write(Path.Combine(Folder.Staging, RegisterMetadataJson.FileName), metadata);
        Folder.Publish();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _tables.Dispose();
        Folder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Turns the closed CSV row files into the final tables inside the staging folder.</summary>
    private protected abstract void FinishTables();
}
