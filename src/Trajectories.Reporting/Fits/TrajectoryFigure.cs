using System.Globalization;
using Trajectories.Core.Families;
using Trajectories.Core.Results;
using Trajectories.Reporting.Figures;

namespace Trajectories.Reporting.Fits;

/// <summary>The trajectories figure of one fit (<c>fit --plot</c>): fitted curve, 95 % band and observed means per group.</summary>
public static class TrajectoryFigure
{
    /// <summary>
    /// Renders the figure as SVG. Each group is drawn only at the times in its support (where it has persons,
    /// <see cref="TrajectoryPoint.InSupport"/>): beyond them a polynomial is extrapolated, not estimated, and a cubic
    /// running off there would swamp the axis. The legend gives each group's estimated share.
    /// </summary>
    public static string Render(TrajectoryFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var series = fit.Groups.Select(g =>
        {
            var points = fit.Trajectories.Where(p => p.Group == g.Index && p.InSupport).OrderBy(p => p.Time).ToList();

            // A band needs both limits at every point; without SEs (singular information) the curve is drawn alone.
            var banded = points.All(p => p.Lower is not null && p.Upper is not null);
            return new LineSeries(
                string.Create(CultureInfo.InvariantCulture, $"group {g.Index} ({100 * g.Share:0.0} %)"),
                points.Select(p => p.Time).ToList(),
                points.Select(p => p.Predicted).ToList(),
                banded ? points.Select(p => p.Lower!.Value).ToList() : null,
                banded ? points.Select(p => p.Upper!.Value).ToList() : null,
                points.Select(p => p.ObservedMean).ToList());
        }).ToList();
        var title = $"Fitted trajectories: {fit.Family}, {fit.Groups.Count} group{(fit.Groups.Count == 1 ? string.Empty : "s")}";
        return LineChart.Render(title, "time", YLabel(fit.Model.Family.Outcome), series);
    }

    /// <summary>What the curves show, by outcome.</summary>
    private static string YLabel(OutcomeKind outcome) => outcome switch
    {
        OutcomeKind.Count => "expected count per time (exposure 1)",
        OutcomeKind.Binary => "probability",
        _ => "expected value",
    };
}
