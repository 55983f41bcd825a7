namespace Trajectories.Registers.Io;

/// <summary>
/// Writes a register as Parquet files with Parquet.Net, streaming each row into its table's current row group
/// (<see cref="ParquetColumnsWriter.DefaultRowGroupSize"/> rows), so memory holds at most one row group per table.
/// Output is staged and published on <c>Complete</c>; see <see cref="StagedFolder"/> for the overwrite rule.
/// </summary>
/// <remarks>
/// Column types: ids and codes strings, years and counts INT32, <c>at_risk</c> DOUBLE (the value as given, so CSV ↔
/// Parquet round trips give identical rows), <c>first_trafficking_year</c> a nullable INT32.
/// </remarks>
public sealed class ParquetRegisterWriter : StagedRegisterWriter
{
    /// <summary>Prepares to write into <paramref name="folder"/>; refuses a non-empty folder before writing anything.</summary>
    /// <param name="folder">The register folder to create.</param>
    /// <param name="overwrite">Allow replacing a folder that is itself a previously written register.</param>
    public ParquetRegisterWriter(string folder, bool overwrite = false)
        : this(folder, overwrite, ParquetColumnsWriter.DefaultRowGroupSize)
    {
    }

    /// <summary>As the public constructor, with row groups of <paramref name="rowGroupSize"/> rows (tests use small ones).</summary>
    internal ParquetRegisterWriter(string folder, bool overwrite, int rowGroupSize)
        : base(folder, overwrite, staging => new ParquetTableWriters(staging, rowGroupSize))
    {
    }
}
