using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;
using Trajectories.Core.Results;

namespace Trajectories.Cli.Verbs;

/// <summary>Estimator options from the command line, and the fit call with its failure mapping.</summary>
public static class FitSettings
{
    /// <summary>Checks and builds the options.</summary>
    public static FitOptions Options(int starts, int seed, int threads)
    {
        if (starts < 1)
        {
            throw new UsageException($"--starts: {starts} (expected 1 or more).");
        }

        if (threads < 0)
        {
            throw new UsageException($"--threads: {threads} (expected 0 for all cores, or a positive number).");
        }

        return new FitOptions { Starts = starts, Seed = seed, Threads = threads };
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
