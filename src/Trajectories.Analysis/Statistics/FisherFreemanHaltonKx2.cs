namespace Trajectories.Analysis.Statistics;

/// <summary>
/// Exact Fisher–Freeman–Halton test for a k×2 table (k groups, outcome yes/no) at any size, by the network
/// algorithm's branch and bound (Mehta &amp; Patel 1983) instead of listing every table. R: <c>fisher.test</c> on the
/// k×2 table.
/// </summary>
/// <remarks>
/// Given the group sizes n_i and the total number of events X, a table is the vector x with Σ x_i = X and
/// P(x) = Π C(n_i, x_i) / C(N, X). The p-value sums P over the tables with P(x) ≤ P(observed)·(1 + 1e-7). Groups are
/// filled one at a time; after the first i groups with partial log-weight s and r events left, the remaining groups
/// can add between minRest[i][r] and maxRest[i][r] (exact, by dynamic programming over r). When even the largest
/// completion stays under the threshold, all completions count and their total weight is C(n_i + … + n_k, r)
/// (Vandermonde's identity), so the whole subtree is added at once; when even the smallest exceeds it, the subtree
/// is dropped. Only subtrees that straddle the threshold are opened, which keeps the work small for the tables the
/// study meets (a few hundred persons per profile) where full enumeration would list tens of millions of tables.
/// </remarks>
public static class FisherFreemanHaltonKx2
{
    /// <summary>Default cap on the nodes of the search before giving up (the caller then uses Monte Carlo).</summary>
    public const long DefaultMaxNodes = 20_000_000;

    /// <summary>
    /// The exact test for events <paramref name="events"/> among <paramref name="sizes"/>; null when the search would
    /// open more than <paramref name="maxNodes"/> nodes.
    /// </summary>
    public static TestResult? TryTest(IReadOnlyList<long> events, IReadOnlyList<long> sizes, long maxNodes = DefaultMaxNodes)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(sizes);
        if (events.Count != sizes.Count || events.Count < 2)
        {
            throw new ArgumentException("Need matching events and sizes for at least two groups.", nameof(sizes));
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] < 0 || events[i] > sizes[i])
            {
                throw new ArgumentOutOfRangeException(nameof(events), "Need 0 ≤ events ≤ size in every group.");
            }
        }

        // Largest groups first: their terms vary most, so bounds decide early.
        var order = Enumerable.Range(0, sizes.Count).OrderByDescending(i => sizes[i]).ThenBy(i => i).ToArray();
        var n = order.Select(i => sizes[i]).ToArray();
        var x = order.Select(i => events[i]).ToArray();
        var total = n.Sum();
        var eventsTotal = x.Sum();
        var lnFact = Tails.LogFactorials(total);

        var search = new Search(n, eventsTotal, lnFact, maxNodes);
        var observed = 0.0;
        for (var i = 0; i < n.Length; i++)
        {
            observed += search.LnChoose(n[i], x[i]);
        }

        if (!search.Run(observed + Tails.Log1P(BinomialTests.RelativeTolerance)))
        {
            return null;
        }

        return new TestResult(
            "Fisher–Freeman–Halton exact test",
            observed - search.LnChoose(total, eventsTotal),
            Math.Min(1.0, search.PValue),
            Notes: [$"network algorithm: {search.Nodes} nodes; statistic = ln P(observed table)"]);
    }

    private sealed class Search
    {
        private readonly long[] _n;
        private readonly long[] _rest;
        private readonly long _events;
        private readonly double[] _lnFact;
        private readonly long _maxNodes;
        private readonly double[][] _min;
        private readonly double[][] _max;
        private double _threshold;
        private double _lnDenominator;

        public Search(long[] n, long events, double[] lnFact, long maxNodes)
        {
            (_n, _events, _lnFact, _maxNodes) = (n, events, lnFact, maxNodes);
            var k = n.Length;
            _rest = new long[k + 1];
            for (var i = k - 1; i >= 0; i--)
            {
                _rest[i] = _rest[i + 1] + n[i];
            }

            // minRest[i][r], maxRest[i][r]: extreme Σ_{j≥i} ln C(n_j, x_j) over x with Σ x_j = r, 0 ≤ x_j ≤ n_j.
            _min = new double[k + 1][];
            _max = new double[k + 1][];
            _min[k] = [0.0];
            _max[k] = [0.0];
            for (var i = k - 1; i >= 0; i--)
            {
                var top = (int)Math.Min(events, _rest[i]);
                _min[i] = new double[top + 1];
                _max[i] = new double[top + 1];
                var nextTop = _min[i + 1].Length - 1;
                for (var r = 0; r <= top; r++)
                {
                    double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
                    for (var v = Math.Max(0, r - nextTop); v <= Math.Min(n[i], r); v++)
                    {
                        var c = LnChoose(n[i], v);
                        lo = Math.Min(lo, c + _min[i + 1][r - v]);
                        hi = Math.Max(hi, c + _max[i + 1][r - v]);
                    }

                    (_min[i][r], _max[i][r]) = (lo, hi);
                }
            }
        }

        public double PValue { get; private set; }

        public long Nodes { get; private set; }

        public double LnChoose(long n, long k) => _lnFact[n] - _lnFact[k] - _lnFact[n - k];

        public bool Run(double threshold)
        {
            (_threshold, _lnDenominator) = (threshold, LnChoose(_rest[0], _events));
            return Visit(0, _events, 0.0);
        }

        private bool Visit(int i, long r, double s)
        {
            if (++Nodes > _maxNodes)
            {
                return false;
            }

            if (s + _max[i][r] <= _threshold)
            {
                PValue += Math.Exp(s + LnChoose(_rest[i], r) - _lnDenominator);
                return true;
            }

            if (s + _min[i][r] > _threshold)
            {
                return true;
            }

            // Straddling: only possible with at least one group left, since the last level has min = max.
            for (var v = Math.Max(0, r - _rest[i + 1]); v <= Math.Min(_n[i], r); v++)
            {
                if (!Visit(i + 1, r - v, s + LnChoose(_n[i], v)))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
