namespace Trajectories.Registers.Model;

/// <summary>
/// A register held in memory as lists of rows: the sink of small registers (tests, the study-sized sample, the
/// calibration check) and the source of the analysis. Large registers are streamed instead.
/// </summary>
public sealed class InMemoryRegister : IRegisterSink
{
    /// <summary>Metadata, once written.</summary>
    public RegisterMetadata? Metadata { get; private set; }

    /// <summary>Persons.</summary>
    public List<PersonRow> Persons { get; } = new();

    /// <summary>Case rows.</summary>
    public List<CaseRow> Cases { get; } = new();

    /// <summary>Exposure rows.</summary>
    public List<ExposureRow> Exposure { get; } = new();

    /// <summary>LVB rows.</summary>
    public List<LvbRow> Lvb { get; } = new();

    /// <summary>Victimisation rows.</summary>
    public List<VictimisationRow> Victimisations { get; } = new();

    /// <summary>Truth rows (synthetic registers).</summary>
    public List<TruthRow> Truth { get; } = new();

    /// <summary>True once <see cref="Complete"/> was called.</summary>
    public bool IsComplete { get; private set; }

    /// <inheritdoc />
    public void WriteMetadata(RegisterMetadata metadata) => Metadata = metadata;

    /// <inheritdoc />
    public void Add(in PersonRow row) => Persons.Add(row);

    /// <inheritdoc />
    public void Add(in CaseRow row) => Cases.Add(row);

    /// <inheritdoc />
    public void Add(in ExposureRow row) => Exposure.Add(row);

    /// <inheritdoc />
    public void Add(in LvbRow row) => Lvb.Add(row);

    /// <inheritdoc />
    public void Add(in VictimisationRow row) => Victimisations.Add(row);

    /// <inheritdoc />
    public void Add(in TruthRow row) => Truth.Add(row);

    /// <inheritdoc />
    public void Complete() => IsComplete = true;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
