namespace Trajectories.Analysis.Statistics;

/// <summary>Margins and expected counts of an r×c table of non-negative counts.</summary>
public static class ContingencyTable
{
    /// <summary>Row totals, column totals and grand total; throws on negative cells or an empty table.</summary>
    public static (long[] Rows, long[] Cols, long Total) Margins(long[,] table)
    {
        ArgumentNullException.ThrowIfNull(table);
        int r = table.GetLength(0), c = table.GetLength(1);
        var rows = new long[r];
        var cols = new long[c];
        long total = 0;
        for (var i = 0; i < r; i++)
        {
            for (var j = 0; j < c; j++)
            {
                var v = table[i, j];
                if (v < 0)
                {
                    throw new ArgumentException("Cell counts must be non-negative.", nameof(table));
                }

                rows[i] += v;
                cols[j] += v;
                total += v;
            }
        }

        if (total == 0)
        {
            throw new ArgumentException("The table is empty.", nameof(table));
        }

        return (rows, cols, total);
    }

    /// <summary>Expected counts under independence, E_ij = row_i·col_j / N.</summary>
    public static double[,] Expected(long[,] table)
    {
        var (rows, cols, total) = Margins(table);
        var e = new double[rows.Length, cols.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < cols.Length; j++)
            {
                e[i, j] = rows[i] * (double)cols[j] / total;
            }
        }

        return e;
    }

    /// <summary>Smallest expected count and the share of cells with expected count below 5 (Cochran's rule).</summary>
    public static (double Min, double ShareBelowFive) ExpectedSummary(long[,] table)
    {
        var e = Expected(table);
        var min = double.PositiveInfinity;
        var below = 0;
        foreach (var v in e)
        {
            min = Math.Min(min, v);
            if (v < 5.0)
            {
                below++;
            }
        }

        return (min, below / (double)e.Length);
    }
}
