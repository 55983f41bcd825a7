using Trajectories.Core.Families;
using Trajectories.Core.Membership;
using Trajectories.Core.Numerics;

namespace Trajectories.Core.Estimation;

/// <summary>
/// The E-step: per-row posteriors p_ig ∝ π_g f_g(row) in log space, the marginal log-likelihood, and the posterior
/// weight of every cell in every group (the sufficient statistics of the M-step and of the gradient).
/// </summary>
/// <remarks>
/// Rows are processed in fixed chunks of <see cref="ChunkRows"/>; each chunk's partial sums are kept apart, added in
/// chunk order within blocks of <see cref="BlockChunks"/> chunks, and the blocks in block order, so the result is
/// bit-identical for any number of threads, and for any number of shards of whole blocks (<see cref="Sharding.ShardedEStep"/>).
/// See <see cref="EStepReference"/> for the plain per-observation version this kernel is tested against.
/// </remarks>
public static class EStepKernel
{
    /// <summary>Rows per parallel chunk (fixed: the reduction order must not depend on the thread count).</summary>
    public const int ChunkRows = 2048;

    /// <summary>
    /// Chunks per block. Partial sums are added chunk by chunk within a block of this many chunks, then block by block:
    /// a fixed two-level order, so a shard of whole blocks can add up its own chunks and send one partial sum per block
    /// (a quarter of the bytes of one per chunk) and the result is still the same bits as a local E-step's.
    /// </summary>
    public const int BlockChunks = 4;

    /// <summary>Rows per block: a shard of a sharded fit starts at a multiple of it.</summary>
    public const int BlockRows = ChunkRows * BlockChunks;

    /// <summary>Largest cells × groups for which cell weights are accumulated per chunk in the parallel pass.</summary>
    public const int MaxChunkCellBuffer = 1 << 16;

