using System.Globalization;

namespace Trajectories.Reporting.Figures;

/// <summary>One curve of a <see cref="LineChart"/>: a fitted line, an optional band and optional observed points.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="X">X values, ascending.</param>
/// <param name="Y">Fitted values.</param>
/// <param name="Lower">Lower band limit per point, or null.</param>
/// <param name="Upper">Upper band limit per point, or null.</param>
/// <param name="Observed">Observed value per point (null where none), drawn as dots, or null.</param>
/// <param name="AtRisk">Number of persons observed at each x as published (e.g. "245", "x"), shown under the axis at
/// the x ticks (blank at a tick it does not list), or null.</param>
public sealed record LineSeries(
    string Name,
    IReadOnlyList<double> X,
    IReadOnlyList<double> Y,
    IReadOnlyList<double>? Lower = null,
    IReadOnlyList<double>? Upper = null,
    IReadOnlyList<double?>? Observed = null,
    IReadOnlyDictionary<double, string>? AtRisk = null);

/// <summary>Fitted trajectories with 95 % bands, observed means and the numbers observed (the report's figure 1).</summary>
public static class LineChart
{
    private const double LegendRow = 20, RiskRow = 15;

    /// <summary>
    /// Renders the chart as SVG (the title is only the accessible name; the caption lives in the report). The legend
    /// lists the curves from the highest peak down, the order a reader meets them in the plot; curves and bands are
    /// smooth (<see cref="SvgCanvas.SmoothCurve"/>) and drawn only over the points given.
    /// </summary>
    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<LineSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        const double width = FigureLayout.Width, plotHeight = 330, left = 56, top = 12, axisBlock = 44;
        var legendOrder = Enumerable.Range(0, series.Count).OrderByDescending(s => series[s].Y.DefaultIfEmpty(0).Max()).ToList();
        var right = 24 + 28 + series.Select(s => TextMetrics.Width(s.Name, 12)).Append(TextMetrics.Width("dots: observed mean", 11)).DefaultIfEmpty(80).Max();
        var risk = series.Any(s => s.AtRisk is not null);
        var height = top + plotHeight + axisBlock + (risk ? 22 + (series.Count * RiskRow) : 0) + 8;
        var svg = new SvgCanvas(width, height, title);
        var xs = series.SelectMany(s => s.X).ToList();
        // The axis follows fitted values and observed means; a wide band is clipped rather than allowed to flatten the curves.
        var ys = series.SelectMany(s => s.Y.Concat((s.Observed ?? []).Where(o => o is not null).Select(o => o!.Value)))
            .Where(double.IsFinite).ToList();
        var yTop = ys.Count > 0 ? ys.Max() * 1.15 : 1;
        var yBase = top + plotHeight;
        var x = new Axis(xs.Count > 0 ? xs.Min() : 0, xs.Count > 0 ? xs.Max() : 1, left, width - right);
        var y = new Axis(0, Axis.NiceMax(yTop), yBase, top);
        var xTicks = x.Ticks(10);

        DrawAxes(svg, x, y, xLabel, yLabel, width - right, yBase, left, top, xTicks);
        for (var s = 0; s < series.Count; s++)
        {
            var line = series[s];
            var colour = Palette.Of(s);
            var points = line.X.Select((v, i) => (x.Map(v), y.Map(line.Y[i]))).ToList();
            if (line.Lower is not null && line.Upper is not null)
            {
                var upper = line.X.Select((v, i) => (x.Map(v), y.Map(line.Upper[i]))).ToList();
                var lower = line.X.Select((v, i) => (x.Map(v), y.Map(line.Lower[i]))).Reverse().ToList();
                svg.Path(SvgCanvas.SmoothCurve(upper) + " " + SvgCanvas.SmoothCurve(lower, moveTo: false) + " Z", null, 0, colour, 0.18);
            }

            svg.Path(SvgCanvas.SmoothCurve(points), colour, 2.5);
            if (line.Observed is not null)
            {
                for (var i = 0; i < line.X.Count; i++)
                {
                    if (line.Observed[i] is { } o && double.IsFinite(o))
                    {
                        svg.Circle(x.Map(line.X[i]), y.Map(o), 2.6, colour);
                    }
                }
            }
        }

        for (var k = 0; k < legendOrder.Count; k++)
        {
            var s = legendOrder[k];
            var ly = top + 10 + (k * LegendRow);
            svg.Line(width - right + 16, ly, width - right + 40, ly, Palette.Of(s), 3);
            svg.Text(width - right + 46, ly + 4, series[s].Name, 12);
        }

        var noteY = top + 10 + (series.Count * LegendRow) + 10;
        svg.Text(width - right + 16, noteY, "line: fitted; band: 95 % CI", 11, fill: "#555");
        svg.Text(width - right + 16, noteY + 15, "dots: observed mean", 11, fill: "#555");
        if (risk)
        {
            DrawAtRisk(svg, series, legendOrder, x, xTicks, yBase + axisBlock + 14, left);
        }

        return svg.ToSvg();
    }

    /// <summary>The numbers observed under the x axis, one row per curve (in legend order) at the x ticks.</summary>
    private static void DrawAtRisk(SvgCanvas svg, IReadOnlyList<LineSeries> series, IReadOnlyList<int> order, Axis x, IReadOnlyList<double> ticks, double y0, double left)
    {
        svg.Text(left, y0, "persons observed", 11, fill: "#555");
        for (var k = 0; k < order.Count; k++)
        {
            var line = series[order[k]];
            var ry = y0 + ((k + 1) * RiskRow);
            svg.Line(left - 44, ry - 4, left - 28, ry - 4, Palette.Of(order[k]), 3);
            if (line.AtRisk is null)
            {
                continue;
            }

            foreach (var t in ticks)
            {
                if (line.AtRisk.TryGetValue(t, out var n))
                {
                    svg.Text(x.Map(t), ry, n, 11, "middle", "#333");
                }
            }
        }
    }

    internal static void DrawAxes(SvgCanvas svg, Axis x, Axis y, string xLabel, string yLabel, double xEnd, double yBase, double left, double top, IReadOnlyList<double> xTicks)
    {
        foreach (var t in y.Ticks())
        {
            var py = y.Map(t);
            svg.Line(left, py, xEnd, py, "#e5e5e5");
            svg.Text(left - 6, py + 4, t.ToString("0.##", CultureInfo.InvariantCulture), 11, "end");
        }

        foreach (var t in xTicks)
        {
            var px = x.Map(t);
            svg.Line(px, yBase, px, yBase + 5, "#333");
            svg.Text(px, yBase + 18, t.ToString("0.##", CultureInfo.InvariantCulture), 11, "middle");
        }

        svg.Line(left, yBase, xEnd, yBase, "#333");
        svg.Line(left, top, left, yBase, "#333");
        svg.Text((left + xEnd) / 2, yBase + 36, xLabel, 12, "middle");
        svg.Text(16, (top + yBase) / 2, yLabel, 12, "middle", rotate: -90);
    }
}
