namespace Trajectories.Core.Estimation.Sharding;

/// <summary>
/// A shard where it is held: its rows as a layout, their membership model, and reusable E-step buffers. Answers E-step
/// calls with the same kernel as a local fit (<see cref="EStepKernel.RunChunks"/> and <see cref="EStepKernel.FoldBlocks"/>),
/// so every block's partial sums are the bits a local E-step would compute for it.
/// </summary>
/// <remarks>Calls are served one at a time (the buffers are shared); each call itself runs on <see cref="Threads"/> threads.</remarks>
public sealed class EStepShard
{
    private readonly Lock _gate = new();
    private readonly CellLayout _layout;
    private readonly Membership.IMembershipModel _membership;
    private EStepResult? _buffers;

    /// <summary>Holds <paramref name="shard"/>, computing on <paramref name="threads"/> threads.</summary>
    public EStepShard(LayoutShard shard, int threads)
    {
        ArgumentNullException.ThrowIfNull(shard);
        Shard = shard;
        Threads = Math.Max(1, threads);
        _layout = shard.Layout();
        _membership = shard.Membership();
    }

    /// <summary>The shard's data.</summary>
    public LayoutShard Shard { get; }

    /// <summary>Threads per call; the answer does not depend on it.</summary>
    public int Threads { get; }

    /// <summary>Computes <paramref name="request"/> on the shard's rows.</summary>
    /// <exception cref="ArgumentException">The tables do not fit the shard's cells.</exception>
    public ShardStatistics Run(ShardRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tables = request.Tables;
        var groups = tables.Groups;
        if (tables.Time != _layout.TimeCount || tables.Full.Length != _layout.CellCount * groups)
        {
            throw new ArgumentException(
                $"the tables have {tables.Full.Length / groups} cells over {tables.Time} times; the shard has {_layout.CellCount} over {_layout.TimeCount}.",
                nameof(request));
        }

        lock (_gate)
        {
            if (request.Work == ShardWork.LogLikelihood)
            {
                return ShardStatistics.LogLikelihoodOnly(EStepKernel.BlockLogLikelihoods(_layout, tables, _membership, request.Theta, Threads));
            }

            if (_buffers is null || _buffers.Groups != groups || _buffers.FrailtyPosteriors.Length > 0 != tables.HasFrailty)
            {
                _buffers = new EStepResult(_layout.RowCount, _layout.CellCount, groups, tables.HasFrailty);
            }

            var b = _buffers;
            EStepKernel.RunChunks(_layout, tables, _membership, request.Theta, Threads, request.ChunkCells, b);
            EStepKernel.FoldBlocks(_layout, tables, b);
            return new ShardStatistics(
                b.Blocks.LogLikelihood.ToArray(), Flatten(b.Blocks.Cover), Flatten(b.Blocks.Groups), Flatten(b.Blocks.Cells), Flatten(b.Blocks.Frailty),
                request.Posteriors ? b.PosteriorsBuffer.ToArray() : [], b.FrailtyPosteriors.ToArray());
        }
    }

    private static double[] Flatten(double[][] parts)
    {
        var length = parts.Sum(p => p.Length);
        var flat = new double[length];
        var at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(flat, at);
            at += part.Length;
        }

        return flat;
    }
}
