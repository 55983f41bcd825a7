using Trajectories.Core.Membership;

namespace Trajectories.Core.Estimation;

/// <summary>
/// The E-step: per-row posteriors p_ig ∝ π_g f_g(row) in log space, the marginal log-likelihood, and the posterior
/// weight of every cell in every group (the sufficient statistics of the M-step and of the gradient).
/// </summary>
/// <remarks>
/// Rows are processed in fixed chunks of <see cref="ChunkRows"/>; each chunk's partial sums are kept apart and added
/// in chunk order, so the result is bit-identical for any number of threads. See <see cref="EStepReference"/> for
/// the plain per-observation version this kernel is tested against.
/// </remarks>
public static class EStepKernel
{
    /// <summary>Rows per parallel chunk (fixed: the reduction order must not depend on the thread count).</summary>
    public const int ChunkRows = 2048;

    /// <summary>Largest cells × groups for which cell weights are accumulated per chunk in the parallel pass.</summary>
    public const int MaxChunkCellBuffer = 1 << 16;

    /// <summary>Runs the E-step for the tables' parameters; fills <paramref name="result"/>.</summary>
    public static void Run(CellLayout layout, GroupTables tables, IMembershipModel membership, ReadOnlySpan<double> theta, int threads, EStepResult result)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(membership);
        ArgumentNullException.ThrowIfNull(result);
        var groups = tables.Groups;
        var rows = layout.RowCount;
        var chunks = (rows + ChunkRows - 1) / ChunkRows;
        // Few cells (no exposure): each chunk scatters into its own cell-weight buffer, reduced in chunk order.
        // Many cells (exposure makes most observations their own cell): one serial scatter pass instead.
        var chunkCells = (long)layout.CellCount * groups <= MaxChunkCellBuffer ? layout.CellCount * groups : 0;
        result.EnsureChunks(chunks, (tables.Time + 1) * groups, chunkCells);
        var constantPriors = new double[groups];
        if (membership.IsConstant)
        {
            membership.LogPriors(theta, 0, constantPriors);
        }

