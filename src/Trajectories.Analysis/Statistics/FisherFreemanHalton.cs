using MathNet.Numerics.Random;

namespace Trajectories.Analysis.Statistics;

/// <summary>
/// Fisher–Freeman–Halton test for an r×c table by Monte Carlo (R: <c>fisher.test(x, simulate.p.value = TRUE)</c>).
/// WHY Monte Carlo: exact enumeration (<see cref="FisherFreemanHaltonExact"/>) grows combinatorially with the margins;
/// the simulated p-value is unbiased, its Monte-Carlo standard error is reported in the notes, and a fixed seed makes
/// the report reproducible.
/// </summary>
public static class FisherFreemanHalton
{
    /// <summary>Default number of simulated tables (Monte-Carlo SE of p ≤ 0.005).</summary>
    public const int DefaultReplicates = 10_000;

    // R's .Machine$double.eps (2^-52); .NET's double.Epsilon is the smallest subnormal, not this.
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>
    /// Simulated p-value. Tables with the observed margins are drawn from the permutation (multiple hypergeometric)
    /// null by chained hypergeometric draws (R's r2dtable samples the same null with Patefield's algorithm); the
    /// statistic is the table's log-probability up to a constant, S = −Σ ln n_ij!. As in R,
    /// p = (1 + #{S_sim ≤ S_obs / (1 + 64ε)}) / (B + 1), the factor 1 + 64ε guarding against ties lost to rounding.
    /// Cost is O(B·r·c·σ) with σ a cell's standard deviation, so registers of millions remain feasible.
    /// </summary>
    public static TestResult MonteCarlo(long[,] table, int seed, int replicates = DefaultReplicates)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(replicates);
        var (clean, _) = ChiSquareTest.DropEmptyMargins(table);
        var (rows, cols, _) = ContingencyTable.Margins(clean);
        var observed = NegLogFactorialSum(clean);
        var rng = new Xoshiro256StarStar(seed);
        var counts = new long[rows.Length, cols.Length];
        var colRem = new long[cols.Length];
        var threshold = observed / (1.0 + 64.0 * MachineEpsilon);
        var hits = 0;
        for (var b = 0; b < replicates; b++)
        {
            Deal(rows, cols, colRem, counts, rng);
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

    // Deal the units out row by row; within a row, column j receives a hypergeometric share of the row's remaining
    // units from the units still unassigned in columns j..c. Chaining these conditionals gives exactly the multiple
    // hypergeometric null of a uniform permutation, at O(r·c·SD) cost instead of O(N).
    private static void Deal(long[] rows, long[] cols, long[] colRem, long[,] counts, Random rng)
    {
        Array.Copy(cols, colRem, cols.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var rowRem = rows[i];
            long pool = 0;
            foreach (var v in colRem)
            {
                pool += v;
            }

            for (var j = 0; j < cols.Length; j++)
            {
                var v = j == cols.Length - 1 ? rowRem : HypergeometricSampler.Sample(pool, colRem[j], rowRem, rng);
                counts[i, j] = v;
                pool -= colRem[j];
                colRem[j] -= v;
                rowRem -= v;
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
