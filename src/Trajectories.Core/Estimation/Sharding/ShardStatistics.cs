namespace Trajectories.Core.Estimation.Sharding;

/// <summary>
/// A shard's answer to one E-step call, flat arrays in the shard's block order (blocks of
/// <see cref="EStepKernel.BlockChunks"/> chunks): each block's log-likelihood; for a full call also each block's coverage
/// pair, group sums, cell weights (over the shard's cells) and frailty sums, and the rows' posteriors. The coordinator
/// reduces the blocks of all shards in block order (<see cref="ShardedEStep"/>).
/// </summary>
/// <param name="BlockLogLikelihood">Per block: Σ weight · log f (without the data constant).</param>
/// <param name="Cover">Per block: the coverage pair, 2 · (T + 1) · G values (sums, then their rounding errors).</param>
/// <param name="Groups">Per block: Σ weight · posterior of each group.</param>
/// <param name="Cells">Per block: the cell weights over the shard's cells, cells × G (empty unless the chunks keep them).</param>
/// <param name="Frailty">Per block: the frailty's excess and log sums, 2G values (empty without a frailty).</param>
/// <param name="Posteriors">The rows' posteriors, rows × G (empty when the request left them on the shard).</param>
/// <param name="FrailtyPosteriors">The rows' p · E u, rows × G (empty without a frailty).</param>
public sealed record ShardStatistics(
    double[] BlockLogLikelihood, double[] Cover, double[] Groups, double[] Cells, double[] Frailty, double[] Posteriors, double[] FrailtyPosteriors)
{
    /// <summary>An answer to a <see cref="ShardWork.LogLikelihood"/> call.</summary>
    public static ShardStatistics LogLikelihoodOnly(double[] blocks) => new(blocks, [], [], [], [], [], []);
}
