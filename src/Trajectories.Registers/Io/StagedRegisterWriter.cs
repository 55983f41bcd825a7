using Trajectories.Registers.Model;

namespace Trajectories.Registers.Io;

/// <summary>
/// The part every file register writer shares: rows stream into per-table files in a staging folder, the metadata is
/// kept until <see cref="Complete"/>, and the folder is published only then (see StagedFolder for the overwrite rule).
/// A subclass decides the format of the table files.
/// </summary>
public abstract class StagedRegisterWriter : IRegisterSink
{
    private readonly ITableRowWriters _tables;
    private RegisterMetadata? _metadata;

    /// <summary>Stages into a new folder beside <paramref name="folder"/>; refuses a non-empty folder before writing anything.</summary>
    /// <param name="folder">The register folder to create.</param>
    /// <param name="overwrite">Allow replacing a folder that is itself a previously written register.</param>
    /// <param name="tables">Makes the table writers for the staging folder.</param>
    private protected StagedRegisterWriter(string folder, bool overwrite, Func<string, ITableRowWriters> tables)
    {
        Folder = new StagedFolder(folder, overwrite);
        _tables = tables(Folder.Staging);
    }

    /// <summary>The staged output folder.</summary>
    private protected StagedFolder Folder { get; }

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
        RegisterMetadataJson.Write(Path.Combine(Folder.Staging, RegisterMetadataJson.FileName), metadata);
        Folder.Publish();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            // Closing table files can fail (a full disk); the staging folder and the claim must go all the same.
            _tables.Dispose();
        }
        finally
        {
            Folder.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
