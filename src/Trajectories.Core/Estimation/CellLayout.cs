using Trajectories.Core.Families;
using Trajectories.Core.Panels;

namespace Trajectories.Core.Estimation;

/// <summary>
/// The observations of a <see cref="PatternPanel"/> indexed for fast likelihood evaluation.
/// </summary>
/// <remarks>
/// <para>A cell is a distinct (time index, value, exposure): every observation in a cell has the same log-density in a
/// given group, so one E-step needs the G × cells table of log-densities and then only sums of table entries. Cells
/// 0 … T−1 are always the baseline cells (time t, value 0, exposure 1), which need not occur in the data: their
/// log-density only has to be finite, as it is for every family (a value outside a censoring range counts as censored).</para>
/// <para>Sparsity: a pattern whose observed times form a contiguous window [a, b) is "windowed"; its group log-likelihood
/// is P_g(b) − P_g(a) (prefix sums of the baseline log-density over time) plus, for each non-baseline observation, the
/// difference between its cell and the baseline cell at its time. That costs O(non-zero observations) instead of
/// O(window length). Patterns with gaps keep the dense list of all their cells.</para>
/// </remarks>
public sealed class CellLayout
{
    /// <summary>Indexes <paramref name="panel"/>; <paramref name="family"/> supplies the data-only constant of each cell.</summary>
    public CellLayout(PatternPanel panel, ITrajectoryFamily family)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(family);
        var p = panel.Patterns;
        TimeCount = p.TimeCount;
        Weights = panel.Weights;
        var cellTime = new List<short>();
        var cellValue = new List<double>();
        var cellExposure = new List<float>();
        var lookup = new Dictionary<(short T, double Y, float E), int>();
        for (short t = 0; t < TimeCount; t++)
        {
            lookup.Add((t, 0.0, 1f), t);
            cellTime.Add(t);
            cellValue.Add(0.0);
            cellExposure.Add(1f);
        }

        var n = p.PersonCount;
        WindowStart = new short[n];
        WindowEnd = new short[n];
        ListStart = new int[n + 1];
        var list = new List<int>();
        var constant = 0.0;
        for (var i = 0; i < n; i++)
        {
            var s = p.Series(i);
            var contiguous = s.Length > 0 && s.TimeIndex[^1] - s.TimeIndex[0] + 1 == s.Length;
            if (contiguous)
            {
                WindowStart[i] = s.TimeIndex[0];
                WindowEnd[i] = (short)(s.TimeIndex[^1] + 1);
            }

            for (var k = 0; k < s.Length; k++)
            {
                var e = s.Exposure.IsEmpty ? 1f : s.Exposure[k];
                var key = (s.TimeIndex[k], s.Values[k], e);
                if (!lookup.TryGetValue(key, out var c))
                {
                    c = cellTime.Count;
                    lookup.Add(key, c);
                    cellTime.Add(key.Item1);
                    cellValue.Add(key.Item2);
                    cellExposure.Add(e);
                }

                constant += panel.Weights[i] * family.LogConstant(s.Values[k]);
                if (!contiguous || c >= TimeCount)
                {
                    list.Add(c);
                }
            }

            ListStart[i + 1] = list.Count;
        }

        Cells = list.ToArray();
        CellTime = cellTime.ToArray();
        CellY = cellValue.ToArray();
        CellLogExposure = cellExposure.Select(e => Math.Log(e)).ToArray();
        TotalLogConstant = constant;
    }

    /// <summary>Number of time points T.</summary>
    public int TimeCount { get; }

    /// <summary>Number of rows (patterns).</summary>
    public int RowCount => Weights.Length;

    /// <summary>Number of distinct cells (≥ T).</summary>
    public int CellCount => CellTime.Length;

    /// <summary>Weight (persons) of each row.</summary>
    public double[] Weights { get; }

    /// <summary>Time index of each cell.</summary>
    public short[] CellTime { get; }

    /// <summary>Value y of each cell.</summary>
    public double[] CellY { get; }

    /// <summary>log exposure of each cell.</summary>
    public double[] CellLogExposure { get; }

    /// <summary>Σ over all observations of weight × the family's data-only constant (−Σ log y! for counts).</summary>
    public double TotalLogConstant { get; }

    /// <summary>Window start of each windowed row (WindowEnd = WindowStart = 0 for a row with gaps).</summary>
    public short[] WindowStart { get; }

    /// <summary>Window end (exclusive) of each windowed row; 0 for a row with gaps.</summary>
    public short[] WindowEnd { get; }

    /// <summary>CSR offsets into <see cref="Cells"/> per row.</summary>
    public int[] ListStart { get; }

    /// <summary>Per row: its non-baseline cells when windowed, else all its cells.</summary>
    public int[] Cells { get; }

    /// <summary>Whether row <paramref name="i"/> uses the windowed (prefix-sum) path.</summary>
    public bool IsWindowed(int i) => WindowEnd[i] > 0;
}
