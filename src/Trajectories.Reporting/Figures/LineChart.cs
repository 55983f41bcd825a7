using System.Globalization;

namespace Trajectories.Reporting.Figures;

/// <summary>One curve of a <see cref="LineChart"/>: a fitted line, an optional band and optional observed points.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="X">X values, ascending.</param>
/// <param name="Y">Fitted values.</param>
/// <param name="Lower">Lower band limit per point, or null.</param>
/// <param name="Upper">Upper band limit per point, or null.</param>
/// <param name="Observed">Observed value per point (null where none), drawn as dots, or null.</param>
public sealed record LineSeries(
    string Name,
    IReadOnlyList<double> X,
    IReadOnlyList<double> Y,
    IReadOnlyList<double>? Lower = null,
    IReadOnlyList<double>? Upper = null,
    IReadOnlyList<double?>? Observed = null);

/// <summary>Fitted trajectories with 95 % bands and observed means (the report's profile figure).</summary>
public static class LineChart
{
    /// <summary>Renders the chart as SVG.</summary>
    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<LineSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        const double width = 760, height = 440, left = 64, right = 190, top = 40, bottom = 56;
        var svg = new SvgCanvas(width, height, title);
        var xs = series.SelectMany(s => s.X).ToList();
        // The axis follows fitted values and observed means; a wide band is clipped rather than allowed to flatten the curves.
        var ys = series.SelectMany(s => s.Y.Concat((s.Observed ?? []).Where(o => o is not null).Select(o => o!.Value)))
            .Where(double.IsFinite).ToList();
        var yTop = ys.Count > 0 ? ys.Max() * 1.15 : 1;
        var x = new Axis(xs.Count > 0 ? xs.Min() : 0, xs.Count > 0 ? xs.Max() : 1, left, width - right);
        var y = new Axis(0, Axis.NiceMax(yTop), height - bottom, top);

        svg.Text(left, 24, title, 15, bold: true);
        DrawAxes(svg, x, y, xLabel, yLabel, width - right, height - bottom, left, top);
        for (var s = 0; s < series.Count; s++)
        {
            var line = series[s];
            var colour = Palette.Of(s);
            if (line.Lower is not null && line.Upper is not null)
            {
                var band = new List<(double, double)>();
                for (var i = 0; i < line.X.Count; i++)
                {
                    band.Add((x.Map(line.X[i]), y.Map(line.Upper[i])));
                }

                for (var i = line.X.Count - 1; i >= 0; i--)
                {
                    band.Add((x.Map(line.X[i]), y.Map(line.Lower[i])));
                }

                svg.Polygon(band, colour, 0.18);
            }

            svg.Polyline(line.X.Select((v, i) => (x.Map(v), y.Map(line.Y[i]))).ToList(), colour, 2.5);
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

            var ly = top + 10 + (s * 22);
            svg.Line(width - right + 16, ly, width - right + 40, ly, colour, 3);
            svg.Text(width - right + 46, ly + 4, line.Name, 12);
        }

        var noteY = top + 10 + (series.Count * 22) + 8;
        svg.Text(width - right + 16, noteY, "line: fitted; band: 95 % CI;", 10, fill: "#555");
        svg.Text(width - right + 16, noteY + 13, "dots: observed mean", 10, fill: "#555");
        return svg.ToSvg();
    }

    internal static void DrawAxes(SvgCanvas svg, Axis x, Axis y, string xLabel, string yLabel, double xEnd, double yBase, double left, double top)
    {
        foreach (var t in y.Ticks())
        {
            var py = y.Map(t);
            svg.Line(left, py, xEnd, py, "#e5e5e5");
            svg.Text(left - 6, py + 4, t.ToString("0.##", CultureInfo.InvariantCulture), 11, "end");
        }

        foreach (var t in x.Ticks(10))
        {
            var px = x.Map(t);
            svg.Line(px, yBase, px, yBase + 5, "#333");
            svg.Text(px, yBase + 18, t.ToString("0.##", CultureInfo.InvariantCulture), 11, "middle");
        }

        svg.Line(left, yBase, xEnd, yBase, "#333");
        svg.Line(left, top, left, yBase, "#333");
        svg.Text((left + xEnd) / 2, yBase + 40, xLabel, 12, "middle");
        svg.Text(16, (top + yBase) / 2, yLabel, 12, "middle", rotate: -90);
    }
}
