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
    /// <param name="panel">The data.</param>
    /// <param name="spec">The model.</param>
    /// <param name="options">Estimator settings (defaults when null).</param>
    /// <param name="progress">Reports the phases of the search.</param>
    /// <param name="nested">
    /// Fits of models nested in <paramref name="spec"/> on the same data (e.g. its neighbours in a selection grid): their
    /// solutions, embedded, are extra starting values, and the fit is guaranteed a log-likelihood at least as high as
    /// every one of them (when no start does better, the exact embedding of the best is reported, with a warning).
    /// Fits of models that are not nested are ignored.
    /// </param>
    /// <exception cref="ModelSpecificationException">When the model is not identifiable on these data, or no start gave a valid optimum.</exception>
    public static TrajectoryFit Fit(
        CountPanel panel, ModelSpecification spec, FitOptions? options = null, IProgress<FitProgress>? progress = null,
        IReadOnlyList<TrajectoryFit>? nested = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new FitOptions();
        return Fit(PreparedPanel.Prepare(panel, spec.Family, options.CompressPatterns), spec, options, progress, nested);
    }

    /// <summary>
    /// Fits <paramref name="spec"/> to a panel prepared once for every model of its family (<see cref="PreparedPanel"/>:
    /// a selection grid shares its patterns, cells and membership rows); otherwise as the overload on a panel.
    /// <see cref="FitOptions.CompressPatterns"/> was decided when the panel was prepared.
    /// </summary>
    /// <exception cref="ModelSpecificationException">When the model is not identifiable on these data, or no start gave a valid optimum.</exception>
    /// <exception cref="ArgumentException">When the panel was prepared for another family.</exception>
    public static TrajectoryFit Fit(
        PreparedPanel prepared, ModelSpecification spec, FitOptions? options = null, IProgress<FitProgress>? progress = null,
        IReadOnlyList<TrajectoryFit>? nested = null)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(spec);
        if (!prepared.Family.Equals(spec.Family))
        {
            throw new ArgumentException($"the panel was prepared for the {prepared.Family.Name} family, the model is {spec.Family.Name}.", nameof(prepared));
        }

        options ??= new FitOptions();
        var clock = Stopwatch.StartNew();
        var panel = prepared.Panel;
        var patterns = prepared.Patterns;
        DataChecks.Check(panel, patterns, spec);
        var model = new MixtureLikelihood(
            prepared.Layout, spec, panel.Times, prepared.Scale, options.EffectiveThreads, prepared.Membership(spec), options.EStep);
        if (options.ReportCovariates is { Count: > 0 } at)
        {
            model.Tables.ReportAt(at, spec.TimeCovariates);
        }

        var persons = prepared.ObservedPersons;
        var inner = (nested ?? []).Where(f => double.IsFinite(f.LogLikelihood) && NestedModels.IsNested(f.Model, spec)).ToList();
        var search = MultiStartSearch.Run(model, patterns, options, persons, progress);
        search.Warm(inner.SelectMany(f => NestedModels.WarmStarts(f, spec)).ToList(), "nested models");
        if (options.Continuation && search.Rugged)
        {
            var more = Continuation(prepared, spec, options, inner);
            search.Warm(more.SelectMany(f => NestedModels.WarmStarts(f, spec)).ToList(), "nested models (continuation)");
            inner.AddRange(more);
        }

        var (best, summary, floor) = NotBelowNested(model, search.Result(), inner, options, persons);
        return Summarize(prepared, model, best, summary, floor, options, clock);
    }

    /// <summary>
    /// Fits the model of <paramref name="start"/> to <paramref name="prepared"/> from <paramref name="start"/>'s
    /// solution alone — EM to the hand-over point, then Newton — without random starts.
    /// </summary>
    /// <remarks>
    /// For a model chosen on a random sample of the panel (<see cref="Panels.PanelSample"/>): on the whole panel the
    /// sample's optimum lies near the whole's (the same model on a larger sample of the same population, same time
    /// scale), so one local run replaces a search that would cost the grid's time again. The search summary says so: one
    /// start, its origin, replication not checked. The start must be a fit on a panel with the same time grid.
    /// </remarks>
    /// <exception cref="ModelSpecificationException">When the model is not identifiable on these data, or the run gave no valid optimum.</exception>
    public static TrajectoryFit Refit(PreparedPanel prepared, TrajectoryFit start, FitOptions? options = null, IProgress<FitProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(start);
        var spec = start.Model;
        if (!prepared.Family.Equals(spec.Family))
        {
            throw new ArgumentException($"the panel was prepared for the {prepared.Family.Name} family, the model is {spec.Family.Name}.", nameof(prepared));
        }

        if (start.TimeScale != prepared.Scale)
        {
            // Coefficients are on scaled time: on another scale the same numbers are another curve.
            throw new ArgumentException(
                $"the start was fitted on time scale (t − {start.TimeScale.Center}) / {start.TimeScale.Scale}, the panel has (t − {prepared.Scale.Center}) / {prepared.Scale.Scale}; sample the panel keeping its time grid (PanelSample).",
                nameof(start));
        }

        options ??= new FitOptions();
        var clock = Stopwatch.StartNew();
        DataChecks.Check(prepared.Panel, prepared.Patterns, spec);
        var model = new MixtureLikelihood(
            prepared.Layout, spec, prepared.Panel.Times, prepared.Scale, options.EffectiveThreads, prepared.Membership(spec), options.EStep);
        if (options.ReportCovariates is { Count: > 0 } at)
        {
            model.Tables.ReportAt(at, spec.TimeCovariates);
        }

        var search = MultiStartSearch.WarmOnly(model, options, prepared.ObservedPersons, progress);
        search.Warm([new WarmStart(start.Parameters.ToArray(), $"the fit on a sample of {start.PersonCount} persons")], "refit");
        var result = search.Result();
        return Summarize(prepared, model, result.Best, result.Summary, null, options, clock);
    }

    private static TrajectoryFit Summarize(
        PreparedPanel prepared, MixtureLikelihood model, RunState best, SearchSummary summary, TrajectoryFit? floor, FitOptions options, Stopwatch clock)
    {
        if (!double.IsFinite(best.LogLikelihood))
        {
            throw new ModelSpecificationException(NoOptimum(summary));
        }

        var psi = Canonical.Reorder(model, best.Psi);
        var ll = model.EStep(psi);

        var hessian = model.ExactHessian(psi);
        var fit = FitSummarizer.Summarize(new FitSummarizer.Inputs(
            model, prepared.Patterns, prepared.Scale, psi, ll, hessian, best, summary, floor, prepared.ObservedPersons, prepared.Panel.ObservationCount,
            clock.Elapsed.TotalSeconds));
        return options.ReportCovariates is { Count: > 0 } fixedAt ? fit with { ReportedAt = new Dictionary<string, double>(fixedAt) } : fit;
    }

    /// <summary>
    /// The settings of a continuation's neighbour fits: one round of half the starts, no replication rule and no
    /// continuation of their own. They only have to supply starting values; on the Toronto zero-inflated sweep this
    /// lighter search missed fewer optima than full neighbour searches (11 against 12 of 144 fits) in 0.7 of the time.
    /// </summary>
    private static FitOptions NeighbourOptions(FitOptions options)
    {
        var starts = Math.Max(1, options.Starts / 2);
        return options with { Starts = starts, MaxStarts = starts, Replications = 1, Continuation = false };
    }

    /// <summary>
    /// Fits of the nested neighbours of <paramref name="spec"/> (<see cref="NestedModels.Neighbours"/>) that are not
    /// among the fits given (<see cref="NeighbourOptions"/>); neighbours the data cannot support are skipped.
    /// </summary>
    private static List<TrajectoryFit> Continuation(PreparedPanel panel, ModelSpecification spec, FitOptions options, List<TrajectoryFit> given)
    {
        var fits = new List<TrajectoryFit>();
        foreach (var neighbour in NestedModels.Neighbours(spec))
        {
            if (given.Any(f => NestedModels.Same(f.Model, neighbour)))
            {
                continue;
            }

            try
            {
                fits.Add(Fit(panel, neighbour, NeighbourOptions(options)));
            }
            catch (ModelSpecificationException)
            {
                // A neighbour the data cannot identify (e.g. fewer distinct time points than its order needs) gives no start.
            }
        }

        return fits;
    }

    /// <summary>
    /// The guarantee that a model never reports less than a model nested in it: when the search's best is below the
    /// best nested fit (every warm start from its split ended lower, or was discarded), the exact embedding of that fit
    /// — the same distribution, the same log-likelihood — polished by Newton (which never lowers it) is reported.
    /// Returns the nested fit it fell back to, or null.
    /// </summary>
    private static (RunState Best, SearchSummary Summary, TrajectoryFit? Floor) NotBelowNested(
        MixtureLikelihood model, SearchResult search, List<TrajectoryFit> inner, FitOptions options, double persons)
    {
        var floor = inner.OrderByDescending(f => f.LogLikelihood).FirstOrDefault();
        var best = search.Best;
        if (floor is null || (double.IsFinite(best.LogLikelihood) && best.LogLikelihood >= floor.LogLikelihood - (1e-12 * Math.Abs(floor.LogLikelihood))))
        {
            return (best, search.Summary, null);
        }

        var exact = NestedModels.Exact(floor, model.Spec);
        var polished = EmRunner.Newton(model, exact, 0, options, persons);
        var summary = search.Summary with
        {
            Replications = 0,
            BestOrigin = $"exact embedding of the nested model {NestedModels.Label(floor.Model)}",
        };
        return (polished, summary, floor);
    }

    private static string NoOptimum(SearchSummary summary)
    {
        var reasons = summary.Discarded.Count == 0
            ? "the likelihood could not be evaluated at any starting value"
            : "every start was discarded (" + string.Join(", ", summary.Discarded.Select(d => $"{d.Count} {FitSummarizer.DiscardText(d.Reason)}")) + ")";
        return $"{reasons} after {summary.Starts} starts; check the counts and exposures, or fit fewer groups or lower orders.";
    }
}
