using Trajectories.Registers.Columns;
using Trajectories.Registers.Model;
using Trajectories.Registers.Validation;

namespace Trajectories.Registers.Io;

/// <summary>Entry points for reading register folders (any mix of CSV and Parquet tables).</summary>
public static class RegisterReader
{
    /// <summary>
    /// Opens a register for streaming: the layout and <c>register.json</c> are checked, each table is read on demand
    /// with every cell checked, but relations between tables are not (call <see cref="ValidateRegister"/> first).
    /// </summary>
    public static RegisterFolder Open(string folder) => RegisterFolder.Open(folder);

    /// <summary>Reads and fully validates a register into memory (for study-sized registers).</summary>
    public static InMemoryRegister Load(string folder)
    {
        var register = new InMemoryRegister();
        RegisterValidator.Validate(RegisterFolder.Open(folder), register);
        register.Complete();
        return register;
    }

    /// <summary>
    /// Reads and fully validates a register into columns (<see cref="ColumnarRegister"/>): one pass, the event tables
    /// read concurrently on up to <paramref name="threads"/> threads (0 = all cores), no row objects kept. The loader
    /// of registers of any size that fit in memory as columns (about 100 bytes a person with its events, measured at
    /// 17.1 M persons).
    /// </summary>
    public static ColumnarRegister LoadColumns(string folder, int threads = 0) =>
        RegisterValidator.Load(RegisterFolder.Open(folder), threads).Register;

    /// <summary>Validates a register of any size in one streaming pass with memory bounded by the person index.</summary>
    public static ValidationSummary ValidateRegister(string folder) => RegisterValidator.Validate(RegisterFolder.Open(folder));

    /// <summary>
    /// Validates a register while copying it into <paramref name="sink"/> (e.g. a writer in another format) and
    /// completes the sink on success; on an error the sink is left uncompleted, so a writer publishes nothing.
    /// </summary>
    public static ValidationSummary Copy(string folder, IRegisterSink sink)
    {
        var summary = RegisterValidator.Validate(RegisterFolder.Open(folder), sink);
        sink.Complete();
        return summary;
    }
}
