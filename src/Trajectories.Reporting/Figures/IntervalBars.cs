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
        var frame = new RowFrame(title, rows.Select(r => r.Label).ToList(), rows.Select(r => r.Note).ToList());
        var svg = frame.Svg;
        var x = new Axis(0, xMax, frame.Left, frame.Right);
        frame.DrawAxis(x, x.Ticks(5), xLabel);
        svg.Line(frame.Left, RowFrame.PlotTop, frame.Left, frame.Base, "#333");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var cy = RowFrame.Centre(i);
            if (row.Value is { } v && double.IsFinite(v))
            {
                svg.Rect(frame.Left, cy - 8, x.Map(v) - frame.Left, 16, Palette.Of(row.Emphasis ? 1 : 0));
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
