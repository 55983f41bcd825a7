using MathNet.Numerics.Random;

namespace Trajectories.Analysis.Statistics;

/// <summary>
/// Fisher–Freeman–Halton test for an r×c table by Monte Carlo (R: <c>fisher.test(x, simulate.p.value = TRUE)</c>).
/// WHY Monte Carlo rather than the exact network algorithm: the exact enumeration grows combinatorially with the
/// margins; the simulated p-value is unbiased, its Monte-Carlo standard error is reported in the notes, and a fixed
/// seed makes the report reproducible.
/// </summary>
public static class FisherFreemanHalton
{
    /// <summary>Default number of simulated tables (Monte-Carlo SE of p ≤ 0.005).</summary>
    public const int DefaultReplicates = 10_000;

    // R's .Machine$double.eps (2^-52); .NET's double.Epsilon is the smallest subnormal, not this.
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>
    /// Simulated p-value. Tables with the observed margins are drawn uniformly from the permutation distribution
    /// (shuffle the column labels of the N units and deal them out by row totals — exactly the multiple hypergeometric
    /// null); the statistic is the table's log-probability, equivalently S = −Σ ln n_ij!. As in R,
    /// p = (1 + #{S_sim ≤ S_obs / (1 + 64ε)}) / (B + 1), the factor 1 + 64ε guarding against ties lost to rounding.
    /// Cost is O(B·N); fine for the study's cohorts of a few thousand.
    /// </summary>
    public static TestResult MonteCarlo(long[,] table, int seed, int replicates = DefaultReplicates)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(replicates);
        var (clean, _) = ChiSquareTest.DropEmptyMargins(table);
        var (rows, cols, total) = ContingencyTable.Margins(clean);
        if (total > int.MaxValue)
        {
            throw new ArgumentException("Table too large for the permutation sampler.", nameof(table));
        }

        var observed = NegLogFactorialSum(clean);
        var labels = new int[total];
        var k = 0;
        for (var j = 0; j < cols.Length; j++)
        {
            for (long m = 0; m < cols[j]; m++)
            {
                labels[k++] = j;
            }
        }

        var rng = new Xoshiro256StarStar(seed);
        var counts = new long[rows.Length, cols.Length];
        var threshold = observed / (1.0 + 64.0 * MachineEpsilon);
        var hits = 0;
        for (var b = 0; b < replicates; b++)
        {
            Deal(labels, rows, counts, rng);
            if (NegLogFactorialSum(counts) <= threshold)
            {
                hits++;
            }
        }

        var p = (1.0 + hits) / (replicates + 1.0);
        var se = Math.Sqrt(p * (1.0 - p) / replicates);
        return new TestResult(
            "Fisher–Freeman–Halton exact test (Monte Carlo)",
            observed,
            p,
            Notes:
            [
                $"{replicates} simulated tables, seed {seed}; Monte-Carlo standard error of p ≈ {se:G2}",
                "statistic = −Σ ln(n_ij!) of the observed table",
            ]);
    }

    // Partial Fisher–Yates shuffle: row i receives the next rows[i] labels drawn without replacement.
    private static void Deal(int[] labels, long[] rows, long[,] counts, Xoshiro256StarStar rng)
    {
        Array.Clear(counts);
        var n = labels.Length;
        var pos = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            for (long m = 0; m < rows[i]; m++, pos++)
            {
                var swap = pos + rng.Next(n - pos);
                (labels[pos], labels[swap]) = (labels[swap], labels[pos]);
                counts[i, labels[pos]]++;
            }
        }
    }

    private static double NegLogFactorialSum(long[,] t)
    {
        double s = 0;
        foreach (var v in t)
        {
            s -= Tails.LogFactorial(v);
        }

        return s;
    }
}
