using Trajectories.Core.Membership;

namespace Trajectories.Core.Estimation.Sharding;

/// <summary>
/// An E-step whose rows are held by shards (<see cref="IEStepShards"/>): each call sends every shard the tables of its
/// cells, the shards compute their blocks' partial sums (and, where needed, posteriors), and this backend puts the
/// blocks in place and reduces them in block order with the local kernel's own reduction
/// (<see cref="EStepKernel.ReduceBlocks"/>). So the log-likelihood, the posteriors and the cell weights — and with them
/// the whole fit — are the bits of a local fit, whatever the number of shards and wherever they run.
/// </summary>
/// <remarks>
/// The coordinator keeps the whole layout (the M-step, the starts and the standard errors read it); the shards hold
/// only their rows. Per E-step the wire carries the shards' tables (their cells × G) one way and one partial sum per
/// block of <see cref="EStepKernel.BlockRows"/> rows the other, with the rows' posteriors (rows × G) only where the
/// coordinator needs them to finish the E-step (many cells, a frailty, risk factors); otherwise they stay on the shards
/// until read.
/// </remarks>
public sealed class ShardedEStep : IEStepBackend
{
    private readonly Func<CellLayout, IMembershipModel, IEStepShards> _open;
    private readonly List<(CellLayout Layout, IMembershipModel Membership, IEStepShards Shards)> _sets = [];
    private readonly Lock _gate = new();

