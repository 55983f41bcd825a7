namespace Trajectories.Cluster;

/// <summary>
/// A batch of replicates run on a worker silo, started and then polled: a poll is a short call, so a worker that dies
/// is noticed within seconds (the poll fails, or reaches a fresh activation that knows no batch) instead of after a
/// long response timeout, and the batch is started again elsewhere. The key is the run's id, plan, first index and
/// attempt, so every attempt is a new activation, placed anew.
/// </summary>
[Alias("Trajectories.Cluster.IReplicateWorkerGrain")]
public interface IReplicateWorkerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts replicates <paramref name="first"/> … <paramref name="first"/> + <paramref name="count"/> − 1 of
    /// <paramref name="job"/>'s plan (rebuilt on the worker, or taken from its cache) and returns at once.
    /// </summary>
    [Alias("Start")]
    Task Start(ReplicateJob job, int first, int count);

    /// <summary>Where the batch stands; its records in index order once done.</summary>
    [Alias("Poll")]
    Task<BatchState> Poll();
}

/// <summary>What a poll of a batch finds.</summary>
public enum BatchStatus
{
    /// <summary>Still running.</summary>
    Running,

    /// <summary>Done: the records are in <see cref="BatchState.Records"/>.</summary>
    Done,

    /// <summary>This activation has no batch: the one that started it is gone (its worker died); start it again.</summary>
    Unknown,

    /// <summary>The worker cannot build the plan (an input it cannot read, a command it cannot parse): retrying will not help.</summary>
    PlanFailed,

    /// <summary>The batch threw (<see cref="BatchState.Message"/>); it may be retried.</summary>
    Failed,
}

/// <summary>The answer to a poll.</summary>
/// <param name="Status">Where the batch stands.</param>
/// <param name="Records">The records, when done.</param>
/// <param name="Message">Why it failed, when it did.</param>
[GenerateSerializer]
[Alias("Trajectories.Cluster.BatchState")]
public sealed record BatchState([property: Id(0)] BatchStatus Status, [property: Id(1)] double[][]? Records = null, [property: Id(2)] string? Message = null);

/// <summary>
/// What a worker needs to rebuild a run's plan: the coordinator's command line (verb and arguments) and its working
/// folder, against which relative paths are resolved. The plan is a pure function of these, so every worker rebuilds
/// the same one.
/// </summary>
/// <param name="Arguments">The verb and its arguments as the coordinator received them.</param>
/// <param name="WorkingDirectory">The coordinator's working folder.</param>
/// <param name="Part">Which of the run's plans (a cross-validation of several models has one per model; 0 otherwise).</param>
[GenerateSerializer]
[Alias("Trajectories.Cluster.ReplicateJob")]
public sealed record ReplicateJob([property: Id(0)] string[] Arguments, [property: Id(1)] string WorkingDirectory, [property: Id(2)] int Part = 0)
{
    /// <summary>The key under which workers cache the plan.</summary>
    public string Key => $"{Part}\u001f{WorkingDirectory}\u001f{string.Join('\u001f', Arguments)}";
}
