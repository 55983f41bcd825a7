using System.Globalization;

namespace Trajectories.Reporting.Figures;

/// <summary>One line of a <see cref="SelectionChart"/>: a criterion by number of groups for one family and order.</summary>
/// <param name="Name">Legend text, e.g. "frailty, cubic".</param>
/// <param name="Points">(number of groups, criterion) of the models fitted; a failed fit is left out.</param>
/// <param name="Chosen">The number of groups of the chosen model when it is on this line, else null.</param>
public sealed record SelectionLine(string Name, IReadOnlyList<(int Groups, double Value)> Points, int? Chosen = null);

/// <summary>
/// BIC (or another criterion) against the number of groups, one line per family and order, the chosen model ringed
/// and labelled: the plot PROC TRAJ and lcmm users draw to see where the criterion levels off.
/// </summary>
public static class SelectionChart
{
    /// <summary>Renders the chart as SVG (the title is only the accessible name; the caption lives in the report).</summary>
    public static string Render(string title, string yLabel, IReadOnlyList<SelectionLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        const double width = FigureLayout.Width, height = 340, left = 72, top = 14, bottom = 50;
        var right = 24 + 30 + lines.Select(l => TextMetrics.Width(l.Name, 12)).DefaultIfEmpty(80).Max();
        var svg = new SvgCanvas(width, height, title);
        var ks = lines.SelectMany(l => l.Points.Select(p => p.Groups)).DefaultIfEmpty(1).ToList();
        var values = lines.SelectMany(l => l.Points.Select(p => p.Value)).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var pad = Math.Max(1, (values.Max() - values.Min()) * 0.05);
        var x = new Axis(ks.Min() - 0.3, ks.Max() + 0.3, left, width - right);
        var y = new Axis(values.Min() - pad, values.Max() + pad, height - bottom, top);
        var yBase = height - bottom;
        foreach (var t in y.Ticks(6))
        {
            svg.Line(left, y.Map(t), width - right, y.Map(t), "#e5e5e5");
            svg.Text(left - 6, y.Map(t) + 4, t.ToString("#,0", CultureInfo.InvariantCulture), 11, "end");
        }

        for (var k = ks.Min(); k <= ks.Max(); k++)
        {
            svg.Line(x.Map(k), yBase, x.Map(k), yBase + 5, "#333");
            svg.Text(x.Map(k), yBase + 18, k.ToString(CultureInfo.InvariantCulture), 11, "middle");
        }

        svg.Line(left, yBase, width - right, yBase, "#333");
        svg.Line(left, top, left, yBase, "#333");
        svg.Text((left + width - right) / 2, yBase + 38, "number of groups K", 12, "middle");
        svg.Text(14, (top + yBase) / 2, yLabel, 12, "middle", rotate: -90);
        for (var s = 0; s < lines.Count; s++)
        {
            var line = lines[s];
            var colour = Palette.Of(s);
            var dash = s % 2 == 1 ? "6,3" : null;
            var points = line.Points.Where(p => double.IsFinite(p.Value)).OrderBy(p => p.Groups).Select(p => (x.Map(p.Groups), y.Map(p.Value))).ToList();
            svg.Polyline(points, colour, 2, dash);
            foreach (var (px, py) in points)
            {
                svg.Circle(px, py, 3.2, colour);
            }

            var ly = top + 10 + (s * 20);
            svg.Line(width - right + 16, ly, width - right + 40, ly, colour, 2.5, dash);
            svg.Text(width - right + 46, ly + 4, line.Name, 12);
            if (line.Chosen is { } chosen && line.Points.FirstOrDefault(p => p.Groups == chosen) is var c && c.Groups == chosen)
            {
                svg.Circle(x.Map(chosen), y.Map(c.Value), 8, "none", "#000", 2);
                svg.Text(x.Map(chosen), y.Map(c.Value) - 13, "chosen", 11, "middle", bold: true);
            }
        }

        return svg.ToSvg();
    }
}