    /// <summary>Runs the E-steps of fits on <paramref name="layout"/> on <paramref name="shards"/>, which must have been cut from it.</summary>
    /// <exception cref="ArgumentException">The shards do not cover the layout's rows in order, block-aligned.</exception>
    public ShardedEStep(CellLayout layout, IEStepShards shards)
        : this((l, _) => ReferenceEquals(l, layout) ? shards : throw new InvalidOperationException("a sharded E-step runs only on the layout its shards were cut from."))
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(shards);
        Validate(layout, shards);
    }

    /// <summary>
    /// Runs the E-steps of fits on any layout on shards that <paramref name="open"/> cuts and hands out the first time a
    /// layout (with its membership model) is seen, and that are reused for it afterwards: the models of a selection
    /// grid share their panel's shards.
    /// </summary>
    public ShardedEStep(Func<CellLayout, IMembershipModel, IEStepShards> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        _open = open;
    }

    /// <summary>Number of shard sets handed out so far (one per layout and membership model).</summary>
    public int ShardSets
    {
        get
        {
            lock (_gate)
            {
                return _sets.Count;
            }
        }
    }

    /// <inheritdoc/>
    public void Run(CellLayout layout, GroupTables tables, IMembershipModel membership, ReadOnlySpan<double> theta, EStepResult result)
    {
        var shards = ShardsOf(layout, membership);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(result);
        var groups = tables.Groups;
        var chunkCells = EStepKernel.UsesChunkCells(layout, groups);
        var coverLength = EStepKernel.CoverLength(tables);
        result.ForgetDeferred();
        result.EnsureBlocks(EStepKernel.BlockCount(layout), 2 * coverLength, chunkCells ? layout.CellCount * groups : 0);

        // The posteriors stay on the shards when nothing here needs them to finish the E-step or for the M-step: the
        // cell weights come from the blocks, there is no frailty, and constant shares need only the group sums. They
        // are then fetched when read (the search's split moves, the classification, the standard errors) by running
        // the same E-step on the shards again, which gives the same bits.
        var defer = chunkCells && !tables.HasFrailty && membership.IsConstant;
        var requests = Requests(shards, tables, theta, ShardWork.Full, chunkCells, !defer);
        var answers = Ask(shards, requests);
        for (var s = 0; s < answers.Length; s++)
        {
            Place(shards, s, answers[s], tables, coverLength, chunkCells, !defer, result);
        }

        EStepKernel.ReduceBlocks(layout, tables, result);
        if (defer)
        {
            result.DeferPosteriors(posteriors => Fetch(shards, requests, groups, posteriors));
        }
    }

    /// <inheritdoc/>
    public double LogLikelihood(CellLayout layout, GroupTables tables, IMembershipModel membership, ReadOnlySpan<double> theta)
    {
        var shards = ShardsOf(layout, membership);
        ArgumentNullException.ThrowIfNull(tables);
        var answers = Ask(shards, Requests(shards, tables, theta, ShardWork.LogLikelihood, false, false));
        var ll = 0.0;
        for (var s = 0; s < answers.Length; s++)
        {
            var blocks = answers[s].BlockLogLikelihood;
            Expect(blocks.Length == Blocks(shards.Shards[s]), s, "block log-likelihoods");
            foreach (var part in blocks)
            {
                ll += part;
            }
        }

        return ll + layout.TotalLogConstant;
    }

    private IEStepShards ShardsOf(CellLayout layout, IMembershipModel membership)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(membership);
        lock (_gate)
        {
            foreach (var set in _sets)
            {
                if (ReferenceEquals(set.Layout, layout) && ReferenceEquals(set.Membership, membership))
                {
                    return set.Shards;
                }
            }

            var shards = _open(layout, membership);
            Validate(layout, shards);
            _sets.Add((layout, membership, shards));
            return shards;
        }
    }

    private static void Validate(CellLayout layout, IEStepShards shards)
    {
        var next = 0;
        foreach (var s in shards.Shards)
        {
            if (s.FirstRow != next || s.FirstRow % EStepKernel.BlockRows != 0)
            {
                throw new ArgumentException($"the shards must cover the layout's rows in order from block boundaries; one starts at row {s.FirstRow}, expected {next}.", nameof(shards));
            }

            next += s.RowCount;
        }

        if (next != layout.RowCount)
        {
            throw new ArgumentException($"the shards hold {next} rows, the layout has {layout.RowCount}.", nameof(shards));
        }
    }

    private static ShardRequest[] Requests(IEStepShards shards, GroupTables tables, ReadOnlySpan<double> theta, ShardWork work, bool chunkCells, bool posteriors)
    {
        var thetaCopy = theta.ToArray();
        return shards.Shards.Select(s => new ShardRequest(ShardTables.Gather(tables, s.GlobalCells), thetaCopy, work, chunkCells, posteriors)).ToArray();
    }

    private static ShardStatistics[] Ask(IEStepShards shards, ShardRequest[] requests)
    {
        var calls = new Task<ShardStatistics>[requests.Length];
        for (var s = 0; s < calls.Length; s++)
        {
            calls[s] = shards.Run(s, requests[s]);
        }

        return Task.WhenAll(calls).GetAwaiter().GetResult();
    }

    /// <summary>The posteriors of a deferred E-step: its requests again, now asking for them.</summary>
    private static void Fetch(IEStepShards shards, ShardRequest[] requests, int groups, double[] posteriors)
    {
        var answers = Ask(shards, requests.Select(r => r with { Posteriors = true }).ToArray());
        for (var s = 0; s < answers.Length; s++)
        {
            var outline = shards.Shards[s];
            Expect(answers[s].Posteriors.Length == outline.RowCount * groups, s, "posteriors");
            Array.Copy(answers[s].Posteriors, 0, posteriors, outline.FirstRow * groups, answers[s].Posteriors.Length);
        }
    }

    private static int Blocks(ShardOutline shard) => (shard.RowCount + EStepKernel.BlockRows - 1) / EStepKernel.BlockRows;

    /// <summary>Copies shard <paramref name="s"/> of <paramref name="shards"/>'s chunks and posteriors into the whole layout's buffers.</summary>
    private static void Place(
        IEStepShards shards, int s, ShardStatistics answer, EStepTables tables, int coverLength, bool chunkCells, bool posteriors, EStepResult result)
    {
        var outline = shards.Shards[s];
        var groups = tables.Groups;
        var blocks = Blocks(outline);
        var first = outline.FirstRow / EStepKernel.BlockRows;
        var localCells = tables.Time + outline.GlobalCells.Length;
        var frailty = tables.HasFrailty;
        Expect(answer.BlockLogLikelihood.Length == blocks && answer.Cover.Length == blocks * 2 * coverLength && answer.Groups.Length == blocks * groups
            && answer.Cells.Length == (chunkCells ? blocks * localCells * groups : 0) && answer.Frailty.Length == (frailty ? blocks * 2 * groups : 0)
            && answer.Posteriors.Length == (posteriors ? outline.RowCount * groups : 0) && answer.FrailtyPosteriors.Length == (frailty ? outline.RowCount * groups : 0),
            s, "statistics");
        for (var k = 0; k < blocks; k++)
        {
            var b = first + k;
            result.Blocks.LogLikelihood[b] = answer.BlockLogLikelihood[k];
            Array.Copy(answer.Cover, k * 2 * coverLength, result.Blocks.Cover[b], 0, 2 * coverLength);
            Array.Copy(answer.Groups, k * groups, result.Blocks.Groups[b], 0, groups);
            if (frailty)
            {
                Array.Copy(answer.Frailty, k * 2 * groups, result.Blocks.Frailty[b], 0, 2 * groups);
            }

            if (chunkCells)
            {
                // The shard's cell numbering back to the layout's: the same values, each in its own cell.
                var target = result.Blocks.Cells[b];
                Array.Clear(target);
                var from = k * localCells * groups;
                Array.Copy(answer.Cells, from, target, 0, tables.Time * groups);
                for (var j = 0; j < outline.GlobalCells.Length; j++)
                {
                    Array.Copy(answer.Cells, from + ((tables.Time + j) * groups), target, outline.GlobalCells[j] * groups, groups);
                }
            }
        }

        Array.Copy(answer.Posteriors, 0, result.PosteriorsBuffer, outline.FirstRow * groups, answer.Posteriors.Length);
        if (frailty)
        {
            Array.Copy(answer.FrailtyPosteriors, 0, result.FrailtyPosteriors, outline.FirstRow * groups, answer.FrailtyPosteriors.Length);
        }
    }

    private static void Expect(bool ok, int shard, string what)
    {
        if (!ok)
        {
            throw new InvalidDataException($"shard {shard} answered with {what} of the wrong size: it does not hold the rows it was given.");
        }
    }
}