    /// <summary>Runs the E-step for the tables' parameters; fills <paramref name="result"/>.</summary>
    public static void Run(CellLayout layout, EStepTables tables, IMembershipModel membership, ReadOnlySpan<double> theta, int threads, EStepResult result)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(tables);
        RunChunks(layout, tables, membership, theta, threads, UsesChunkCells(layout, tables.Groups), result);
        Reduce(layout, tables, result);
    }

    /// <summary>
    /// Whether the E-step on <paramref name="layout"/> keeps cell weights per chunk. Few cells (no exposure): each chunk
    /// scatters into its own cell-weight buffer while its rows are hot, and the buffers are reduced in chunk order. Many
    /// cells (exposure makes most observations their own cell): one serial scatter pass instead, so memory stays
    /// O(cells) rather than O(chunks × cells). A sharded fit decides it once, on the whole layout.
    /// </summary>
    public static bool UsesChunkCells(CellLayout layout, int groups)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return (long)layout.CellCount * groups <= MaxChunkCellBuffer;
    }

    /// <summary>
    /// The per-chunk half of the E-step: every chunk's log-likelihood, group sums, coverage and (with
    /// <paramref name="chunkCells"/>) cell weights into <paramref name="result"/>'s chunk buffers, and the posteriors.
    /// <see cref="Reduce"/> completes it. A shard runs this on its own rows (the chunks are the same, as its rows start
    /// at a chunk boundary of the whole layout).
    /// </summary>
    public static void RunChunks(
        CellLayout layout, EStepTables tables, IMembershipModel membership, ReadOnlySpan<double> theta, int threads, bool chunkCells, EStepResult result)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(membership);
        ArgumentNullException.ThrowIfNull(result);
        var groups = tables.Groups;
        var chunks = Chunks(layout);
        // Each chunk's coverage is a compensated pair: sums at [0, n), their rounding errors at [n, 2n).
        result.ForgetDeferred();
        result.EnsureChunks(chunks, 2 * CoverLength(tables), chunkCells ? layout.CellCount * groups : 0);
        var priors = ConstantPriors(membership, theta, groups);
        var thetaCopy = membership.IsConstant ? [] : theta.ToArray();
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
            RunChunk(layout, tables, membership, priors, thetaCopy, k, result));
    }

    /// <summary>Length of one half of a chunk's coverage pair: (T + 1) · G.</summary>
    public static int CoverLength(EStepTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return (tables.Time + 1) * tables.Groups;
    }

    /// <summary>
    /// The reducing half of the E-step: the chunks' partial sums of <see cref="RunChunks"/> added up per block of
    /// <see cref="BlockChunks"/> chunks (<see cref="FoldBlocks"/>), then the blocks in order (<see cref="ReduceBlocks"/>).
    /// </summary>
    public static void Reduce(CellLayout layout, EStepTables tables, EStepResult result)
    {
        FoldBlocks(layout, tables, result);
        ReduceBlocks(layout, tables, result);
    }

    /// <summary>
    /// Each block's partial sums from its chunks', in chunk order: log-likelihood, group sums, coverage pair, cell
    /// weights (when the chunks keep them) and frailty sums. A shard folds its own blocks and sends those, not its chunks.
    /// </summary>
    public static void FoldBlocks(CellLayout layout, EStepTables tables, EStepResult result)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(result);
        var groups = tables.Groups;
        var chunks = Chunks(layout);
        var coverLength = CoverLength(tables);
        var cellLength = result.Chunks.Cells.Length == 0 ? 0 : result.Chunks.Cells[0].Length;
        result.EnsureBlocks(BlockCount(layout), 2 * coverLength, cellLength);
        for (var b = 0; b < result.Blocks.LogLikelihood.Length; b++)
        {
            var ll = 0.0;
            var sums = result.Blocks.Groups[b];
            var cover = result.Blocks.Cover[b];
            var cells = cellLength == 0 ? null : result.Blocks.Cells[b];
            var frailty = result.Blocks.Frailty[b];
            Array.Clear(sums);
            Array.Clear(cover);
            Array.Clear(frailty);
            if (cells is not null)
            {
                Array.Clear(cells);
            }

            // The coverage pair: sums at [0, n), their rounding errors at [n, 2n) (see RunChunk).
            var coverSum = cover.AsSpan(0, coverLength);
            var coverError = cover.AsSpan(coverLength);
            for (var k = b * BlockChunks; k < Math.Min(chunks, (b + 1) * BlockChunks); k++)
            {
                ll += result.Chunks.LogLikelihood[k];
                Add(sums, result.Chunks.Groups[k]);
                var part = result.Chunks.Cover[k];
                for (var j = 0; j < coverLength; j++)
                {
                    CompensatedSum.Add(coverSum, coverError, j, part[j]);
                    coverError[j] += part[coverLength + j];
                }

                if (cells is not null)
                {
                    Add(cells, result.Chunks.Cells[k]);
                }

                Add(frailty, result.Chunks.Frailty[k]);
            }

            result.Blocks.LogLikelihood[b] = ll;
        }
    }

    /// <summary>
    /// The blocks' partial sums (<see cref="FoldBlocks"/>, or a sharded E-step's from its shards) added in block order,
    /// then the cell weights (from the blocks, or one serial scatter of the posteriors), the baselines, and a frailty
    /// model's sums.
    /// </summary>
    public static void ReduceBlocks(CellLayout layout, EStepTables tables, EStepResult result)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(result);
        var groups = tables.Groups;
        var blocks = result.Blocks.LogLikelihood.Length;
        var coverLength = CoverLength(tables);
        var ll = 0.0;
        var cover = new double[coverLength];
        var coverError = new double[coverLength];
        Array.Clear(result.GroupSums);
        for (var b = 0; b < blocks; b++)
        {
            ll += result.Blocks.LogLikelihood[b];
            Add(result.GroupSums, result.Blocks.Groups[b]);
            var part = result.Blocks.Cover[b];
            for (var j = 0; j < coverLength; j++)
            {
                CompensatedSum.Add(cover, coverError, j, part[j]);
                coverError[j] += part[coverLength + j];
            }
        }

        result.LogLikelihood = ll + layout.TotalLogConstant;
        var weights = result.CellWeights;
        if (result.Blocks.Cells.Length == 0)
        {
            ScatterRows(layout, groups, 0, layout.RowCount, result.Posteriors, weights);
        }
        else
        {
            Array.Clear(weights);
            for (var b = 0; b < blocks; b++)
            {
                Add(weights, result.Blocks.Cells[b]);
            }
        }

        CompleteBaselines(layout, groups, cover, coverError, weights);
        if (tables.HasFrailty)
        {
            FrailtySums(layout, tables, blocks, result);
        }
    }

    /// <summary>target[j] += part[j] for every j of <paramref name="part"/>.</summary>
    private static void Add(double[] target, double[] part)
    {
        for (var j = 0; j < part.Length; j++)
        {
            target[j] += part[j];
        }
    }

    /// <summary>
    /// A frailty model's M-step statistics: the shape sums reduced in block order, and the frailty-weighted cell
    /// weights V from <see cref="EStepResult.FrailtyPosteriors"/> the way W comes from the posteriors (one serial pass,
    /// as for W with many cells).
    /// </summary>
    private static void FrailtySums(CellLayout layout, EStepTables tables, int blocks, EStepResult result)
    {
        var groups = tables.Groups;
        Array.Clear(result.FrailtyExcess);
        Array.Clear(result.FrailtyLog);
        for (var k = 0; k < blocks; k++)
        {
            var part = result.Blocks.Frailty[k];
            for (var g = 0; g < groups; g++)
            {
                result.FrailtyExcess[g] += part[g];
                result.FrailtyLog[g] += part[groups + g];
            }
        }

        tables.Shape.CopyTo(result.FrailtyShapeAt, 0);
        result.FrailtyFromPrior = false;
        WeightsFromRows(layout, groups, result.FrailtyPosteriors, result.FrailtyWeights);
    }

    /// <summary>
    /// Cell weights from per-row group amounts in one serial pass: the windowed rows' coverage difference array, the
    /// listed cells' scatter, then the baselines completed (<see cref="CompleteBaselines"/>).
    /// </summary>
    private static void WeightsFromRows(CellLayout layout, int groups, double[] rows, double[] weights)
    {
        var cover = new double[(layout.TimeCount + 1) * groups];
        var coverError = new double[cover.Length];
        for (var i = 0; i < layout.RowCount; i++)
        {
            int a = layout.WindowStart[i], b = layout.WindowEnd[i];
            if (b == 0)
            {
                continue;
            }

            for (var g = 0; g < groups; g++)
            {
                var wp = layout.Weights[i] * rows[(i * groups) + g];
                CompensatedSum.Add(cover, coverError, (a * groups) + g, wp);
                CompensatedSum.Add(cover, coverError, (b * groups) + g, -wp);
            }
        }

        ScatterRows(layout, groups, 0, layout.RowCount, rows, weights);
        CompleteBaselines(layout, groups, cover, coverError, weights);
    }

    /// <summary>
    /// The marginal log-likelihood at the tables' parameters without posteriors or cell weights (a line search needs
    /// nothing else), writing nothing. Same chunks and reduction order as <see cref="Run"/>, so the value is
    /// bit-identical to its log-likelihood.
    /// </summary>
    public static double LogLikelihood(CellLayout layout, EStepTables tables, IMembershipModel membership, ReadOnlySpan<double> theta, int threads)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var ll = 0.0;
        foreach (var part in BlockLogLikelihoods(layout, tables, membership, theta, threads))
        {
            ll += part;
        }

        return ll + layout.TotalLogConstant;
    }

    /// <summary>
    /// Each block's weighted log-likelihood (without the data constant), its chunks' added in chunk order: what
    /// <see cref="LogLikelihood"/> adds in block order, and what a shard answers a log-likelihood-only call with.
    /// </summary>
    public static double[] BlockLogLikelihoods(CellLayout layout, EStepTables tables, IMembershipModel membership, ReadOnlySpan<double> theta, int threads)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(membership);
        var chunks = Chunks(layout);
        var priors = ConstantPriors(membership, theta, tables.Groups);
        var thetaCopy = membership.IsConstant ? [] : theta.ToArray();
        var partial = new double[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
            partial[k] = RunChunk(layout, tables, membership, priors, thetaCopy, k, null));
        var blocks = new double[BlockCount(layout)];
        for (var k = 0; k < chunks; k++)
        {
            blocks[k / BlockChunks] += partial[k];
        }

        return blocks;
    }

    /// <summary>The number of blocks of <see cref="BlockChunks"/> chunks of <paramref name="layout"/>.</summary>
    public static int BlockCount(CellLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return (Chunks(layout) + BlockChunks - 1) / BlockChunks;
    }

    /// <summary>The number of fixed row chunks (independent of the thread count).</summary>
    private static int Chunks(CellLayout layout) => (layout.RowCount + ChunkRows - 1) / ChunkRows;

    private static double[] ConstantPriors(IMembershipModel membership, ReadOnlySpan<double> theta, int groups)
    {
        var priors = new double[groups];
        if (membership.IsConstant)
        {
            membership.LogPriors(theta, 0, priors);
        }

        return priors;
    }

    /// <summary>
    /// One chunk of rows: group log-likelihoods from the prefix sums of the row's window plus its listed cells, then
    /// log-sum-exp. With a <paramref name="result"/>, also the posteriors, the chunk's coverage difference array and
    /// (with per-chunk buffers) its cell weights; without one, the log-likelihood only. Returns the chunk's weighted
    /// log-likelihood.
    /// </summary>
    private static double RunChunk(
        CellLayout layout, EStepTables tab, IMembershipModel membership, double[] constantPriors, double[] theta, int chunk, EStepResult? result)
    {
        var groups = tab.Groups;
        var time = layout.TimeCount;
        var end = Math.Min(layout.RowCount, (chunk + 1) * ChunkRows);
        Span<double> acc = stackalloc double[groups];
        Span<double> lambda = stackalloc double[groups];
        var frailty = tab.HasFrailty;
        var frailtySums = frailty && result is not null ? result.Chunks.Frailty[chunk] : null;
        if (frailtySums is not null)
        {
            Array.Clear(frailtySums);
        }

        Span<double> priors = stackalloc double[groups];
        constantPriors.CopyTo(priors);
        var cover = result?.Chunks.Cover[chunk];
        var groupSums = result?.Chunks.Groups[chunk];
        var cellWeights = result is null || result.Chunks.Cells.Length == 0 ? null : result.Chunks.Cells[chunk];
        // The chunk's coverage pair: sums in the first half, their rounding errors in the second (see Run).
        var coverSum = cover.AsSpan(0, (cover?.Length ?? 0) / 2);
        var coverError = cover.AsSpan((cover?.Length ?? 0) / 2);
        if (cover is not null)
        {
            Array.Clear(cover);
            Array.Clear(groupSums!);
        }

        if (cellWeights is not null)
        {
            Array.Clear(cellWeights);
        }

        var full = tab.Full;
        var diff = tab.Diff;
        var prefix = tab.Prefix;
        var cells = layout.Cells;
        var cellTime = layout.CellTime;
        var exact = tab.PrefixExact;
        var ll = 0.0;
        for (var i = chunk * ChunkRows; i < end; i++)
        {
            if (!membership.IsConstant)
            {
                membership.LogPriors(theta, i, priors);
            }

            int a = layout.WindowStart[i], b = layout.WindowEnd[i];
            var windowed = b > 0;
            int from = layout.ListStart[i], to = layout.ListStart[i + 1];
            acc.Clear();
            if (windowed && !exact)
            {
                WindowSum(acc, full, cells, cellTime, a, b, from, to, groups);
            }
            else
            {
                if (windowed)
                {
                    for (var g = 0; g < groups; g++)
                    {
                        acc[g] = prefix[(b * groups) + g] - prefix[(a * groups) + g];
                    }
                }

                var table = windowed ? diff : full;
                for (var j = from; j < to; j++)
                {
                    GroupVector.Add(acc, table, cells[j] * groups, groups);
                }
            }

            var total = layout.RowTotal[i];
            if (frailty)
            {
                ExpectedTotals(lambda, tab, cells, cellTime, windowed, exact, a, b, from, to);
                for (var g = 0; g < groups; g++)
                {
                    // An infinite expected total explains no finite count: the group's density is 0.
                    acc[g] = double.IsFinite(lambda[g])
                        ? acc[g] + GammaFrailty.PersonTerm(tab.Shape[g], total, lambda[g], tab.LogTermOf(g, total))
                        : double.NegativeInfinity;
                }
            }

            var max = double.NegativeInfinity;
            for (var g = 0; g < groups; g++)
            {
                acc[g] += priors[g];
                max = Math.Max(max, acc[g]);
            }

            var w = layout.Weights[i];
            if (!(max > double.NegativeInfinity))
            {
                // No group gives this row a positive density (every rate has left the range of doubles): the model's
                // log-likelihood is −∞ here, and the start that led to it loses. Posteriors stay defined.
                ll += double.NegativeInfinity;
                acc.Fill(1.0);
                max = 0.0;
            }

            var sum = 0.0;
            for (var g = 0; g < groups; g++)
            {
                acc[g] = Math.Exp(acc[g] - max);
                sum += acc[g];
            }

            ll += w * (max + Math.Log(sum));
            if (result is null || cover is null)
            {
                continue;
            }

            var row = result.PosteriorsBuffer.AsSpan(i * groups, groups);
            for (var g = 0; g < groups; g++)
            {
                row[g] = acc[g] / sum;
                groupSums![g] += w * row[g];
                if (windowed)
                {
                    // Difference array over time: +w·p at the window start, −w·p at its end, compensated (see
                    // CompensatedSum: the running sum over time must cancel to far below ε of the group's size).
                    CompensatedSum.Add(coverSum, coverError, (a * groups) + g, w * row[g]);
                    CompensatedSum.Add(coverSum, coverError, (b * groups) + g, -w * row[g]);
                }
            }

            if (cellWeights is not null)
            {
                ScatterRow(cells, cellTime, time, groups, from, to, windowed, row, w, cellWeights);
            }

            if (frailtySums is not null)
            {
                FrailtyPosterior(tab, i, total, lambda, row, w, result.FrailtyPosteriors, frailtySums);
            }
        }

        if (result is not null)
        {
            result.Chunks.LogLikelihood[chunk] = ll;
        }

        return ll;
    }

    /// <summary>Λ_g = Σ_t μ_gt over a row's observations, from the rate tables the way the log-likelihood comes from the density tables.</summary>
    private static void ExpectedTotals(
        Span<double> lambda, EStepTables tab, int[] cells, short[] cellTime, bool windowed, bool exact, int a, int b, int from, int to)
    {
        var groups = tab.Groups;
        lambda.Clear();
        if (windowed && !exact)
        {
            WindowSum(lambda, tab.RateFull, cells, cellTime, a, b, from, to, groups);
            return;
        }

        if (windowed)
        {
            for (var g = 0; g < groups; g++)
            {
                lambda[g] = tab.RatePrefix[(b * groups) + g] - tab.RatePrefix[(a * groups) + g];
            }
        }

        var table = windowed ? tab.RateDiff : tab.RateFull;
        for (var j = from; j < to; j++)
        {
            GroupVector.Add(lambda, table, cells[j] * groups, groups);
        }
    }

    /// <summary>
    /// One row's frailty posterior per group: p·E u into <paramref name="frailtyPosteriors"/>, and its weighted
    /// (1 − E u) and E log u terms into the chunk's shape sums (excess at g, log at G + g).
    /// </summary>
    private static void FrailtyPosterior(
        EStepTables tab, int i, double total, ReadOnlySpan<double> lambda, ReadOnlySpan<double> row, double w, double[] frailtyPosteriors, double[] sums)
    {
        var groups = tab.Groups;
        for (var g = 0; g < groups; g++)
        {
            if (row[g] == 0)
            {
                // No weight in this group (possibly with an infinite Λ there): nothing to add, and no 0·∞.
                frailtyPosteriors[(i * groups) + g] = 0.0;
                continue;
            }

            var a = tab.Shape[g];
            frailtyPosteriors[(i * groups) + g] = row[g] * GammaFrailty.PosteriorMean(a, total, lambda[g]);
            sums[g] += w * row[g] * (lambda[g] - total) / (a + lambda[g]);
            sums[groups + g] += w * row[g] * GammaFrailty.PosteriorLog(a, lambda[g], tab.HarmonicOf(g, total));
        }
    }

    /// <summary>
    /// A windowed row's group log-likelihoods summed directly over its window, one cell per time: its listed
    /// (non-baseline) cell where it has one, the baseline cell otherwise. O(window) instead of O(listed cells), used only
    /// when the prefix differences are not exact (<see cref="EStepTables.PrefixExact"/>); the same sum as
    /// <see cref="EStepReference"/>'s, so the value is the model's true one however extreme the rates are.
    /// </summary>
    /// <remarks>A windowed row lists its non-baseline cells in ascending time, at most one per time (CellLayout).</remarks>
    private static void WindowSum(Span<double> acc, double[] full, int[] cells, short[] cellTime, int a, int b, int from, int to, int groups)
    {
        var j = from;
        for (var t = a; t < b; t++)
        {
            var c = j < to && cellTime[cells[j]] == t ? cells[j++] : t;
            GroupVector.Add(acc, full, c * groups, groups);
        }
    }

    /// <summary>
    /// Adds w · p of one row to the cells of its listed observations. A gapped row also adds the amount of each
    /// non-baseline observation to the baseline cell of its time, which <see cref="CompleteBaselines"/> takes off again:
    /// only windowed rows' observations are to be subtracted from the coverage counts there.
    /// </summary>
    private static void ScatterRow(int[] cells, short[] cellTime, int time, int groups, int from, int to, bool windowed, ReadOnlySpan<double> row, double w, double[] weights)
    {
        for (var j = from; j < to; j++)
        {
            var c = cells[j];
            GroupVector.AddScaled(weights, c * groups, row, w, groups);
            if (!windowed && c >= time)
            {
                GroupVector.AddScaled(weights, cellTime[c] * groups, row, w, groups);
            }
        }
    }

    /// <summary>Cell weights of rows [from, to) (see <see cref="ScatterRow"/>), into a cleared buffer.</summary>
    private static void ScatterRows(CellLayout layout, int groups, int from, int to, double[] post, double[] weights)
    {
        Array.Clear(weights);
        for (var i = from; i < to; i++)
        {
            ScatterRow(
                layout.Cells, layout.CellTime, layout.TimeCount, groups, layout.ListStart[i], layout.ListStart[i + 1],
                layout.WindowEnd[i] > 0, post.AsSpan(i * groups, groups), layout.Weights[i], weights);
        }
    }

    /// <summary>Cell weights for externally given posteriors (hard partitions of the starting values).</summary>
    public static void CellWeightsFromPosteriors(CellLayout layout, int groups, EStepResult result)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(result);
        WeightsFromRows(layout, groups, result.Posteriors, result.CellWeights);
        if (result.FrailtyWeights.Length > 0)
        {
            // No E-step has seen these rows: the frailty's posterior is taken to be its prior (E u = 1, E log u at the
            // current shape), so the M-step fits rates as Poisson and keeps each group's shape (MixtureLikelihood.MStep).
            result.CellWeights.CopyTo(result.FrailtyWeights, 0);
            Array.Clear(result.FrailtyExcess);
            Array.Clear(result.FrailtyLog);
            result.FrailtyFromPrior = true;
        }

        Array.Clear(result.GroupSums);
        for (var i = 0; i < layout.RowCount; i++)
        {
            for (var g = 0; g < groups; g++)
            {
                result.GroupSums[g] += layout.Weights[i] * result.Posteriors[(i * groups) + g];
            }
        }
    }

    /// <summary>
    /// W[c, g] = Σ_rows weight · p_g over the observations in cell c, given the scattered non-baseline weights. A
    /// baseline cell (time t, count 0, exposure 1) holds every windowed person covering t — the running sum of the
    /// coverage difference array — less those of them observed in another cell at t: once per cell here, instead of
    /// once per observation in the scatter.
    /// </summary>
    /// <remarks>The coverage and its running sum are compensated pairs (<see cref="CompensatedSum"/>).</remarks>
    private static void CompleteBaselines(CellLayout layout, int groups, double[] cover, double[] coverError, double[] weights)
    {
        var running = new double[groups];
        var runningError = new double[groups];
        for (var t = 0; t < layout.TimeCount; t++)
        {
            for (var g = 0; g < groups; g++)
            {
                CompensatedSum.Add(running, runningError, g, cover[(t * groups) + g]);
                runningError[g] += coverError[(t * groups) + g];
                weights[(t * groups) + g] += running[g] + runningError[g];
            }
        }

        for (var c = layout.TimeCount; c < layout.CellCount; c++)
        {
            var baseline = layout.CellTime[c] * groups;
            for (var g = 0; g < groups; g++)
            {
                weights[baseline + g] -= weights[(c * groups) + g];
            }
        }
    }
}
