using System.Globalization;

namespace Trajectories.Reporting.Figures;

/// <summary>One row of <see cref="IntervalBars"/>: a percentage with its 95 % interval (null where withheld).</summary>
/// <param name="Label">Row label (e.g. "incidental (n = 250)").</param>
/// <param name="Value">The percentage, or null when withheld or not available.</param>
/// <param name="Lower">Lower limit of the interval, or null.</param>
/// <param name="Upper">Upper limit of the interval, or null.</param>
/// <param name="Note">Text right of the row, e.g. "74.0 % (68.2–79.1)", or why the value is missing.</param>
/// <param name="Emphasis">Drawn in the second palette colour (e.g. the control groups, set apart from the profiles).</param>
public sealed record IntervalRow(string Label, double? Value, double? Lower, double? Upper, string Note, bool Emphasis = false);

/// <summary>
/// Horizontal bars of percentages with interval whiskers, one row per population (figure A2). Horizontal, so that
/// long population names are read in full on the left instead of colliding under narrow bars.
/// </summary>
public static class IntervalBars
{
    /// <summary>Renders the chart as SVG (the title is only the accessible name; the caption lives in the report).</summary>
    public static string Render(string title, string xLabel, IReadOnlyList<IntervalRow> rows, double xMax = 100)
    {
        ArgumentNullException.ThrowIfNull(rows);
        const double width = FigureLayout.Width, top = 16, rowHeight = 28, bottom = 48, labelSize = 12, noteSize = 11;
        var left = 16 + rows.Select(r => TextMetrics.Width(r.Label, labelSize)).DefaultIfEmpty(60).Max() + 10;
        var right = 16 + rows.Select(r => TextMetrics.Width(r.Note, noteSize)).DefaultIfEmpty(60).Max() + 10;
        var height = top + (rows.Count * rowHeight) + bottom;
        var svg = new SvgCanvas(width, height, title);
        var x = new Axis(0, xMax, left, width - right);
        var yBase = top + (rows.Count * rowHeight);
        foreach (var t in x.Ticks(5))
        {
            svg.Line(x.Map(t), top, x.Map(t), yBase, "#e5e5e5");
            svg.Text(x.Map(t), yBase + 16, t.ToString("0.##", CultureInfo.InvariantCulture), 11, "middle");
        }

        svg.Line(left, top, left, yBase, "#333");
        svg.Line(left, yBase, width - right, yBase, "#333");
        svg.Text((left + width - right) / 2, yBase + 36, xLabel, 12, "middle");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var cy = top + (i * rowHeight) + (rowHeight / 2);
            svg.Text(left - 10, cy + 4, row.Label, labelSize, "end");
            svg.Text(width - right + 10, cy + 4, row.Note, noteSize, fill: "#444");
            if (row.Value is { } v && double.IsFinite(v))
            {
                svg.Rect(left, cy - 8, x.Map(v) - left, 16, Palette.Of(row.Emphasis ? 1 : 0));
            }

            if (row.Lower is { } lo && row.Upper is { } hi && double.IsFinite(lo) && double.IsFinite(hi))
            {
                svg.Line(x.Map(lo), cy, x.Map(hi), cy, "#222", 1.5);
                svg.Line(x.Map(lo), cy - 5, x.Map(lo), cy + 5, "#222", 1.5);
                svg.Line(x.Map(hi), cy - 5, x.Map(hi), cy + 5, "#222", 1.5);
            }
        }

        return svg.ToSvg();
    }
}
