using Trajectories.Registers.Model;

namespace Trajectories.Registers.Synthetic;

/// <summary>
/// The rows of one chunk of matches, collected by a worker thread and replayed into the sink in match order, so the
/// output is identical for any number of threads while memory stays bounded by the chunks in flight.
/// </summary>
internal sealed class ChunkBuffer
{
    public List<PersonRow> Persons { get; } = new();

    public List<TruthRow> Truth { get; } = new();

    public List<CaseRow> Cases { get; } = new();

    public List<ExposureRow> Exposure { get; } = new();

    public List<LvbRow> Lvb { get; } = new();

    public List<VictimisationRow> Victimisations { get; } = new();

    public void Clear()
    {
        Persons.Clear();
        Truth.Clear();
        Cases.Clear();
        Exposure.Clear();
        Lvb.Clear();
        Victimisations.Clear();
    }

    /// <summary>Writes every row to <paramref name="sink"/>, table by table.</summary>
    public void ReplayInto(IRegisterSink sink)
    {
        foreach (var row in Persons)
        {
            sink.Add(row);
        }

        foreach (var row in Truth)
        {
            sink.Add(row);
        }

        foreach (var row in Cases)
        {
            sink.Add(row);
        }

        foreach (var row in Exposure)
        {
            sink.Add(row);
        }

        foreach (var row in Lvb)
        {
            sink.Add(row);
        }

        foreach (var row in Victimisations)
        {
            sink.Add(row);
        }
    }
}
