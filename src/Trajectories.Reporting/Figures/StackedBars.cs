using System.Globalization;

namespace Trajectories.Reporting.Figures;

/// <summary>One row of <see cref="StackedBars"/>: a label and the percentage in each segment (null = withheld).</summary>
public sealed record StackedRow(string Label, IReadOnlyList<double?> Percents);

/// <summary>
/// One horizontal bar per row, split into segments that add up to 100 % (the distribution of the largest posterior
/// within each group). Rows scale to any number of groups where side-by-side histograms would crowd their labels.
/// </summary>
public static class StackedBars
{
    /// <summary>
    /// Renders the chart as SVG; segments are shaded light to dark in series order, and a row with a withheld segment
    /// shows the rest of its bar in grey marked "–" (explained by <paramref name="missingNote"/>).
    /// </summary>
    public static string Render(string title, IReadOnlyList<string> seriesNames, IReadOnlyList<StackedRow> rows, string missingNote)
    {
        ArgumentNullException.ThrowIfNull(seriesNames);
        ArgumentNullException.ThrowIfNull(rows);
        const double width = FigureLayout.Width, legendTop = 8, rowHeight = 26, size = 11;
        var left = 16 + rows.Select(r => TextMetrics.Width(r.Label, 12)).DefaultIfEmpty(60).Max() + 10;
        const double right = 20;
        var top = legendTop + 34;
        var missing = rows.Any(r => r.Percents.Any(p => p is null));
        var height = top + (rows.Count * rowHeight) + 36 + (missing ? 18 : 0);
        var svg = new SvgCanvas(width, height, title);
        var x = new Axis(0, 100, left, width - right);
        var lx = left;
        for (var s = 0; s < seriesNames.Count; s++)
        {
            svg.Rect(lx, legendTop + 4, 12, 12, Shade(s, seriesNames.Count), "#999");
            svg.Text(lx + 16, legendTop + 14, seriesNames[s], size);
            lx += 16 + TextMetrics.Width(seriesNames[s], size) + 14;
        }

        var yBase = top + (rows.Count * rowHeight);
        foreach (var t in x.Ticks(5))
        {
            svg.Line(x.Map(t), top, x.Map(t), yBase, "#e5e5e5");
            svg.Text(x.Map(t), yBase + 16, t.ToString("0", CultureInfo.InvariantCulture), size, "middle");
        }

        svg.Text((left + width - right) / 2, yBase + 32, "% of the group's members", 12, "middle");
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var y0 = top + (r * rowHeight) + 4;
            svg.Text(left - 10, y0 + 13, row.Label, 12, "end");
            var at = 0.0;
            for (var s = 0; s < row.Percents.Count; s++)
            {
                if (row.Percents[s] is not { } p || !double.IsFinite(p))
                {
                    continue;
                }

                var x0 = x.Map(at);
                var x1 = x.Map(Math.Min(100, at + p));
                svg.Rect(x0, y0, x1 - x0, rowHeight - 8, Shade(s, row.Percents.Count));
                // A value is printed only where the segment is wide enough to hold it.
                var text = p.ToString("0", CultureInfo.InvariantCulture);
                if (x1 - x0 >= TextMetrics.Width(text, size) + 6)
                {
                    svg.Text((x0 + x1) / 2, y0 + 13, text, size, "middle", s >= row.Percents.Count / 2 ? "#fff" : "#222");
                }

                at += p;
            }

            if (row.Percents.Any(p => p is null) && at < 100)
            {
                svg.Rect(x.Map(at), y0, x.Map(100) - x.Map(at), rowHeight - 8, "#e0e0e0");
                svg.Text((x.Map(at) + x.Map(100)) / 2, y0 + 13, "–", size, "middle", "#555");
            }
        }

        if (missing)
        {
            svg.Text(left, height - 8, missingNote, size, fill: "#555");
        }

        return svg.ToSvg();
    }

    /// <summary>Light blue to the palette's dark blue across the series.</summary>
    private static string Shade(int s, int count)
    {
        var f = count <= 1 ? 1.0 : 0.15 + (0.85 * s / (count - 1));
        return Palette.Tint(0x084594, f);
    }
}
