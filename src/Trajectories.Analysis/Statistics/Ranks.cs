namespace Trajectories.Analysis.Statistics;

/// <summary>Mid-ranks of pooled samples and the tie term Σ(t³ − t) the rank tests' tie corrections need.</summary>
public static class Ranks
{
    /// <summary>
    /// Ranks 1…N of the pooled values, ties sharing the average of the ranks they span (R's <c>rank()</c> default),
    /// and Σ(t³ − t) over tie groups of size t. O(N log N); NaN is rejected because it has no rank.
    /// </summary>
    public static (double[] Ranks, double TieSum) MidRanks(ReadOnlySpan<double> values)
    {
        var n = values.Length;
        var order = new int[n];
        var sorted = values.ToArray();
        foreach (var v in sorted)
        {
            if (double.IsNaN(v))
            {
                throw new ArgumentException("Values must not be NaN.", nameof(values));
            }
        }

        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(sorted, order);
        var ranks = new double[n];
        double tieSum = 0;
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && sorted[end] == sorted[start])
            {
                end++;
            }

            // Positions start..end−1 hold ranks start+1..end; their mean is (start + 1 + end) / 2.
            var mid = (start + 1 + end) / 2.0;
            for (var k = start; k < end; k++)
            {
                ranks[order[k]] = mid;
            }

            double t = end - start;
            tieSum += t * t * t - t;
            start = end;
        }

        return (ranks, tieSum);
    }
}
