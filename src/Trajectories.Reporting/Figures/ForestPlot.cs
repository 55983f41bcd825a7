namespace Trajectories.Reporting.Figures;

/// <summary>One row of a <see cref="ForestPlot"/>: an estimate with its confidence interval.</summary>
/// <param name="Label">Row label.</param>
/// <param name="Estimate">Point estimate (ratio), or null when not estimable / suppressed.</param>
/// <param name="Lower">Lower CI limit, or null.</param>
/// <param name="Upper">Upper CI limit, or null.</param>
/// <param name="Note">Text shown right of the row (e.g. "3.6 (2.4–5.4)" or "suppressed").</param>
public sealed record ForestRow(string Label, double? Estimate, double? Lower, double? Upper, string Note);

/// <summary>Ratios with confidence intervals on a log axis with a reference line (figure A1: LVB rate ratios).</summary>
public static class ForestPlot
{
    /// <summary>Renders the plot as SVG (the title is only the accessible name; the caption lives in the report).</summary>
    public static string Render(string title, string xLabel, IReadOnlyList<ForestRow> rows, double reference = 1.0)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var frame = new RowFrame(title, rows.Select(r => r.Label).ToList(), rows.Select(r => r.Note).ToList());
        var svg = frame.Svg;
        var values = rows.SelectMany(r => new[] { r.Estimate, r.Lower, r.Upper }).Where(v => v is > 0 && double.IsFinite(v.Value)).Select(v => v!.Value).Append(reference).ToList();
        // The axis spans the data to the nearest 1-2-5 values around it, not whole decades: half an empty axis
        // squeezes the intervals a reader compares.
        var x = new Axis(NiceBelow(values.Min()), NiceAbove(values.Max()), frame.Left, frame.Right, log: true);
        frame.DrawAxis(x, x.Ticks(), xLabel);
        svg.Line(x.Map(reference), RowFrame.PlotTop, x.Map(reference), frame.Base, "#333", 1.5, "5,4");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var cy = RowFrame.Centre(i);
            if (row.Lower is > 0 && row.Upper is > 0)
            {
                svg.Line(x.Map(row.Lower.Value), cy, x.Map(row.Upper.Value), cy, "#333", 1.5);
            }

            if (row.Estimate is > 0)
            {
                var colour = row.Lower is { } lo && row.Upper is { } hi && (lo > reference || hi < reference) ? "#009E73" : "#0072B2";
                svg.Rect(x.Map(row.Estimate.Value) - 5, cy - 5, 10, 10, colour);
            }
        }

        return svg.ToSvg();
    }

    /// <summary>The largest 1, 2 or 5 × 10^k at or below v.</summary>
    internal static double NiceBelow(double v)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(v)));
        var f = v / power;
        return (f >= 5 ? 5 : f >= 2 ? 2 : 1) * power;
    }

    /// <summary>The smallest 1, 2 or 5 × 10^k at or above v.</summary>
    internal static double NiceAbove(double v)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(v)));
        var f = v / power;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    }
}
