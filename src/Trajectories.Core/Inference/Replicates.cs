namespace Trajectories.Core.Inference;

/// <summary>
/// Seeds and scheduling of independent replicates (bootstrap samples, simulated registers, folds): replicate r's seed is
/// a fixed function of the run's seed and r, and results are collected by index, so a run gives the same bits whatever
/// the number of threads, the order in which replicates finish, or where they ran.
/// </summary>
public static class Replicates
{
    /// <summary>
    /// The seed of replicate <paramref name="index"/> of a run seeded <paramref name="seed"/>: SplitMix64's finaliser of
    /// the pair, so neighbouring indices and seeds give unrelated streams; non-negative, as <see cref="Random"/> wants.
    /// </summary>
    public static int Seed(int seed, int index)
    {
        var z = unchecked(((ulong)(uint)seed << 32) + (ulong)(uint)index + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFF_FFFF);
    }

    /// <summary>
    /// Runs <paramref name="job"/> for indices <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1
    /// on up to <paramref name="threads"/> threads and returns the results in index order.
    /// </summary>
    public static T[] Map<T>(int first, int count, int threads, Func<int, T> job, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var results = new T[count];
        Parallel.For(
            0,
            count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads), CancellationToken = cancellation },
            k => results[k] = job(first + k));
        return results;
    }

    /// <summary>
    /// Runs all <paramref name="count"/> replicates of <paramref name="plan"/> on <paramref name="runner"/>, in chunks of
    /// its width (at least 8, so progress moves), decoding each record in index order.
    /// </summary>
    public static T[] RunAll<T>(
        IReplicateRunner runner, IReplicatePlan plan, int count, Func<double[], T> decode,
        IProgress<ReplicateProgress>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(decode);
        var results = new T[count];
        var chunk = Math.Max(runner.Width, 8);
        for (var done = 0; done < count;)
        {
            var size = Math.Min(chunk, count - done);
            var records = runner.Run(plan, done, size, cancellation);
            for (var k = 0; k < size; k++)
            {
                results[done + k] = decode(records[k]);
            }

            done += size;
            progress?.Report(new ReplicateProgress(done, count));
        }

        return results;
    }
}
