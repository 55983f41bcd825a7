using System.CommandLine;
using Trajectories.Core.Inference;

namespace Trajectories.Cli.Verbs;

/// <summary>
/// A verb whose work is replicates (blrt, bootstrap, cve, study): besides running, it can rebuild its plan from its
/// parsed command line alone, which is what a cluster worker does with a coordinator's command
/// (the command-line tool's CliPlanFactory). Running and planning share every step up to the plan, so both get the same one.
/// </summary>
public interface IReplicatedVerb : IVerb
{
    /// <summary>The verb's name on the command line.</summary>
    string Name { get; }

    /// <summary>
    /// Plan <paramref name="part"/> of the run (0 unless the run has several, as cve has one per model): the options
    /// checked, INPUT read (relative paths against <paramref name="folder"/>), the reference models fitted, nothing written.
    /// </summary>
    IReplicatePlan Plan(ParseResult parse, string folder, int part);
}
