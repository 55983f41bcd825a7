using System.CommandLine;
using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;
using Trajectories.Core.Results;

namespace Trajectories.Cli.Verbs;

/// <summary>Estimator options from the command line, and the fit call with its failure mapping.</summary>
public static class FitSettings
{
    /// <summary>--replications: independent starts that must reach the best log-likelihood.</summary>
    public static Option<int> Replications() =>
        new("--replications") { Description = "Independent starts that must reach the best log-likelihood before the search stops (1 turns the check off).", DefaultValueFactory = _ => new FitOptions().Replications };

    /// <summary>--max-starts: the start budget of the search.</summary>
    public static Option<int?> MaxStarts() =>
        new("--max-starts") { Description = "Most starts the search may try while the best is not replicated (default 5 × --starts)." };

    /// <summary>Checks and builds the options.</summary>
    public static FitOptions Options(int starts, int seed, int threads, int replications = 2, int? maxStarts = null)
    {
        if (starts < 1)
        {
            throw new UsageException($"--starts: {starts} (expected 1 or more).");
        }

        if (threads < 0)
        {
            throw new UsageException($"--threads: {threads} (expected 0 for all cores, or a positive number).");
        }

        if (replications < 1)
        {
            throw new UsageException($"--replications: {replications} (expected 1 or more).");
        }

        if (maxStarts is { } m && m < starts)
        {
            throw new UsageException($"--max-starts: {m} is below --starts {starts}.");
        }

        return new FitOptions { Starts = starts, Seed = seed, Threads = threads, Replications = replications, MaxStarts = maxStarts };
    }

    /// <summary>Fits; a model the data cannot support becomes <see cref="FitFailedException"/> (exit 1).</summary>
    public static TrajectoryFit Fit(CountPanel panel, ModelSpecification spec, FitOptions options, IProgress<FitProgress>? progress)
    {
        try
        {
            return TrajectoryEstimator.Fit(panel, spec, options, progress);
        }
        catch (ModelSpecificationException e)
        {
            throw new FitFailedException(e.Message, e);
        }
    }
}
