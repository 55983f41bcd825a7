using Trajectories.Cli.Verbs;
using Trajectories.Cluster;
using Trajectories.Core.Inference;

namespace Trajectories.Cli;

/// <summary>
/// A worker's way back from a coordinator's command line to its plan: the named replicated verb parses the same
/// arguments and builds its plan (<see cref="IReplicatedVerb.Plan"/>) silently, resolving relative paths against the
/// coordinator's working folder. Any failure becomes one message the coordinator reports.
/// </summary>
internal sealed class CliPlanFactory : IPlanFactory
{
    /// <summary>The verbs a worker can plan.</summary>
    public static IReadOnlyList<IReplicatedVerb> Verbs() => [new BlrtVerb(), new BootstrapVerb(), new CveVerb(), new StudyVerb()];

    /// <inheritdoc />
    public IReplicatePlan Build(ReplicateJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var verb = Verbs().FirstOrDefault(v => job.Arguments.Length > 0 && v.Name == job.Arguments[0])
            ?? throw new Trajectories.Cluster.PlanException($"a worker runs the replicates of {string.Join(", ", Verbs().Select(v => v.Name))}, not '{job.Arguments.FirstOrDefault()}'.");
        var parse = verb.Build(CliContext.Silent()).Parse(job.Arguments[1..]);
        if (parse.Errors.Count > 0)
        {
            throw new Trajectories.Cluster.PlanException($"the worker cannot parse the command: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        }

        try
        {
            return verb.Plan(parse, job.WorkingDirectory, job.Part);
        }
        catch (Exception e) when (e is UsageException or FitFailedException or Registers.Io.InputException or IOException)
        {
            throw new Trajectories.Cluster.PlanException($"the worker on {Environment.MachineName} cannot build the plan: {e.Message}", e);
        }
    }
}
