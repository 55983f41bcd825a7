using System.CommandLine;

namespace Trajectories.Cli.Verbs;

/// <summary>One verb of the command line.</summary>
public interface IVerb
{
    /// <summary>Builds the verb's command, its options and its action.</summary>
    Command Build(CliContext context);
}
