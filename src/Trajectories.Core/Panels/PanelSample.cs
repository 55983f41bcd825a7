namespace Trajectories.Core.Panels;

/// <summary>
/// A seeded simple random sample of a panel's persons, kept in panel order: what a selection grid runs on when the
/// whole panel would take too long (the chosen model is then fitted to every person, see
/// <c>TrajectoryEstimator.Refit</c>).
/// </summary>
public static class PanelSample
{
    /// <summary>
    /// Draws <paramref name="size"/> distinct persons uniformly (Floyd's algorithm on a seeded generator: the same
    /// seed and sizes give the same sample on any machine) and returns their sub-panel and their panel indices,
    /// ascending. A size of at least the panel's persons returns the panel itself.
    /// </summary>
    public static (CountPanel Panel, int[] Persons) Draw(CountPanel panel, int size, int seed)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var n = panel.PersonCount;
        if (size >= n)
        {
            return (panel, Enumerable.Range(0, n).ToArray());
        }

        var random = new Random(seed);
        var chosen = new HashSet<int>(size);
        for (var j = n - size; j < n; j++)
        {
            var t = random.Next(j + 1);
            chosen.Add(chosen.Contains(t) ? j : t);
        }

        var persons = chosen.ToArray();
        Array.Sort(persons);
        return (Subset(panel, persons), persons);
    }

    /// <summary>
    /// A bootstrap sample of <paramref name="persons"/> persons: as many draws with replacement, seeded, sorted into panel
    /// order (it keeps a sample's memory access local; a likelihood does not depend on the order).
    /// </summary>
    public static int[] Resample(int persons, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(persons);
        var random = new Random(seed);
        var drawn = new int[persons];
        for (var i = 0; i < persons; i++)
        {
            drawn[i] = random.Next(persons);
        }

        Array.Sort(drawn);
        return drawn;
    }

    /// <summary>The panel of the given persons (ascending or not), in that order, covariates included.</summary>
    public static CountPanel Subset(CountPanel panel, IReadOnlyList<int> persons)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(persons);
        var rowStart = new int[persons.Count + 1];
        for (var k = 0; k < persons.Count; k++)
        {
            var p = persons[k];
            rowStart[k + 1] = rowStart[k] + panel.RowStart[p + 1] - panel.RowStart[p];
        }

        var count = rowStart[^1];
        var ids = new string[persons.Count];
        var timeIndex = new short[count];
        var values = new double[count];
        var exposure = panel.Exposure is null ? null : new float[count];
        var tcov = panel.TimeCovariates;
        var tcovValues = tcov is null ? null : new double[count * tcov.Count];
        for (var k = 0; k < persons.Count; k++)
        {
            var p = persons[k];
            int from = panel.RowStart[p], length = panel.RowStart[p + 1] - from, to = rowStart[k];
            ids[k] = panel.PersonIds[p];
            Array.Copy(panel.TimeIndex, from, timeIndex, to, length);
            Array.Copy(panel.Values, from, values, to, length);
            if (exposure is not null)
            {
                Array.Copy(panel.Exposure!, from, exposure, to, length);
            }

            if (tcovValues is not null)
            {
                Array.Copy(tcov!.Values, from * tcov.Count, tcovValues, to * tcov.Count, length * tcov.Count);
            }
        }

        return new CountPanel(
            ids, panel.Times, rowStart, timeIndex, values, exposure, panel.Covariates?.Subset(persons),
            tcov is null ? null : new ObservationCovariates(tcov.Names, tcovValues!));
    }
}
