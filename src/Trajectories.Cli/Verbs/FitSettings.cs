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

    /// <summary>Checks and builds the options; every bound names its option (<see cref="OptionRanges"/>).</summary>
    public static FitOptions Options(int starts, int seed, int threads, int replications = 2, int? maxStarts = null)
    {
        var most = OptionRanges.MaxStarts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        OptionRanges.Between("--starts", starts, 1, OptionRanges.MaxStarts, $"expected 1 to {most}");
        OptionRanges.Seed("--seed", seed);
        OptionRanges.Threads("--threads", threads);
        OptionRanges.Between("--replications", replications, 1, OptionRanges.MaxStarts, $"expected 1 to {most}");
        if (maxStarts is { } m)
        {
            OptionRanges.Between("--max-starts", m, 1, OptionRanges.MaxStarts, $"expected 1 to {most}");
            if (m < starts)
            {
                throw new UsageException($"--max-starts: {m} is below --starts {starts}.");
            }
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

    /// <summary>
    /// Fits on a prepared panel, also from the solutions of <paramref name="nested"/> models (the guarantee that a larger
    /// model's log-likelihood is not below a nested one's); failures as <see cref="Fit(CountPanel, ModelSpecification, FitOptions, IProgress{FitProgress}?)"/>.
    /// </summary>
    public static TrajectoryFit Fit(PreparedPanel prepared, ModelSpecification spec, FitOptions options, IReadOnlyList<TrajectoryFit> nested)
    {
        try
        {
            return TrajectoryEstimator.Fit(prepared, spec, options, null, nested);
        }
        catch (ModelSpecificationException e)
        {
            throw new FitFailedException(e.Message, e);
        }
    }
}
