using System.Net;
using Trajectories.Core.Inference;

namespace Trajectories.Cluster;

/// <summary>
/// Runs replicates on the workers of a cluster (<see cref="IReplicatePlan"/> rebuilt on each worker from the
/// coordinator's command): the range is cut into batches sent as grain calls at once; a batch whose worker died or
/// failed is sent again (new key, new placement) until it succeeds. Records come back in index order, so the results
/// are those of a local run, bit for bit.
/// </summary>
public sealed class ClusterReplicates : IReplicateRunner, IDisposable
{
    /// <summary>Attempts to reach the cluster, a second apart, before the run fails.</summary>
    public const int ConnectAttempts = 5;

    /// <summary>Attempts per batch before the run fails.</summary>
    public const int Attempts = 20;

    private readonly ClusterConnection _connection;
    private readonly IClusterClient _client;
    private readonly ReplicateJob _job;
    private readonly string _run = Guid.NewGuid().ToString("N");
    private int _retries;

    private ClusterReplicates(ClusterConnection connection, ReplicateJob job)
    {
        _connection = connection;
        _client = connection.Client;
        _job = job;
    }

    /// <summary>The connection, for other work of the same run (a sharded fit's shards).</summary>
    public ClusterConnection Connection => _connection;

    /// <summary>Batches re-sent after a failure so far.</summary>
    public int Retries => _retries;

    /// <summary>Batches sent at once: enough to keep a large cluster busy; workers queue what they cannot start yet.</summary>
    public int Width { get; init; } = 256;

    /// <summary>Replicates per grain call (default 1: the finest balance, and a dead worker loses the least).</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Connects to the cluster through <paramref name="gateways"/> (or the membership database of <paramref name="settings"/>).</summary>
    /// <exception cref="ClusterException">No gateway answered.</exception>
    public static ClusterReplicates Connect(IReadOnlyList<IPEndPoint> gateways, ReplicateJob job, WorkerSettings? settings = null) =>
        new(ClusterConnection.Open(gateways, settings), job);

    /// <inheritdoc />
    public IReadOnlyList<double[]> Run(IReplicatePlan plan, int first, int count, CancellationToken cancellation) =>
        RunAsync(_job, first, count, cancellation).GetAwaiter().GetResult();

    /// <summary>A runner on the same connection for another of the run's plans (<see cref="ReplicateJob.Part"/>).</summary>
    public IReplicateRunner For(int part) => new PartRunner(this, _job with { Part = part });

    private async Task<IReadOnlyList<double[]>> RunAsync(ReplicateJob job, int first, int count, CancellationToken cancellation)
    {
        var records = new double[count][];
        var batches = new List<Task>();
        for (var start = 0; start < count; start += BatchSize)
        {
            var (from, size) = (start, Math.Min(BatchSize, count - start));
            batches.Add(Batch(job, first + from, size, records, from, cancellation));
        }

        await Task.WhenAll(batches);
        return records;
    }

    private async Task Batch(ReplicateJob job, int first, int count, double[][] records, int offset, CancellationToken cancellation)
    {
        string? last = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (attempt > 0)
            {
                // A dead worker, a lost connection, a failed batch: run it again, on whichever silo placement picks.
                // Its result cannot differ: it depends on the index alone.
                Interlocked.Increment(ref _retries);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 250 * attempt)), cancellation);
            }

            var grain = _client.GetGrain<IReplicateWorkerGrain>($"{_run}/{job.Part}/{first}/{attempt}");
            try
            {
                await grain.Start(job, first, count);
                var state = await Wait(grain, cancellation);
                switch (state.Status)
                {
                    case BatchStatus.Done:
                        Array.Copy(state.Records!, 0, records, offset, count);
                        return;
                    case BatchStatus.PlanFailed:
                        throw new ClusterException(state.Message ?? "a worker could not build the plan.");
                    default:
                        last = state.Message ?? "the worker running the batch was lost";
                        break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException and not ClusterException)
            {
                last = e.Message;
            }
        }

        throw new ClusterException($"replicates {first}–{first + count - 1} failed on {Attempts} attempts; the last: {last}");
    }

    /// <summary>Polls until the batch is no longer running; a poll interval that grows to a second keeps polls cheap.</summary>
    private static async Task<BatchState> Wait(IReplicateWorkerGrain grain, CancellationToken cancellation)
    {
        var pause = 20;
        while (true)
        {
            await Task.Delay(pause, cancellation);
            pause = Math.Min(1000, pause * 2);
            var state = await grain.Poll();
            if (state.Status != BatchStatus.Running)
            {
                return state;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private sealed class PartRunner(ClusterReplicates owner, ReplicateJob job) : IReplicateRunner
    {
        public int Width => owner.Width;

        public IReadOnlyList<double[]> Run(IReplicatePlan plan, int first, int count, CancellationToken cancellation) =>
            owner.RunAsync(job, first, count, cancellation).GetAwaiter().GetResult();
    }
}
