using System.Diagnostics;
using Trajectories.Core.Basis;
using Trajectories.Core.Panels;
using Trajectories.Core.Results;

namespace Trajectories.Core.Estimation;

/// <summary>
/// Fits a group-based trajectory model (Nagin 2005; Jones, Nagin and Roeder 2001) by maximum likelihood:
/// exact pattern compression, deterministic multi-start EM, Newton polish on the marginal likelihood, standard
/// errors from the observed information, and groups in canonical order.
/// </summary>
public static class TrajectoryEstimator
{
    /// <summary>Fits <paramref name="spec"/> to <paramref name="panel"/>.</summary>
    /// <exception cref="ModelSpecificationException">When the model is not identifiable on these data, or no start gave a finite likelihood.</exception>
    public static TrajectoryFit Fit(CountPanel panel, ModelSpecification spec, FitOptions? options = null, IProgress<FitProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new FitOptions();
        var clock = Stopwatch.StartNew();
        var patterns = options.CompressPatterns ? PatternPanel.Compress(panel) : PatternPanel.Uncompressed(panel);
        DataChecks.Check(panel, patterns, spec);
        var scale = TimeScale.FromGrid(panel.Times);
        var layout = new CellLayout(patterns, spec.Family);
        var model = new MixtureLikelihood(layout, spec, panel.Times, scale, options.EffectiveThreads);
        var persons = CountObservedPersons(panel);
        var search = MultiStartSearch.Run(model, patterns, options, persons, progress);
        var psi = Canonical.Reorder(model, search.Best.Psi);
        var ll = model.EStep(psi);
        if (!double.IsFinite(ll))
        {
            throw new ModelSpecificationException(
                "the likelihood could not be evaluated at any starting value (numerical overflow); check the counts and exposures, or fit fewer groups or lower orders.");
        }

        var hessian = model.ExactHessian(psi) ?? model.Hessian(psi);
        return FitSummarizer.Summarize(new FitSummarizer.Inputs(
            model, patterns, scale, psi, ll, hessian, search, persons, panel.ObservationCount, clock.Elapsed.TotalSeconds));
    }

    private static int CountObservedPersons(CountPanel panel)
    {
        var n = 0;
        for (var i = 0; i < panel.PersonCount; i++)
        {
            if (panel.RowStart[i + 1] > panel.RowStart[i])
            {
                n++;
            }
        }

        return n;
    }
}
