using Trajectories.Registers.Model;

namespace Trajectories.Cli;

/// <summary>Sends every row to two sinks (a file register and an in-memory copy for <c>simulate --check</c>).</summary>
public sealed class TeeSink(IRegisterSink first, IRegisterSink second) : IRegisterSink
{
    /// <inheritdoc />
    public void WriteMetadata(RegisterMetadata metadata)
    {
        first.WriteMetadata(metadata);
        second.WriteMetadata(metadata);
    }

    /// <inheritdoc />
    public void Add(in PersonRow row)
    {
        first.Add(row);
        second.Add(row);
    }

    /// <inheritdoc />
    public void Add(in CaseRow row)
    {
        first.Add(row);
        second.Add(row);
    }

    /// <inheritdoc />
    public void Add(in ExposureRow row)
    {
        first.Add(row);
        second.Add(row);
    }

    /// <inheritdoc />
    public void Add(in LvbRow row)
    {
        first.Add(row);
        second.Add(row);
    }

    /// <inheritdoc />
    public void Add(in VictimisationRow row)
    {
        first.Add(row);
        second.Add(row);
    }

    /// <inheritdoc />
    public void Add(in TruthRow row)
    {
        first.Add(row);
        second.Add(row);
    }

    /// <inheritdoc />
    public void Complete()
    {
        first.Complete();
        second.Complete();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        first.Dispose();
        second.Dispose();
    }
}
