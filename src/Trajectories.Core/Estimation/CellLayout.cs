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
        var cellCovariates = new List<int>();
        var lookup = new Dictionary<(short T, double Y, float E, int W), int>();
        var tcov = p.TimeCovariates;
        CovariateCount = tcov?.Count ?? 0;
        CovariateNames = tcov?.Names ?? [];
        var vectors = new VectorInterner(tcov?.Values ?? [], CovariateCount);
        for (short t = 0; t < TimeCount; t++)
        {
            lookup.Add((t, 0.0, 1f, 0), t);
            cellTime.Add(t);
            cellValue.Add(0.0);
            cellExposure.Add(1f);
            cellCovariates.Add(0);
        }

        var covariateSums = new double[TimeCount * CovariateCount];
        var covariateWeights = new double[TimeCount];

        var n = p.PersonCount;
        WindowStart = new short[n];
        WindowEnd = new short[n];
        ListStart = new int[n + 1];
        RowTotal = new double[n];
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
                var w = 0;
                if (tcov is not null)
                {
                    var row = tcov.Of(p.RowStart[i] + k);
                    w = vectors.Intern(p.RowStart[i] + k);
                    var t = s.TimeIndex[k];
                    covariateWeights[t] += panel.Weights[i];
                    for (var j = 0; j < CovariateCount; j++)
                    {
                        covariateSums[(t * CovariateCount) + j] += panel.Weights[i] * row[j];
                    }
                }

                var key = (s.TimeIndex[k], s.Values[k], e, w);
                if (!lookup.TryGetValue(key, out var c))
                {
                    c = cellTime.Count;
                    lookup.Add(key, c);
                    cellTime.Add(key.Item1);
                    cellValue.Add(key.Item2);
                    cellExposure.Add(e);
                    cellCovariates.Add(w);
                }

                constant += panel.Weights[i] * family.LogConstant(s.Values[k]);
                RowTotal[i] += s.Values[k];
                if (!contiguous || c >= TimeCount)
                {
                    list.Add(c);
                }
            }

            ListStart[i + 1] = list.Count;
        }

        Cells = list.ToArray();
        MaxRowTotal = n == 0 ? 0 : RowTotal.Max();
        CellTime = cellTime.ToArray();
        CellY = cellValue.ToArray();
        CellLogExposure = cellExposure.Select(e => Math.Log(e)).ToArray();
        TotalLogConstant = constant;
        CellCovariates = new double[CellCount * CovariateCount];
        for (var c = 0; c < CellCount; c++)
        {
            vectors.Vector(cellCovariates[c]).CopyTo(CellCovariates.AsSpan(c * CovariateCount, CovariateCount));
        }

        CovariateMeans = new double[TimeCount * CovariateCount];
        for (var t = 0; t < TimeCount; t++)
        {
            for (var j = 0; j < CovariateCount && covariateWeights[t] > 0; j++)
            {
                CovariateMeans[(t * CovariateCount) + j] = covariateSums[(t * CovariateCount) + j] / covariateWeights[t];
            }
        }
    }

    /// <summary>
    /// The rows of one shard of a sharded fit (<see cref="Sharding.LayoutShard"/>): its rows' windows, weights, totals and
    /// cell lists over a catalogue of its own cells (the baselines 0 … T−1, then the cells its rows use), with only the
    /// cells' times. Everything else a cell has (value, exposure, covariates) lives in the tables the coordinator sends.
    /// </summary>
    internal CellLayout(
        int timeCount, double[] weights, short[] windowStart, short[] windowEnd, int[] listStart, int[] cells, double[] rowTotal, short[] cellTime)
    {
        TimeCount = timeCount;
        Weights = weights;
        WindowStart = windowStart;
        WindowEnd = windowEnd;
        ListStart = listStart;
        Cells = cells;
        RowTotal = rowTotal;
        MaxRowTotal = rowTotal.Length == 0 ? 0 : rowTotal.Max();
        CellTime = cellTime;
        CellY = [];
        CellLogExposure = [];
        CellCovariates = [];
        CovariateMeans = [];
        CovariateNames = [];
    }

    /// <summary>Number of time-varying covariates Q of the panel (0 without TCOV).</summary>
    public int CovariateCount { get; }

    /// <summary>The panel's time-varying covariates, in the column order of <see cref="CellCovariates"/>.</summary>
    public IReadOnlyList<string> CovariateNames { get; }

    /// <summary>The columns of <paramref name="names"/> among <see cref="CovariateNames"/>.</summary>
    /// <exception cref="ModelSpecificationException">A name is not among the panel's time-varying covariates.</exception>
    public int[] CovariateColumns(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Select(n =>
        {
            for (var k = 0; k < CovariateNames.Count; k++)
            {
                if (CovariateNames[k] == n)
                {
                    return k;
                }
            }

            throw new ModelSpecificationException(CovariateNames.Count == 0
                ? $"the model has the time-varying covariate '{n}' but the panel has none."
                : $"no time-varying covariate '{n}' (the panel has {string.Join(", ", CovariateNames)}).");
        }).ToArray();
    }

    /// <summary>
    /// Each cell's time-varying covariates, row-major cells × Q (all the panel's; a model uses the columns it names).
    /// The baseline cells 0 … T−1 have all covariates 0.
    /// </summary>
    public double[] CellCovariates { get; }

    /// <summary>
    /// The persons' mean covariates at each time, T × Q (weighted by persons; 0 at a time nobody is observed): the
    /// values at which trajectories are reported.
    /// </summary>
    public double[] CovariateMeans { get; }

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

    /// <summary>Σ y over each row's observations (a person's total count: the gamma frailty's sufficient statistic).</summary>
    public double[] RowTotal { get; }

    /// <summary>The largest <see cref="RowTotal"/>.</summary>
    public double MaxRowTotal { get; }

    /// <summary>Whether row <paramref name="i"/> uses the windowed (prefix-sum) path.</summary>
    public bool IsWindowed(int i) => WindowEnd[i] > 0;

    /// <summary>
    /// Distinct covariate vectors, numbered in order of first appearance; 0 is the all-zero vector. Vectors are looked up
    /// by the index of an observation that has them (rows of the panel's covariate table), so nothing is allocated per
    /// observation; equality is bit for bit, as for the other cell coordinates.
    /// </summary>
    private sealed class VectorInterner
    {
        private readonly double[] _rows;
        private readonly int _width;
        private readonly Dictionary<int, int> _index;
        private readonly List<int> _firstRow = [];

        public VectorInterner(double[] rows, int width)
        {
            _rows = rows;
            _width = width;
            _index = new Dictionary<int, int>(new RowComparer(rows, width));
        }

        /// <summary>The number of the covariate vector of row <paramref name="row"/>.</summary>
        public int Intern(int row)
        {
            if (IsZero(row))
            {
                return 0;
            }

            if (!_index.TryGetValue(row, out var id))
            {
                id = _firstRow.Count + 1;
                _index.Add(row, id);
                _firstRow.Add(row);
            }

            return id;
        }

        /// <summary>Vector number <paramref name="id"/> (zeros for 0).</summary>
        public ReadOnlySpan<double> Vector(int id) =>
            id == 0 ? new double[_width] : _rows.AsSpan(_firstRow[id - 1] * _width, _width);

        private bool IsZero(int row)
        {
            foreach (var v in _rows.AsSpan(row * _width, _width))
            {
                if (BitConverter.DoubleToInt64Bits(v) != 0)
                {
                    return false;
                }
            }

            return true;
        }

        private sealed class RowComparer(double[] rows, int width) : IEqualityComparer<int>
        {
            public bool Equals(int a, int b) =>
                Bits(rows, a, width).SequenceEqual(Bits(rows, b, width));

            public int GetHashCode(int row)
            {
                var h = new HashCode();
                foreach (var bits in Bits(rows, row, width))
                {
                    h.Add(bits);
                }

                return h.ToHashCode();
            }

            private static ReadOnlySpan<long> Bits(double[] rows, int row, int width) =>
                System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(rows.AsSpan(row * width, width));
        }
    }
}
