using Trajectories.Registers.Model;

namespace Trajectories.Registers.Io;

/// <summary>Creates a register writer for a format.</summary>
public static class RegisterWriter
{
    /// <summary>
    /// A sink that writes a register into <paramref name="folder"/> in <paramref name="format"/>; nothing is visible
    /// until <see cref="IRegisterSink.Complete"/>. A non-empty <paramref name="folder"/> is refused with an
    /// <see cref="InputException"/> before anything is written, unless <paramref name="overwrite"/> is set and the
    /// folder is itself a register written by Trajectories (register.json and table files only).
    /// </summary>
    public static IRegisterSink Create(string folder, RegisterFormat format, bool overwrite = false) =>
        format == RegisterFormat.Csv ? new CsvRegisterWriter(folder, overwrite) : new ParquetRegisterWriter(folder, overwrite);

    /// <summary>Writes an in-memory register to <paramref name="folder"/> and publishes it.</summary>
    public static void Write(InMemoryRegister register, string folder, RegisterFormat format, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(register);
        using var sink = Create(folder, format, overwrite);
        sink.WriteMetadata(register.Metadata ?? throw new ArgumentException("The register has no metadata.", nameof(register)));
        foreach (var row in register.Persons)
        {
            sink.Add(row);
        }

        foreach (var row in register.Cases)
        {
            sink.Add(row);
        }

        foreach (var row in register.Exposure)
        {
            sink.Add(row);
        }

        foreach (var row in register.Lvb)
        {
            sink.Add(row);
        }

        foreach (var row in register.Victimisations)
        {
            sink.Add(row);
        }

        foreach (var row in register.Truth)
        {
            sink.Add(row);
        }

        sink.Complete();
    }
}
