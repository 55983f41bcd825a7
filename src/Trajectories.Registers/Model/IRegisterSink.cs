namespace Trajectories.Registers.Model;

/// <summary>
/// Receives the rows of a register as a stream, table by table, in any interleaving. Writers (CSV, Parquet) and
/// in-memory collectors implement it, so a generator of millions of persons never holds the register in memory.
/// </summary>
/// <remarks>
/// <see cref="Complete"/> makes the output visible (e.g. moves a finished temporary folder into place); a sink that is
/// disposed without <see cref="Complete"/> leaves nothing behind.
/// </remarks>
public interface IRegisterSink : IRegisterRows, IDisposable
{
    /// <summary>Writes <c>register.json</c> content (called once, before <see cref="Complete"/>).</summary>
    void WriteMetadata(RegisterMetadata metadata);

    /// <summary>Flushes everything and publishes the output.</summary>
    void Complete();
}
