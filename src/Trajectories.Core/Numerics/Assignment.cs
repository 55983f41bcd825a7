namespace Trajectories.Core.Numerics;

/// <summary>
/// The linear assignment problem: the permutation of an n × n cost matrix's columns over its rows with the least total
/// cost (the Hungarian method with row and column potentials, O(n³), exact for any real costs).
/// </summary>
public static class Assignment
{
    /// <summary>
    /// The optimal assignment of <paramref name="cost"/> (row-major n × n): element r is the column given to row r.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not n × n or holds a NaN or infinity.</exception>
    public static int[] Solve(ReadOnlySpan<double> cost, int n)
    {
        if (n < 0 || cost.Length != n * n)
        {
            throw new ArgumentException("the cost matrix must be n × n.", nameof(cost));
        }

        foreach (var c in cost)
        {
            if (!double.IsFinite(c))
            {
                throw new ArgumentException("the costs must be finite.", nameof(cost));
            }
        }

        // 1-based arrays; column 0 is the virtual start column of each augmenting path.
        var rowPotential = new double[n + 1];
        var columnPotential = new double[n + 1];
        var rowOfColumn = new int[n + 1];
        var way = new int[n + 1];
        var least = new double[n + 1];
        var used = new bool[n + 1];
        for (var row = 1; row <= n; row++)
        {
            rowOfColumn[0] = row;
            var column = 0;
            Array.Fill(least, double.PositiveInfinity);
            Array.Clear(used);
            do
            {
                used[column] = true;
                int current = rowOfColumn[column], next = 0;
                var delta = double.PositiveInfinity;
                for (var j = 1; j <= n; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    var reduced = cost[((current - 1) * n) + j - 1] - rowPotential[current] - columnPotential[j];
                    if (reduced < least[j])
                    {
                        least[j] = reduced;
                        way[j] = column;
                    }

                    if (least[j] < delta)
                    {
                        delta = least[j];
                        next = j;
                    }
                }

                for (var j = 0; j <= n; j++)
                {
                    if (used[j])
                    {
                        rowPotential[rowOfColumn[j]] += delta;
                        columnPotential[j] -= delta;
                    }
                    else
                    {
                        least[j] -= delta;
                    }
                }

                column = next;
            }
            while (rowOfColumn[column] != 0);

            // Flip the augmenting path back to the start column.
            do
            {
                var previous = way[column];
                rowOfColumn[column] = rowOfColumn[previous];
                column = previous;
            }
            while (column != 0);
        }

        var result = new int[n];
        for (var j = 1; j <= n; j++)
        {
            result[rowOfColumn[j] - 1] = j - 1;
        }

        return result;
    }
}
