namespace Trajectories.Core.Inference;

/// <summary>
/// One replicated computation (the replicates of a bootstrap, a BLRT, a cross-validation, a study) as a function of the
/// replicate's index alone: <see cref="Run"/>(r) depends on nothing but the plan's data and r (its seed is
/// <see cref="Replicates.Seed"/>(seed, r)), so a replicate gives the same record on any thread, process or machine.
/// A record is a plain array of doubles, so it can travel between processes; each method encodes and decodes its own.
/// </summary>
public interface IReplicatePlan
{
    /// <summary>Computes replicate <paramref name="index"/>'s record.</summary>
    double[] Run(int index);
}

/// <summary>
/// Where a plan's replicates run: on local threads (<see cref="LocalReplicates"/>), or spread over the workers of a
/// cluster. A runner returns the records in index order, whatever order they finished in and wherever they ran; the
/// methods reduce them in that order, so results are the same bits on every runner.
/// </summary>
public interface IReplicateRunner
{
    /// <summary>
    /// How many replicates are worth asking for at once (local threads; a cluster's batches in flight). Results never
    /// depend on it: it only sets how far ahead the methods ask.
    /// </summary>
    int Width { get; }

    /// <summary>Runs replicates <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1 of <paramref name="plan"/>.</summary>
    IReadOnlyList<double[]> Run(IReplicatePlan plan, int first, int count, CancellationToken cancellation);
}

/// <summary>Replicates on local threads (<see cref="Replicates.Map"/>).</summary>
/// <param name="threads">Replicates run at once; the results do not depend on it.</param>
public sealed class LocalReplicates(int threads) : IReplicateRunner
{
    /// <summary>Replicates run at once.</summary>
    public int Threads { get; } = Math.Max(1, threads);

    /// <inheritdoc />
    public int Width => Threads;

    /// <inheritdoc />
    public IReadOnlyList<double[]> Run(IReplicatePlan plan, int first, int count, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Replicates.Map(first, count, Threads, plan.Run, cancellation);
    }
}

/// <summary>A plan given by its replicate function.</summary>
/// <param name="run">Replicate index → record.</param>
public sealed class ReplicatePlan(Func<int, double[]> run) : IReplicatePlan
{
    /// <inheritdoc />
    public double[] Run(int index) => run(index);
}
