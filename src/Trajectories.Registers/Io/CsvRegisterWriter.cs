using Trajectories.Registers.Model;

namespace Trajectories.Registers.Io;

/// <summary>
/// Writes a register as CSV files (UTF-8 without BOM, LF line ends, the header of INTERFACES.md §1), streaming each
/// row straight to its file. Output is staged and published on <see cref="Complete"/>; see <see cref="StagedFolder"/>
/// for the overwrite rule. Optional tables (exposure, truth) get a file only when they have rows.
/// </summary>
public sealed class CsvRegisterWriter : IRegisterSink
{
    private readonly StagedFolder _folder;
    private readonly CsvTableWriters _tables;
    private RegisterMetadata? _metadata;

    /// <summary>Prepares to write into <paramref name="folder"/>; refuses a non-empty folder before writing anything.</summary>
    /// <param name="folder">The register folder to create.</param>
    /// <param name="overwrite">Allow replacing a folder that is itself a previously written register.</param>
    public CsvRegisterWriter(string folder, bool overwrite = false)
    {
        _folder = new StagedFolder(folder, overwrite);
        _tables = new CsvTableWriters(_folder.Staging);
    }

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
        RegisterMetadataJson.Write(Path.Combine(_folder.Staging, RegisterMetadataJson.FileName), metadata);
        _folder.Publish();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _tables.Dispose();
        _folder.Dispose();
    }
}
