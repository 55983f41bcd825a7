namespace Trajectories.Analysis.Statistics;

/// <summary>Pearson's chi-square test of independence (R: <c>chisq.test(x, correct = FALSE)</c>).</summary>
public static class ChiSquareTest
{
    /// <summary>
    /// Pearson X² = Σ (O − E)² / E with df = (r − 1)(c − 1); p = P(χ²_df ≥ X²) from the regularized upper incomplete
    /// gamma (MathNet), which keeps small p-values accurate. Rows or columns with a zero margin are dropped first
    /// (they carry no information and would give E = 0); the note says so.
    /// With <paramref name="yates"/> on a 2×2 table, Yates' continuity correction |O − E| − min(0.5, |O − E|) is
    /// applied, as R's default <c>chisq.test(x)</c> does.
    /// </summary>
    public static TestResult Pearson(long[,] table, bool yates = false)
    {
        var (clean, dropped) = DropEmptyMargins(table);
        int r = clean.GetLength(0), c = clean.GetLength(1);
        if (r < 2 || c < 2)
        {
            throw new ArgumentException("Need at least two non-empty rows and columns.", nameof(table));
        }

        var e = ContingencyTable.Expected(clean);
        var useYates = yates && r == 2 && c == 2;
        double x2 = 0;
        for (var i = 0; i < r; i++)
        {
            for (var j = 0; j < c; j++)
            {
                var dev = Math.Abs(clean[i, j] - e[i, j]);
                if (useYates)
                {
                    dev -= Math.Min(0.5, dev);
                }

                x2 += dev * dev / e[i, j];
            }
        }

        double df = (r - 1) * (c - 1);
        var notes = new List<string>();
        if (dropped)
        {
            notes.Add("rows or columns with a zero total were dropped");
        }

        var (min, share) = ContingencyTable.ExpectedSummary(clean);
        if (min < 5.0)
        {
            notes.Add($"{share:P0} of expected counts below 5 (minimum {min:G3}); the chi-square approximation may be poor");
        }

        var method = useYates
            ? "Pearson's chi-square test with Yates' continuity correction"
            : "Pearson's chi-square test";
        return new TestResult(method, x2, Tails.ChiSquareUpper(x2, df), df, Notes: notes);
    }

    /// <summary>Pearson chi-square for a 2×2 table.</summary>
    public static TestResult Pearson(TwoByTwo table, bool yates = false) => Pearson(table.ToArray(), yates);

    internal static (long[,] Table, bool Dropped) DropEmptyMargins(long[,] table)
    {
        var (rows, cols, _) = ContingencyTable.Margins(table);
        var keepR = Enumerable.Range(0, rows.Length).Where(i => rows[i] > 0).ToArray();
        var keepC = Enumerable.Range(0, cols.Length).Where(j => cols[j] > 0).ToArray();
        if (keepR.Length == rows.Length && keepC.Length == cols.Length)
        {
            return (table, false);
        }

        var t = new long[keepR.Length, keepC.Length];
        for (var i = 0; i < keepR.Length; i++)
        {
            for (var j = 0; j < keepC.Length; j++)
            {
                t[i, j] = table[keepR[i], keepC[j]];
            }
        }

        return (t, true);
    }
}
