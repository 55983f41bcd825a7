namespace Trajectories.Core.Estimation.Sharding;

/// <summary>What a shard computes for one E-step call.</summary>
public enum ShardWork
{
    /// <summary>Each chunk's log-likelihood only (a line search).</summary>
    LogLikelihood,

    /// <summary>The whole per-chunk half of the E-step (<see cref="EStepKernel.RunChunks"/>) and the rows' posteriors.</summary>
    Full,
}

/// <summary>One E-step call to a shard: the tables of its cells at ψ, the membership parameters and what to compute.</summary>
/// <param name="Tables">The tables' entries at the shard's cells (<see cref="ShardTables.Gather"/>).</param>
/// <param name="Theta">The membership parameters.</param>
/// <param name="Work">What to compute.</param>
/// <param name="ChunkCells">Whether chunks keep cell weights (decided on the whole layout: <see cref="EStepKernel.UsesChunkCells"/>).</param>
/// <param name="Posteriors">Whether a full call returns the rows' posteriors (the coordinator may leave them on the shard until it reads them).</param>
public sealed record ShardRequest(ShardTables Tables, double[] Theta, ShardWork Work, bool ChunkCells, bool Posteriors = true);
