namespace Trajectories.Registers.Io;

/// <summary>
/// Writes a register as CSV files (UTF-8 without BOM, LF line ends, the header of INTERFACES.md §1), streaming each
/// row straight to its file. Output is staged and published on <c>Complete</c>; see <see cref="StagedFolder"/>
/// for the overwrite rule. Optional tables (exposure, truth) get a file only when they have rows.
/// </summary>
public sealed class CsvRegisterWriter : StagedRegisterWriter
{
    /// <summary>Prepares to write into <paramref name="folder"/>; refuses a non-empty folder before writing anything.</summary>
    /// <param name="folder">The register folder to create.</param>
    /// <param name="overwrite">Allow replacing a folder that is itself a previously written register.</param>
    public CsvRegisterWriter(string folder, bool overwrite = false)
        : base(folder, overwrite, staging => new CsvTableWriters(staging))
    {
    }
}
