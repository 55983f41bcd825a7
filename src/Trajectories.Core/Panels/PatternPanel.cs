namespace Trajectories.Core.Panels;

/// <summary>
/// A <see cref="CountPanel"/> with identical persons collapsed into weighted patterns (exact compression).
/// </summary>
/// <remarks>
/// Two persons fall into one pattern when their observed time indices, values, exposures, covariates and time-varying
/// covariates (if any) are equal bit for bit;
/// their likelihood contributions and posteriors are then equal, so the likelihood is Σ_pattern weight · ℓ_pattern.
/// Sparse count panels compress well (most offenders share a handful of all-zero-but-one patterns).
/// Patterns are numbered in order of first appearance, so compression is deterministic.
/// </remarks>
public sealed class PatternPanel
{
    private PatternPanel(CountPanel patterns, double[] weights, int[] personPattern, string[] personIds)
    {
        Patterns = patterns;
        Weights = weights;
        PersonPattern = personPattern;
        PersonIds = personIds;
    }

    /// <summary>One row per distinct pattern; its person id is the first person that showed the pattern.</summary>
    public CountPanel Patterns { get; }

    /// <summary>Number of persons sharing each pattern.</summary>
    public double[] Weights { get; }

    /// <summary>The pattern of each original person, in original person order.</summary>
    public int[] PersonPattern { get; }

    /// <summary>The original person ids, in original order.</summary>
    public string[] PersonIds { get; }

    /// <summary>Number of original persons.</summary>
    public int PersonCount => PersonPattern.Length;

    /// <summary>Number of distinct patterns.</summary>
    public int PatternCount => Weights.Length;

    /// <summary>Collapses identical persons of <paramref name="panel"/> into weighted patterns.</summary>
    public static PatternPanel Compress(CountPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var comparer = new SeriesComparer(panel);
        var index = new Dictionary<int, int>(comparer);
        var personPattern = new int[panel.PersonCount];
        var representatives = new List<int>();
        var weights = new List<double>();
        for (var i = 0; i < panel.PersonCount; i++)
        {
            if (index.TryGetValue(i, out var pattern))
            {
                weights[pattern] += 1.0;
            }
            else
            {
                pattern = representatives.Count;
                index.Add(i, pattern);
                representatives.Add(i);
                weights.Add(1.0);
            }

            personPattern[i] = pattern;
        }

        return new PatternPanel(Subset(panel, representatives), weights.ToArray(), personPattern, panel.PersonIds);
    }

    /// <summary>Every person its own pattern of weight 1 (used to check that compression changes nothing).</summary>
    public static PatternPanel Uncompressed(CountPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var weights = new double[panel.PersonCount];
        weights.AsSpan().Fill(1.0);
        return new PatternPanel(panel, weights, Enumerable.Range(0, panel.PersonCount).ToArray(), panel.PersonIds);
    }

    private static CountPanel Subset(CountPanel panel, List<int> persons)
    {
        var rowStart = new int[persons.Count + 1];
        for (var p = 0; p < persons.Count; p++)
        {
            var i = persons[p];
            rowStart[p + 1] = rowStart[p] + panel.RowStart[i + 1] - panel.RowStart[i];
        }

        var n = rowStart[^1];
        var timeIndex = new short[n];
        var values = new double[n];
        var exposure = panel.Exposure is null ? null : new float[n];
        var ids = new string[persons.Count];
        var tcov = panel.TimeCovariates;
        var tcovValues = tcov is null ? null : new double[n * tcov.Count];
        for (var p = 0; p < persons.Count; p++)
        {
            var i = persons[p];
            var start = panel.RowStart[i];
            var length = panel.RowStart[i + 1] - start;
            ids[p] = panel.PersonIds[i];
            Array.Copy(panel.TimeIndex, start, timeIndex, rowStart[p], length);
            Array.Copy(panel.Values, start, values, rowStart[p], length);
            if (exposure is not null)
            {
                Array.Copy(panel.Exposure!, start, exposure, rowStart[p], length);
            }

            if (tcovValues is not null)
            {
                Array.Copy(tcov!.Values, start * tcov.Count, tcovValues, rowStart[p] * tcov.Count, length * tcov.Count);
            }
        }

        return new CountPanel(
            ids, panel.Times, rowStart, timeIndex, values, exposure, panel.Covariates?.Subset(persons),
            tcov is null ? null : new ObservationCovariates(tcov.Names, tcovValues!));
    }

    /// <summary>Compares persons of one panel by their whole observation run (times, values, exposure bits).</summary>
    private sealed class SeriesComparer(CountPanel panel) : IEqualityComparer<int>
    {
        public bool Equals(int a, int b)
        {
            var x = panel.Series(a);
            var y = panel.Series(b);
            return x.TimeIndex.SequenceEqual(y.TimeIndex)
                && x.Values.SequenceEqual(y.Values)
                && x.Exposure.SequenceEqual(y.Exposure)
                && (panel.Covariates is null || panel.Covariates.Of(a).SequenceEqual(panel.Covariates.Of(b)))
                && (panel.TimeCovariates is null || SameTimeCovariates(a, b));
        }

        private bool SameTimeCovariates(int a, int b)
        {
            var q = panel.TimeCovariates!.Count;
            var values = panel.TimeCovariates.Values;
            return values.AsSpan(panel.RowStart[a] * q, (panel.RowStart[a + 1] - panel.RowStart[a]) * q)
                .SequenceEqual(values.AsSpan(panel.RowStart[b] * q, (panel.RowStart[b + 1] - panel.RowStart[b]) * q));
        }

        public int GetHashCode(int person)
        {
            var s = panel.Series(person);
            var h = new HashCode();
            h.Add(s.Length);
            for (var k = 0; k < s.Length; k++)
            {
                h.Add(s.TimeIndex[k]);
                h.Add(s.Values[k]);
                if (!s.Exposure.IsEmpty)
                {
                    h.Add(BitConverter.SingleToInt32Bits(s.Exposure[k]));
                }
            }

            if (panel.Covariates is not null)
            {
                foreach (var c in panel.Covariates.Of(person))
                {
                    h.Add(c);
                }
            }

            return h.ToHashCode();
        }
    }
}
