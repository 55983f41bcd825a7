using Trajectories.Core.Inference;

namespace Trajectories.Cluster;

/// <summary>Rebuilds a run's plan on a worker from its command (the command-line tool implements it by re-parsing the verb).</summary>
public interface IPlanFactory
{
    /// <summary>The plan of <paramref name="job"/>.</summary>
    /// <exception cref="PlanException">The command does not describe a replicated run, or its input cannot be read here.</exception>
    IReplicatePlan Build(ReplicateJob job);
}
