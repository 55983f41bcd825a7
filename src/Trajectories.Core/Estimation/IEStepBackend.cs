using Trajectories.Core.Membership;

namespace Trajectories.Core.Estimation;

/// <summary>
/// Where the E-step runs: given the model's tables at ψ (per-cell log-densities, prefix sums) and the membership
/// priors, it returns the sufficient statistics (<see cref="EStepResult"/>: log-likelihood, posteriors, per-cell and
/// per-group posterior weights). Everything else of a fit — M-step, gradient, Hessian, search — reads only these, so a
/// backend that spreads the rows over threads, processes or machines plugs in here unchanged.
/// </summary>
/// <remarks>
/// A backend must reduce its partial sums in a fixed order that does not depend on how the work was spread (chunks of
/// <see cref="EStepKernel.ChunkRows"/> rows within blocks of <see cref="EStepKernel.BlockChunks"/> chunks, then the
/// blocks: <see cref="ChunkedEStep"/> on threads, <see cref="Sharding.ShardedEStep"/> on shards), so the same ψ gives
/// the same bits on any number of threads or machines, and <see cref="LogLikelihood"/> must return exactly the
/// log-likelihood <see cref="Run"/> would.
/// </remarks>
public interface IEStepBackend
{
    /// <summary>The full E-step at the tables' parameters, into <paramref name="result"/>.</summary>
    void Run(CellLayout layout, GroupTables tables, IMembershipModel membership, ReadOnlySpan<double> theta, EStepResult result);

    /// <summary>The log-likelihood only (for line searches), bit-identical to <see cref="Run"/>'s.</summary>
    double LogLikelihood(CellLayout layout, GroupTables tables, IMembershipModel membership, ReadOnlySpan<double> theta);
}

/// <summary>The in-process backend: fixed chunks of rows on a thread pool (<see cref="EStepKernel"/>).</summary>
/// <param name="threads">Threads to use; the results do not depend on it.</param>
public sealed class ChunkedEStep(int threads) : IEStepBackend
{
    /// <summary>Threads used.</summary>
    public int Threads { get; } = Math.Max(1, threads);

    /// <inheritdoc/>
    public void Run(CellLayout layout, GroupTables tables, IMembershipModel membership, ReadOnlySpan<double> theta, EStepResult result) =>
        EStepKernel.Run(layout, tables, membership, theta, Threads, result);

    /// <inheritdoc/>
    public double LogLikelihood(CellLayout layout, GroupTables tables, IMembershipModel membership, ReadOnlySpan<double> theta) =>
        EStepKernel.LogLikelihood(layout, tables, membership, theta, Threads);
}
