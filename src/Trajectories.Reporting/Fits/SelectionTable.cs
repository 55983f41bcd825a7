using Trajectories.Core.Selection;
using Trajectories.Reporting.Output;

namespace Trajectories.Reporting.Fits;

/// <summary><c>selection</c>: one row per model tried, with its fit statistics and the adequacy verdict.</summary>
public static class SelectionTable
{
    /// <summary>
    /// Builds the table; <c>chosen</c> is true on the chosen model's row, and <c>grid_edge</c> holds
    /// <paramref name="gridEdge"/> there (why the grid may be too narrow: the chosen model has its largest K or order).
    /// </summary>
    public static ResultTable Build(SelectionResult result, string? gridEdge = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Rows;
        return new ResultTable(rows.Count,
        [
            new("model", ColumnKind.Text, i => rows[i].Label),
            new("family", ColumnKind.Text, i => rows[i].Model.Family.Name),
            new("groups", ColumnKind.Integer, i => (long)rows[i].Groups),
            new("orders", ColumnKind.Text, i => string.Join(' ', rows[i].Model.Orders)),
            new("iorders", ColumnKind.Text, i => string.Join(' ', rows[i].Model.InflationOrders)),
            new("n_parameters", ColumnKind.Integer, i => (long)rows[i].Model.ParameterCount),
            new("log_likelihood", ColumnKind.Real, i => rows[i].Fit?.LogLikelihood),
            new("bic_persons", ColumnKind.Real, i => rows[i].Fit?.BicPersons),
            new("bic_observations", ColumnKind.Real, i => rows[i].Fit?.BicObservations),
            new("aic", ColumnKind.Real, i => rows[i].Fit?.Aic),
            new("entropy", ColumnKind.Real, i => rows[i].Fit?.Entropy),
            new("min_avepp", ColumnKind.Real, i => rows[i].Fit?.Groups.Min(g => g.AvePP ?? double.NaN)),
            new("min_occ", ColumnKind.Real, i => rows[i].Fit?.Groups.Min(g => g.Occ ?? double.NaN)),
            new("min_share", ColumnKind.Real, i => rows[i].Fit?.Groups.Min(g => g.Share)),
            new("converged", ColumnKind.Boolean, i => rows[i].Fit?.Converged ?? false),
            new("adequate", ColumnKind.Boolean, i => rows[i].Adequate),
            new("chosen", ColumnKind.Boolean, i => result.ChosenIndex == i),
            new("reasons", ColumnKind.Text, i => string.Join("; ", rows[i].Reasons)),
            new("starts", ColumnKind.Integer, i => rows[i].Fit is { } f ? (long)f.Search.Starts : null),
            new("replications", ColumnKind.Integer, i => rows[i].Fit is { } f ? (long)f.Search.Replications : null),
            new("replicated", ColumnKind.Boolean, i => rows[i].Fit?.Search.Replicated),
            new("best_origin", ColumnKind.Text, i => rows[i].Fit?.Search.BestOrigin),
            new("seconds", ColumnKind.Real, i => rows[i].Fit?.Seconds),
            new("grid_edge", ColumnKind.Text, i => result.ChosenIndex == i ? gridEdge : null),
        ]);
    }
}
