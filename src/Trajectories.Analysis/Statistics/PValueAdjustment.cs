namespace Trajectories.Analysis.Statistics;

/// <summary>Multiplicity adjustment for a family of p-values (e.g. the seven victimisation categories).</summary>
public static class PValueAdjustment
{
    /// <summary>
    /// Holm's step-down adjustment (Holm 1979), R: <c>p.adjust(p, "holm")</c>. With p sorted ascending,
    /// p̃_(i) = min(1, max_{j ≤ i} (m − j + 1)·p_(j)); the running maximum keeps the adjusted values monotone.
    /// Returned in the input order. NaN inputs are rejected (R would drop them from m; we prefer a loud failure).
    /// </summary>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var m = pValues.Count;
        foreach (var p in pValues)
        {
            if (double.IsNaN(p) || p < 0 || p > 1)
            {
                throw new ArgumentException("p-values must lie in [0, 1].", nameof(pValues));
            }
        }

        // Stable order so equal p-values keep their input order (R's order() is stable too).
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        double running = 0;
        for (var k = 0; k < m; k++)
        {
            var i = order[k];
            running = Math.Max(running, Math.Min(1.0, (m - k) * pValues[i]));
            adjusted[i] = running;
        }

        return adjusted;
    }
}
