namespace Trajectories.Analysis.Statistics;

/// <summary>
/// Exact Fisher–Freeman–Halton test for an r×c table by full enumeration of the tables with the observed margins
/// (R: <c>fisher.test(x)</c> for r×c, which uses the FEXACT network algorithm to the same end).
/// WHY enumeration: small r×c tables (the four profiles by a rare outcome) have few enough tables to list; the caller
/// caps the work and falls back to Monte Carlo when the count explodes.
/// </summary>
public static class FisherFreemanHaltonExact
{
    /// <summary>Default cap on the number of tables enumerated before giving up.</summary>
    public const long DefaultMaxTables = 2_000_000;

    /// <summary>
    /// p = Σ P(T) over tables T with the observed margins and P(T) ≤ P(observed)·(1 + 1e-7), where
    /// P(T) = Π r_i! Π c_j! / (N! Π n_ij!) (multiple hypergeometric). Returns null when more than
    /// <paramref name="maxTables"/> tables would have to be enumerated.
    /// </summary>
    public static TestResult? TryTest(long[,] table, long maxTables = DefaultMaxTables)
    {
        var (clean, _) = ChiSquareTest.DropEmptyMargins(table);
        var (rows, cols, total) = ContingencyTable.Margins(clean);
        var lnFact = Tails.LogFactorials(total);

        double logConst = -lnFact[total];
        foreach (var v in rows)
        {
            logConst += lnFact[v];
        }

        foreach (var v in cols)
        {
            logConst += lnFact[v];
        }

        double observed = 0;
        foreach (var v in clean)
        {
            observed -= lnFact[v];
        }

        var e = new Enumerator(rows, (long[])cols.Clone(), lnFact, observed + Tails.Log1P(BinomialTests.RelativeTolerance), logConst, maxTables);
        if (!e.Run())
        {
            return null;
        }

        return new TestResult(
            "Fisher–Freeman–Halton exact test",
            observed + logConst,
            Math.Min(1.0, e.PValue),
            Notes: [$"{e.Tables} tables enumerated; statistic = ln P(observed table)"]);
    }

    // Depth-first fill, row by row and left to right; the last column of a row and the whole last row are implied.
    private sealed class Enumerator(long[] rows, long[] colRem, double[] lnFact, double threshold, double logConst, long maxTables)
    {
        public double PValue { get; private set; }

        public long Tables { get; private set; }

        public bool Run() => Row(0, 0.0);

        private bool Row(int i, double s)
        {
            if (i == rows.Length - 1)
            {
                foreach (var v in colRem)
                {
                    s -= lnFact[v];
                }

                if (++Tables > maxTables)
                {
                    return false;
                }

                if (s <= threshold)
                {
                    PValue += Math.Exp(logConst + s);
                }

                return true;
            }

            return Cell(i, 0, rows[i], s);
        }

        private bool Cell(int i, int j, long rowRem, double s)
        {
            if (j == colRem.Length - 1)
            {
                colRem[j] -= rowRem;
                var ok = Row(i + 1, s - lnFact[rowRem]);
                colRem[j] += rowRem;
                return ok;
            }

            long later = 0;
            for (var k = j + 1; k < colRem.Length; k++)
            {
                later += colRem[k];
            }

            var lo = Math.Max(0, rowRem - later);
            var hi = Math.Min(rowRem, colRem[j]);
            for (var v = lo; v <= hi; v++)
            {
                colRem[j] -= v;
                var ok = Cell(i, j + 1, rowRem - v, s - lnFact[v]);
                colRem[j] += v;
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
