using Orleans.Placement;

namespace Trajectories.Cluster;

/// <summary>
/// Runs a batch of replicates on this silo's threads, off Orleans' scheduler (the work is long and CPU-bound); a
/// worker-wide gate keeps one batch per thread. Random placement spreads batches over the silos.
/// </summary>
[RandomPlacement]
public sealed class ReplicateWorkerGrain(PlanCache plans, WorkerGate gate) : Grain, IReplicateWorkerGrain
{
    private Task<double[][]>? _work;

    /// <inheritdoc />
    public Task Start(ReplicateJob job, int first, int count)
    {
        ArgumentNullException.ThrowIfNull(job);
        _work ??= Task.Run(async () =>
        {
            await gate.Slots.WaitAsync();
            try
            {
                var plan = plans.Get(job);
                var records = new double[count][];
                for (var k = 0; k < count; k++)
                {
                    records[k] = plan.Run(first + k);
                }

                return records;
            }
            finally
            {
                gate.Slots.Release();
            }
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<BatchState> Poll()
    {
        if (_work is null)
        {
            return Task.FromResult(new BatchState(BatchStatus.Unknown));
        }

        if (!_work.IsCompleted)
        {
            return Task.FromResult(new BatchState(BatchStatus.Running));
        }

        // The batch's answer is final: free the activation once it is collected.
        DeactivateOnIdle();
        if (_work.IsCompletedSuccessfully)
        {
            return Task.FromResult(new BatchState(BatchStatus.Done, _work.Result));
        }

        var error = _work.Exception?.GetBaseException();
        return Task.FromResult(new BatchState(
            error is PlanException ? BatchStatus.PlanFailed : BatchStatus.Failed, null, error?.Message ?? "the batch was cancelled"));
    }
}

/// <summary>The batches a worker runs at once: one per thread it was given.</summary>
/// <param name="threads">Its threads.</param>
public sealed class WorkerGate(int threads)
{
    /// <summary>The worker's threads.</summary>
    public int Threads { get; } = Math.Max(1, threads);

    /// <summary>The free slots.</summary>
    public SemaphoreSlim Slots { get; } = new(Math.Max(1, threads));
}

/// <summary>A worker cannot build a run's plan (see <see cref="IPlanFactory"/>): retrying elsewhere will not help.</summary>
public sealed class PlanException(string message, Exception? inner = null) : Exception(message, inner);
