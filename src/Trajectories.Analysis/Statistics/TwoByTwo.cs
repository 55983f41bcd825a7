namespace Trajectories.Analysis.Statistics;

/// <summary>
/// A 2×2 table of counts. Convention used throughout: rows are the two groups (row 1 = index group such as
/// offenders, row 2 = reference group such as the non-criminal controls); column 1 = outcome present, column 2 = absent.
/// <code>
///            outcome  no outcome
///  group 1      A         B
///  group 2      C         D
/// </code>
/// </summary>
public readonly record struct TwoByTwo
{
    /// <summary>Creates a table; all cells must be non-negative.</summary>
    public TwoByTwo(long a, long b, long c, long d)
    {
        if (a < 0 || b < 0 || c < 0 || d < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(a), "Cell counts must be non-negative.");
        }

        (A, B, C, D) = (a, b, c, d);
    }

    /// <summary>Group 1 with the outcome.</summary>
    public long A { get; }

    /// <summary>Group 1 without the outcome.</summary>
    public long B { get; }

    /// <summary>Group 2 with the outcome.</summary>
    public long C { get; }

    /// <summary>Group 2 without the outcome.</summary>
    public long D { get; }

    /// <summary>Size of group 1 (A + B).</summary>
    public long Row1 => A + B;

    /// <summary>Size of group 2 (C + D).</summary>
    public long Row2 => C + D;

    /// <summary>Number with the outcome (A + C).</summary>
    public long Col1 => A + C;

    /// <summary>Number without the outcome (B + D).</summary>
    public long Col2 => B + D;

    /// <summary>Grand total.</summary>
    public long Total => A + B + C + D;

    /// <summary>Builds the table from "x1 of n1" in group 1 and "x2 of n2" in group 2.</summary>
    public static TwoByTwo FromProportions(long x1, long n1, long x2, long n2)
    {
        if (x1 < 0 || x1 > n1 || x2 < 0 || x2 > n2)
        {
            throw new ArgumentOutOfRangeException(nameof(x1), "Need 0 ≤ x ≤ n in both groups.");
        }

        return new TwoByTwo(x1, n1 - x1, x2, n2 - x2);
    }

    /// <summary>The table as a 2×2 array, for the r×c functions.</summary>
    public long[,] ToArray() => new[,] { { A, B }, { C, D } };

    /// <summary>Expected counts under independence, E_ij = row_i·col_j / N, in A, B, C, D order.</summary>
    public (double A, double B, double C, double D) Expected()
    {
        double n = Total;
        return (Row1 * (double)Col1 / n, Row1 * (double)Col2 / n, Row2 * (double)Col1 / n, Row2 * (double)Col2 / n);
    }
}