        var thetaCopy = membership.IsConstant ? [] : theta.ToArray();
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
            RunChunk(layout, tables, membership, constantPriors, thetaCopy, k, result));

        var ll = 0.0;
        var cover = new double[(tables.Time + 1) * groups];
        for (var k = 0; k < chunks; k++)
        {
            ll += result.ChunkLogLikelihood[k];
            var part = result.ChunkCover[k];
            for (var j = 0; j < cover.Length; j++)
            {
                cover[j] += part[j];
            }
        }

        result.LogLikelihood = ll + layout.TotalLogConstant;
        if (chunkCells == 0)
        {
            AccumulateCellWeights(layout, groups, cover, result);
            return;
        }

        var weights = result.CellWeights;
        Array.Clear(weights);
        for (var k = 0; k < chunks; k++)
        {
            var part = result.ChunkCells[k];
            for (var j = 0; j < weights.Length; j++)
            {
                weights[j] += part[j];
            }
        }

        AddCoverage(layout, groups, cover, weights);
    }

    private static void RunChunk(CellLayout layout, GroupTables tab, IMembershipModel membership, double[] constantPriors, double[] theta, int chunk, EStepResult result)
    {
        var groups = tab.Groups;
        var end = Math.Min(layout.RowCount, (chunk + 1) * ChunkRows);
        Span<double> acc = stackalloc double[groups];
        Span<double> priors = stackalloc double[groups];
        constantPriors.CopyTo(priors);
        var cover = result.ChunkCover[chunk];
        Array.Clear(cover);
        var post = result.Posteriors;
        var full = tab.Full;
        var diff = tab.Diff;
        var prefix = tab.Prefix;
        var cells = layout.Cells;
        var ll = 0.0;
        for (var i = chunk * ChunkRows; i < end; i++)
        {
            if (!membership.IsConstant)
            {
                membership.LogPriors(theta, i, priors);
            }

            int a = layout.WindowStart[i], b = layout.WindowEnd[i];
            var windowed = b > 0;
            if (windowed)
            {
                for (var g = 0; g < groups; g++)
                {
                    acc[g] = prefix[(b * groups) + g] - prefix[(a * groups) + g];
                }
            }
            else
            {
                acc.Clear();
            }

            var table = windowed ? diff : full;
            for (var j = layout.ListStart[i]; j < layout.ListStart[i + 1]; j++)
            {
                var c = cells[j] * groups;
                for (var g = 0; g < groups; g++)
                {
                    acc[g] += table[c + g];
                }
            }

            var max = double.NegativeInfinity;
            for (var g = 0; g < groups; g++)
            {
                acc[g] += priors[g];
                max = Math.Max(max, acc[g]);
            }

            var sum = 0.0;
            for (var g = 0; g < groups; g++)
            {
                acc[g] = Math.Exp(acc[g] - max);
                sum += acc[g];
            }

            var w = layout.Weights[i];
            ll += w * (max + Math.Log(sum));
            var row = post.AsSpan(i * groups, groups);
            for (var g = 0; g < groups; g++)
            {
                row[g] = acc[g] / sum;
                if (windowed)
                {
                    // Difference array over time: +w·p at the window start, −w·p at its end.
                    cover[(a * groups) + g] += w * row[g];
                    cover[(b * groups) + g] -= w * row[g];
                }
            }
        }

        result.ChunkLogLikelihood[chunk] = ll;
        if (result.ChunkCells.Length > 0)
        {
            ScatterRows(layout, groups, chunk * ChunkRows, end, post, result.ChunkCells[chunk]);
        }
    }

    /// <summary>
    /// Adds weight · p_g of rows [from, to) to the cells of their listed observations; for windowed rows the same
    /// amount is taken off the baseline cell at that time, which the coverage pass (<see cref="AddCoverage"/>) filled.
    /// </summary>
    private static void ScatterRows(CellLayout layout, int groups, int from, int to, double[] post, double[] weights)
    {
        Array.Clear(weights);
        for (var i = from; i < to; i++)
        {
            var windowed = layout.WindowEnd[i] > 0;
            var w = layout.Weights[i];
            for (var j = layout.ListStart[i]; j < layout.ListStart[i + 1]; j++)
            {
                var c = layout.Cells[j];
                var baseline = layout.CellTime[c] * groups;
                for (var g = 0; g < groups; g++)
                {
                    var wp = w * post[(i * groups) + g];
                    weights[(c * groups) + g] += wp;
                    if (windowed)
                    {
                        weights[baseline + g] -= wp;
                    }
                }
            }
        }
    }

    /// <summary>Cell weights for externally given posteriors (hard partitions of the starting values).</summary>
    public static void CellWeightsFromPosteriors(CellLayout layout, int groups, EStepResult result)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(result);
        var cover = new double[(layout.TimeCount + 1) * groups];
        for (var i = 0; i < layout.RowCount; i++)
        {
            int a = layout.WindowStart[i], b = layout.WindowEnd[i];
            if (b == 0)
            {
                continue;
            }

            for (var g = 0; g < groups; g++)
            {
                var wp = layout.Weights[i] * result.Posteriors[(i * groups) + g];
                cover[(a * groups) + g] += wp;
                cover[(b * groups) + g] -= wp;
            }
        }

        AccumulateCellWeights(layout, groups, cover, result);
    }

    /// <summary>
    /// W[c, g] = Σ_rows weight · p_g over the observations in cell c. Baseline cells of windowed rows come from the
    /// cumulated difference array (persons covering t) minus their non-baseline observations at t.
    /// </summary>
    private static void AccumulateCellWeights(CellLayout layout, int groups, double[] cover, EStepResult result)
    {
        ScatterRows(layout, groups, 0, layout.RowCount, result.Posteriors, result.CellWeights);
        AddCoverage(layout, groups, cover, result.CellWeights);
    }

    /// <summary>Baseline cells get the number of windowed persons covering t: the running sum of the difference array.</summary>
    private static void AddCoverage(CellLayout layout, int groups, double[] cover, double[] weights)
    {
        var running = new double[groups];
        for (var t = 0; t < layout.TimeCount; t++)
        {
            for (var g = 0; g < groups; g++)
            {
                running[g] += cover[(t * groups) + g];
                weights[(t * groups) + g] += running[g];
            }
        }
    }
}
