using Trajectories.Core.Results;
using Trajectories.Reporting.Output;

namespace Trajectories.Reporting.Fits;

/// <summary>The per-person and per-group × time tables of a fit (INTERFACES.md §3).</summary>
public static class FitTables
{
    /// <summary><c>posteriors</c>: person_id, p1…pK, group (modal, 1-based).</summary>
    public static ResultTable Posteriors(PosteriorTable posteriors)
    {
        ArgumentNullException.ThrowIfNull(posteriors);
        var columns = new List<ResultColumn> { new("person_id", ColumnKind.Text, i => posteriors.PersonIds[i]) };
        for (var g = 1; g <= posteriors.Groups; g++)
        {
            var group = g;
            columns.Add(new ResultColumn($"p{g}", ColumnKind.Real, i => posteriors.Probability(i, group)));
        }

        columns.Add(new ResultColumn("group", ColumnKind.Integer, i => (long)posteriors.ModalGroup(i)));
        return new ResultTable(posteriors.Count, columns);
    }

    /// <summary><c>trajectories</c>: group, time, predicted, lower, upper, observed_mean, n, in_support (true where n ≥ 0.5, false where the curve is extrapolated).</summary>
    public static ResultTable Trajectories(IReadOnlyList<TrajectoryPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return new ResultTable(points.Count,
        [
            new("group", ColumnKind.Integer, i => (long)points[i].Group),
            new("time", ColumnKind.Real, i => points[i].Time),
            new("predicted", ColumnKind.Real, i => points[i].Predicted),
            new("lower", ColumnKind.Real, i => points[i].Lower),
            new("upper", ColumnKind.Real, i => points[i].Upper),
            new("observed_mean", ColumnKind.Real, i => points[i].ObservedMean),
            new("n", ColumnKind.Real, i => points[i].N),
            new("in_support", ColumnKind.Boolean, i => points[i].InSupport),
        ]);
    }
}
