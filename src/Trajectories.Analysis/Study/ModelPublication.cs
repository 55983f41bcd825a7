using System.Globalization;
using Trajectories.Analysis.Disclosure;
using Trajectories.Analysis.Profiles;
using Trajectories.Core.Estimation;
using Trajectories.Core.Results;
using Trajectories.Core.Selection;

namespace Trajectories.Analysis.Study;

/// <summary>
/// Turns the chosen fit and the selection grid into their published forms (<see cref="PublishedModel"/>,
/// <see cref="PublishedSelection"/>): counts through the ledger, statistics that would reveal a count at the
/// precision of <see cref="Precision"/>, and nothing person-level.
/// </summary>
internal static class ModelPublication
{
    /// <param name="fit">The chosen fit.</param>
    /// <param name="labels">Its groups' labels.</param>
    /// <param name="assigned">Published modal sizes per group.</param>
    /// <param name="ledger">The analysis's disclosed counts.</param>
    /// <param name="search">The global search to publish when it is not the fit's own (a model chosen on a sample and
    /// refitted to all offenders from one start publishes the sample's search); null for the fit's.</param>
    public static PublishedModel Model(
        TrajectoryFit fit, IReadOnlyList<ProfileLabel> labels, IReadOnlyDictionary<int, DisclosedCount> assigned, DisclosureLedger ledger,
        SearchSummary? search = null)
    {
        var rule = ledger.Rule;
        var persons = ledger.Count(fit.PersonCount, "panel/offender/n");
        var observations = ledger.Count(fit.ObservationCount, "panel/offender/observations");
        var groups = labels.OrderBy(l => l.Group).Select(l =>
        {
            var g = fit.Groups[l.Group - 1];
            var population = StudyAnalysis.PopulationName(l);
            var expected = ledger.Count((long)Math.Round(g.ExpectedSize), $"model/{population}/expected_n");
            return new PublishedGroup(
                l.Group, population, l.Label, Precision.ModelShare(g.Share, persons, rule),
                g.ShareSe is { } se ? Precision.Significant(se, rule) : null,
                assigned[l.Group], DisclosureRule.Ratio(assigned[l.Group], persons), expected,
                g.AvePP is { } a ? Round(a, 3, rule) : null, g.Occ is { } o ? Precision.Significant(o, rule) : null,
                g.Order, g.Beta, g.BetaSe, g.InflationOrder, g.Inflation, g.InflationSe,
                Finite(l.PeakAge), Finite(l.PeakRate), Finite(l.RateYouth), Finite(l.RateAdult), l.Description);
        }).ToArray();
        var curve = fit.Trajectories.Select(p =>
        {
            var n = ledger.Count((long)Math.Round(p.N), string.Create(CultureInfo.InvariantCulture, $"model/group_{p.Group}/age_{p.Time:0.###}/n"));
            var mean = p.ObservedMean is { } m ? Precision.MeanOfIntegers(m, n, rule) : null;
            return new PublishedCurvePoint(p.Group, p.Time, p.Predicted, p.Lower, p.Upper, mean, n, p.InSupport);
        }).ToArray();
        var (matrix, bands) = PosteriorDiagnostics.Build(fit, labels, ledger);
        return new PublishedModel(
            fit.Family, fit.Model.Orders, persons, observations, ledger.Count(fit.PatternCount, "panel/offender/patterns"),
            fit.ParameterCount, fit.LogLikelihood, Bic(fit.LogLikelihood, fit.ParameterCount, persons), Bic(fit.LogLikelihood, fit.ParameterCount, observations),
            fit.Aic, Round(fit.Entropy, 3, rule), fit.Converged, StopReasonCodes.Of(fit.StopReason), fit.Iterations, search ?? fit.Search,
            fit.TimeScale.Center, fit.TimeScale.Scale, groups, curve, fit.Warnings, ParameterTable.Rows(fit), matrix, bands);
    }

    // A feature the labeller could not measure (no supported age) is NaN there and null here.
    private static double? Finite(double x) => double.IsFinite(x) ? x : null;

    /// <param name="selection">The grid's fits.</param>
    /// <param name="persons">Persons the grid was fitted to, as published (the n of BIC).</param>
    /// <param name="observations">Their observations, as published.</param>
    /// <param name="rule">The disclosure rule.</param>
    /// <param name="sample">The selection sample's size when the grid ran on a sample of the panel, else null.</param>
    public static PublishedSelection Selection(SelectionResult selection, DisclosedCount persons, DisclosedCount observations, DisclosureRule rule, int? sample) =>
        new(selection.Rule, selection.ChosenIsAdequate, sample, selection.Rows.Select((row, i) =>
        {
            var f = row.Fit;
            return new PublishedSelectionRow(
                row.Label, row.Model.Family.Name, row.Groups, row.Model.Orders, row.Model.InflationOrders, row.Model.ParameterCount,
                f?.LogLikelihood, f is null ? null : Bic(f.LogLikelihood, f.ParameterCount, persons),
                f is null ? null : Bic(f.LogLikelihood, f.ParameterCount, observations), f?.Aic,
                f is null ? null : Round(f.Entropy, 3, rule),
                f?.Groups.Min(g => g.AvePP ?? double.NaN) is { } a && double.IsFinite(a) ? Round(a, 3, rule) : null,
                f?.Groups.Min(g => g.Occ ?? double.NaN) is { } o && double.IsFinite(o) ? Precision.Significant(o, rule) : null,
                f is null ? null : Precision.ModelShare(f.Groups.Min(g => g.Share), persons, rule),
                f?.Converged ?? false, row.Adequate, selection.ChosenIndex == i,
                row.Error ?? string.Join("; ", row.Reasons),
                f?.Search.Starts, f?.Search.Replications, f?.Search.Replicated, f?.Search.BestOrigin, f?.Seconds);
        }).ToArray());

    // WHY the published count: LL and −2LL + k ln n at full precision give n = exp((BIC + 2LL)/k) exactly.
    private static double? Bic(double logLikelihood, int parameters, DisclosedCount n) =>
        n.Value is { } v && v > 0 ? (-2 * logLikelihood) + (parameters * Math.Log(v)) : null;

    /// <summary>A model statistic to <paramref name="decimals"/> decimals under disclosure control (null when not finite).</summary>
    internal static double? Round(double value, int decimals, DisclosureRule rule) =>
        !double.IsFinite(value) ? null : rule.IsApplied ? Math.Round(value, decimals, MidpointRounding.AwayFromZero) : value;
}
