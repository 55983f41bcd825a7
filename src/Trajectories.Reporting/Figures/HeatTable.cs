using System.Globalization;

namespace Trajectories.Reporting.Figures;

/// <summary>
/// A table of percentages drawn as shaded cells with their values printed (figure A3: offence categories × populations).
/// 49 numbers read better as a shaded table than as 49 thin bars, and it fits a page's width with legible text.
/// </summary>
public static class HeatTable
{
    /// <summary>
    /// Renders rows × columns of percentages (null = withheld, printed as "–" and explained under the table).
    /// </summary>
    public static string Render(string title, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels, IReadOnlyList<IReadOnlyList<double?>> values, string missingNote)
    {
        ArgumentNullException.ThrowIfNull(rowLabels);
        ArgumentNullException.ThrowIfNull(columnLabels);
        ArgumentNullException.ThrowIfNull(values);
        const double width = FigureLayout.Width, labelSize = 12, cellSize = 11, rowHeight = 26, headerLine = 14, top = 8;
        var left = 12 + rowLabels.Select(l => TextMetrics.Width(l, labelSize)).DefaultIfEmpty(60).Max() + 10;
        var cellWidth = (width - left - 8) / Math.Max(1, columnLabels.Count);
        var headers = columnLabels.Select(c => TextMetrics.Wrap(c, cellSize, cellWidth - 6)).ToList();
        var headerLines = headers.Select(h => h.Count).DefaultIfEmpty(1).Max();
        var gridTop = top + (headerLines * headerLine) + 6;
        var missing = values.SelectMany(r => r).Any(v => v is null);
        var height = gridTop + (rowLabels.Count * rowHeight) + (missing ? 30 : 10);
        var svg = new SvgCanvas(width, height, title);
        for (var c = 0; c < columnLabels.Count; c++)
        {
            var cx = left + ((c + 0.5) * cellWidth);
            for (var k = 0; k < headers[c].Count; k++)
            {
                // Bottom-aligned headers: their last lines share the baseline just above the grid.
                var line = headerLines - headers[c].Count + k;
                svg.Text(cx, top + ((line + 1) * headerLine) - 2, headers[c][k], cellSize, "middle");
            }
        }

        var max = values.SelectMany(r => r).Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).DefaultIfEmpty(1).Max();
        for (var r = 0; r < rowLabels.Count; r++)
        {
            var y0 = gridTop + (r * rowHeight);
            svg.Text(left - 10, y0 + (rowHeight / 2) + 4, rowLabels[r], labelSize, "end");
            for (var c = 0; c < columnLabels.Count; c++)
            {
                var x0 = left + (c * cellWidth);
                var value = c < values[r].Count ? values[r][c] : null;
                if (value is { } v && double.IsFinite(v))
                {
                    // Shade by value; text turns white on the darkest cells to stay readable.
                    var f = max > 0 ? Math.Clamp(v / max, 0, 1) : 0;
                    svg.Rect(x0 + 1, y0 + 1, cellWidth - 2, rowHeight - 2, Shade(f));
                    svg.Text(x0 + (cellWidth / 2), y0 + (rowHeight / 2) + 4, v.ToString("0.0", CultureInfo.InvariantCulture), cellSize, "middle", f > 0.6 ? "#fff" : "#222");
                }
                else
                {
                    svg.Rect(x0 + 1, y0 + 1, cellWidth - 2, rowHeight - 2, "#f4f4f4");
                    svg.Text(x0 + (cellWidth / 2), y0 + (rowHeight / 2) + 4, "–", cellSize, "middle", "#777");
                }
            }
        }

        if (missing)
        {
            svg.Text(12, height - 10, missingNote, cellSize, fill: "#555");
        }

        return svg.ToSvg();
    }

    /// <summary>White to the palette's blue (#0072B2) at fraction f.</summary>
    private static string Shade(double f) => Palette.Tint(0x0072B2, f);
}
