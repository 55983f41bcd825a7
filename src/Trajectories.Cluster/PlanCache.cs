using Trajectories.Core.Inference;

namespace Trajectories.Cluster;

/// <summary>
/// A worker's plans by run: the first batch of a run builds its plan (reads the input, fits the reference models),
/// later batches reuse it. Keeps the few most recent runs; a plan is rebuilt if it was evicted.
/// </summary>
public sealed class PlanCache(IPlanFactory factory)
{
    private const int Capacity = 4;
    private readonly Lock _gate = new();
    private readonly LinkedList<(string Key, Lazy<IReplicatePlan> Plan)> _recent = new();

    /// <summary>The plan of <paramref name="job"/>, built once per run while it is cached.</summary>
    public IReplicatePlan Get(ReplicateJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        Lazy<IReplicatePlan> plan;
        lock (_gate)
        {
            var node = _recent.First;
            while (node is not null && node.Value.Key != job.Key)
            {
                node = node.Next;
            }

            if (node is null)
            {
                node = new LinkedListNode<(string, Lazy<IReplicatePlan>)>((job.Key, new Lazy<IReplicatePlan>(() => factory.Build(job))));
                if (_recent.Count == Capacity)
                {
                    _recent.RemoveLast();
                }
            }
            else
            {
                _recent.Remove(node);
            }

            _recent.AddFirst(node);
            plan = node.Value.Plan;
        }

        return plan.Value;
    }
}
