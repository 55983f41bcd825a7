using System.Globalization;
using System.Security;
using System.Text;

namespace Trajectories.Reporting.Figures;

/// <summary>
/// A minimal SVG writer: just the elements the report's figures use, with invariant-culture numbers and escaped
/// text, so figures are self-contained and byte-identical run to run.
/// </summary>
public sealed class SvgCanvas
{
    private readonly StringBuilder _body = new();

    /// <summary>Creates a canvas of the given size in pixels.</summary>
    public SvgCanvas(double width, double height, string title)
    {
        Width = width;
        Height = height;
        Title = title;
    }

    /// <summary>Width in pixels.</summary>
    public double Width { get; }

    /// <summary>Height in pixels.</summary>
    public double Height { get; }

    /// <summary>Accessible title of the figure.</summary>
    public string Title { get; }

    /// <summary>A straight line.</summary>
    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null) =>
        _body.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"{Dash(dash)}/>\n");

    /// <summary>A rectangle.</summary>
    public void Rect(double x, double y, double w, double h, string fill, string? stroke = null) =>
        _body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, w))}\" height=\"{N(Math.Max(0, h))}\" fill=\"{fill}\"{(stroke is null ? string.Empty : $" stroke=\"{stroke}\"")}/>\n");

    /// <summary>A circle, filled and optionally outlined (fill "none" for a ring).</summary>
    public void Circle(double cx, double cy, double r, string fill, string? stroke = null, double strokeWidth = 1) =>
        _body.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" fill=\"{fill}\"{(stroke is null ? string.Empty : $" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\"")}/>\n");

    /// <summary>An open polyline through the points.</summary>
    public void Polyline(IReadOnlyList<(double X, double Y)> points, string stroke, double width = 2, string? dash = null)
    {
        if (points.Count == 0)
        {
            return;
        }

        _body.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"{Dash(dash)} points=\"");
        AppendPoints(points);
        _body.Append("\"/>\n");
    }

    /// <summary>A path from SVG path data (e.g. <see cref="SmoothCurve"/>'s), stroked and optionally filled.</summary>
    public void Path(string data, string? stroke, double width = 2, string? fill = null, double fillOpacity = 1) =>
        _body.Append(CultureInfo.InvariantCulture, $"<path d=\"{data}\" fill=\"{fill ?? "none"}\"{(fill is null ? string.Empty : $" fill-opacity=\"{N(fillOpacity)}\"")} stroke=\"{stroke ?? "none"}\" stroke-width=\"{N(width)}\"/>\n");

    /// <summary>
    /// SVG path segments of a smooth curve through the points (after a first point drawn with "M" when
    /// <paramref name="moveTo"/>, else "L"): monotone cubic Hermite interpolation (Fritsch–Carlson), whose Bézier
    /// pieces never overshoot the points, so a curve sampled once a year is drawn without kinks at its peak and
    /// without inventing a bump between two points.
    /// </summary>
    public static string SmoothCurve(IReadOnlyList<(double X, double Y)> points, bool moveTo = true)
    {
        ArgumentNullException.ThrowIfNull(points);
        var d = new StringBuilder();
        if (points.Count == 0)
        {
            return string.Empty;
        }

        d.Append(moveTo ? 'M' : 'L').Append(N(points[0].X)).Append(',').Append(N(points[0].Y));
        var n = points.Count;
        if (n == 1)
        {
            return d.ToString();
        }

        var slope = new double[n - 1];
        for (var i = 0; i < n - 1; i++)
        {
            var dx = points[i + 1].X - points[i].X;
            slope[i] = dx == 0 ? 0 : (points[i + 1].Y - points[i].Y) / dx;
        }

        var tangent = new double[n];
        tangent[0] = slope[0];
        tangent[n - 1] = slope[n - 2];
        for (var i = 1; i < n - 1; i++)
        {
            // Zero at a local extremum (slopes of opposite sign): the curve peaks at the point, not beside it.
            tangent[i] = slope[i - 1] * slope[i] <= 0 ? 0 : 2 / ((1 / slope[i - 1]) + (1 / slope[i]));
        }

        for (var i = 0; i < n - 1; i++)
        {
            var h = (points[i + 1].X - points[i].X) / 3;
            d.Append(" C").Append(N(points[i].X + h)).Append(',').Append(N(points[i].Y + (tangent[i] * h)))
                .Append(' ').Append(N(points[i + 1].X - h)).Append(',').Append(N(points[i + 1].Y - (tangent[i + 1] * h)))
                .Append(' ').Append(N(points[i + 1].X)).Append(',').Append(N(points[i + 1].Y));
        }

        return d.ToString();
    }

    /// <summary>A closed filled polygon (e.g. a confidence band).</summary>
    public void Polygon(IReadOnlyList<(double X, double Y)> points, string fill, double opacity)
    {
        if (points.Count == 0)
        {
            return;
        }

        _body.Append(CultureInfo.InvariantCulture, $"<polygon fill=\"{fill}\" fill-opacity=\"{N(opacity)}\" stroke=\"none\" points=\"");
        AppendPoints(points);
        _body.Append("\"/>\n");
    }

    /// <summary>Text; <paramref name="anchor"/> is start, middle or end.</summary>
    public void Text(double x, double y, string text, double size = 12, string anchor = "start", string fill = "#222", bool bold = false, double rotate = 0)
    {
        var transform = rotate == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" transform=\"rotate({N(rotate)} {N(x)} {N(y)})\"");
        _body.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" text-anchor=\"{anchor}\" fill=\"{fill}\"{(bold ? " font-weight=\"bold\"" : string.Empty)}{transform}>{Escape(text)}</text>\n");
    }

    /// <summary>The complete SVG document.</summary>
    public string ToSvg()
    {
        var head = string.Create(
            CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(Width)}\" height=\"{N(Height)}\" viewBox=\"0 0 {N(Width)} {N(Height)}\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">\n<title>{Escape(Title)}</title>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        return head + _body + "</svg>\n";
    }

    /// <summary>Escapes text for XML.</summary>
    public static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Dash(string? dash) => dash is null ? string.Empty : $" stroke-dasharray=\"{dash}\"";

    private void AppendPoints(IReadOnlyList<(double X, double Y)> points)
    {
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0)
            {
                _body.Append(' ');
            }

            _body.Append(N(points[i].X)).Append(',').Append(N(points[i].Y));
        }
    }
}
