using Trajectories.Registers.Model;

namespace Trajectories.Registers.Io;

/// <summary>
/// Where a <see cref="StagedRegisterWriter"/> streams rows: one file per table in a folder, in one format. Rows of
/// different tables may arrive interleaved.
/// </summary>
internal interface ITableRowWriters : IDisposable
{
    void Add(in PersonRow row);

    void Add(in CaseRow row);

    void Add(in ExposureRow row);

    void Add(in LvbRow row);

    void Add(in VictimisationRow row);

    void Add(in TruthRow row);

    /// <summary>
    /// Finishes every file. Required tables get a file without rows when they had none; optional tables without rows
    /// get no file.
    /// </summary>
    void Close();
}
