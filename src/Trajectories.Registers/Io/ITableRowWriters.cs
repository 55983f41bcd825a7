using Trajectories.Registers.Model;

namespace Trajectories.Registers.Io;

/// <summary>
/// Where a <see cref="StagedRegisterWriter"/> streams rows: one file per table in a folder, in one format. Rows of
/// different tables may arrive interleaved.
/// </summary>
internal interface ITableRowWriters : IRegisterRows, IDisposable
{
    /// <summary>
    /// Finishes every file. Required tables get a file without rows when they had none; optional tables without rows
    /// get no file.
    /// </summary>
    void Close();
}
