using System.Globalization;

namespace Trajectories.Reporting.Figures;

/// <summary>A group of bars: one value per series (null where suppressed or not available).</summary>
public sealed record BarGroup(string Label, IReadOnlyList<double?> Values);

/// <summary>Grouped vertical bars of percentages (figures A2 and A3).</summary>
public static class BarChart
{
    /// <summary>Renders the chart as SVG; null values are marked "–".</summary>
    public static string Render(string title, string yLabel, IReadOnlyList<string> seriesNames, IReadOnlyList<BarGroup> groups, double? yMax = null)
    {
        ArgumentNullException.ThrowIfNull(seriesNames);
        ArgumentNullException.ThrowIfNull(groups);
        const double left = 64, right = 180, top = 40, bottom = 70, height = 420;
        var groupWidth = Math.Max(60, (seriesNames.Count * 16) + 24);
        var width = Math.Max(520, left + right + (groups.Count * groupWidth));
        var svg = new SvgCanvas(width, height, title);
        var max = yMax ?? Axis.NiceMax(groups.SelectMany(g => g.Values).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(1).Max());
        var y = new Axis(0, max, height - bottom, top);
        var plotRight = width - right;
        svg.Text(left, 24, title, 15, bold: true);
        foreach (var t in y.Ticks())
        {
            svg.Line(left, y.Map(t), plotRight, y.Map(t), "#e5e5e5");
            svg.Text(left - 6, y.Map(t) + 4, t.ToString("0.##", CultureInfo.InvariantCulture), 11, "end");
        }

        var slot = (plotRight - left) / Math.Max(1, groups.Count);
        var barWidth = Math.Min(22, (slot - 16) / Math.Max(1, seriesNames.Count));
        for (var g = 0; g < groups.Count; g++)
        {
            var x0 = left + (g * slot) + ((slot - (barWidth * seriesNames.Count)) / 2);
            for (var s = 0; s < seriesNames.Count; s++)
            {
                var bx = x0 + (s * barWidth);
                var value = s < groups[g].Values.Count ? groups[g].Values[s] : null;
                if (value is { } v && double.IsFinite(v))
                {
                    svg.Rect(bx + 1, y.Map(v), barWidth - 2, y.Map(0) - y.Map(v), Palette.Of(s));
                }
                else
                {
                    svg.Text(bx + (barWidth / 2), y.Map(0) - 4, "–", 11, "middle", "#777");
                }
            }

            svg.Text(left + (g * slot) + (slot / 2), height - bottom + 18, groups[g].Label, 11, "middle");
        }

        svg.Line(left, y.Map(0), plotRight, y.Map(0), "#333");
        svg.Text(16, (top + height - bottom) / 2, yLabel, 12, "middle", rotate: -90);
        for (var s = 0; s < seriesNames.Count; s++)
        {
            svg.Rect(plotRight + 16, top + (s * 22), 14, 14, Palette.Of(s));
            svg.Text(plotRight + 36, top + (s * 22) + 12, seriesNames[s], 12);
        }

        return svg.ToSvg();
    }
}
