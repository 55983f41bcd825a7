using System.Net;
using System.Text;

namespace Trajectories.Reporting.Html;

/// <summary>
/// A self-contained HTML page (no external resources: inline CSS, figures as inline SVG) built section by section.
/// Text is always HTML-encoded; only figures (our own SVG) are inserted raw.
/// </summary>
public sealed class HtmlPage
{
    private readonly StringBuilder _body = new();
    private readonly List<(string Id, string Title)> _toc = new();

    /// <summary>Creates a page.</summary>
    public HtmlPage(string title) => Title = title;

    /// <summary>Page title.</summary>
    public string Title { get; }

    /// <summary>Starts a numbered section that appears in the table of contents.</summary>
    public HtmlPage Section(string id, string title)
    {
        _toc.Add((id, title));
        _body.Append("<h2 id=\"").Append(Encode(id)).Append("\">").Append(Encode(title)).Append("</h2>\n");
        return this;
    }

    /// <summary>A sub-heading.</summary>
    public HtmlPage Heading(string text)
    {
        _body.Append("<h3>").Append(Encode(text)).Append("</h3>\n");
        return this;
    }

    /// <summary>A paragraph of plain text.</summary>
    public HtmlPage Paragraph(string text, string? cssClass = null)
    {
        _body.Append(cssClass is null ? "<p>" : $"<p class=\"{Encode(cssClass)}\">").Append(Encode(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A highlighted notice box (e.g. "disclosure control is off").</summary>
    public HtmlPage Notice(string text) => Paragraph(text, "notice");

    /// <summary>A bulleted list.</summary>
    public HtmlPage List(IEnumerable<string> items)
    {
        _body.Append("<ul>\n");
        foreach (var item in items)
        {
            _body.Append("<li>").Append(Encode(item)).Append("</li>\n");
        }

        _body.Append("</ul>\n");
        return this;
    }

    /// <summary>A table; the first row is the header. Numeric-looking cells are right-aligned.</summary>
    public HtmlPage Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var body = rows.ToList();
        // A column without a single value (every cell "–": e.g. p-values withheld throughout) says nothing but makes the
        // table wider; it is left out, and the caption says so.
        var empty = Enumerable.Range(0, header.Count).Where(c => body.Count > 0 && body.All(r => c >= r.Count || r[c] == "–")).ToHashSet();
        var keep = Enumerable.Range(0, header.Count).Where(c => !empty.Contains(c)).ToList();
        if (empty.Count > 0)
        {
            var note = "columns without any value are not shown: " + string.Join(", ", empty.Order().Select(c => header[c]));
            caption = caption is null ? char.ToUpperInvariant(note[0]) + note[1..] : $"{caption} ({note})";
        }

        _body.Append("<table>\n");
        if (caption is not null)
        {
            _body.Append("<caption>").Append(Encode(caption)).Append("</caption>\n");
        }

        _body.Append("<thead><tr>");
        foreach (var c in keep)
        {
            _body.Append("<th>").Append(Encode(header[c])).Append("</th>");
        }

        _body.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in body)
        {
            _body.Append("<tr>");
            foreach (var c in keep.Where(c => c < row.Count))
            {
                _body.Append(IsNumeric(row[c]) ? "<td class=\"num\">" : "<td>").Append(Encode(row[c])).Append("</td>");
            }

            _body.Append("</tr>\n");
        }

        _body.Append("</tbody>\n</table>\n");
        return this;
    }

    /// <summary>A figure: our own SVG inline, with a caption.</summary>
    public HtmlPage Figure(string id, string svg, string caption)
    {
        _body.Append("<figure id=\"").Append(Encode(id)).Append("\">\n").Append(svg).Append("<figcaption>").Append(Encode(caption)).Append("</figcaption>\n</figure>\n");
        return this;
    }

    /// <summary>The complete document.</summary>
    public string Render()
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Encode(Title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n<h1>").Append(Encode(Title)).Append("</h1>\n");
        if (_toc.Count > 0)
        {
            html.Append("<nav><ol>\n");
            foreach (var (id, title) in _toc)
            {
                html.Append("<li><a href=\"#").Append(Encode(id)).Append("\">").Append(Encode(title)).Append("</a></li>\n");
            }

            html.Append("</ol></nav>\n");
        }

        html.Append(_body).Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static bool IsNumeric(string cell)
    {
        var t = cell.Trim().TrimEnd('%').Trim();
        return t.Length > 0 && (char.IsDigit(t[0]) || ((t[0] == '-' || t[0] == '−' || t[0] == '<') && t.Length > 1)) && t.All(c => char.IsDigit(c) || ".,−-–()<>e+ \u00a0".Contains(c, StringComparison.Ordinal));
    }

    private const string Css = """
        body { font-family: Helvetica, Arial, sans-serif; color: #222; background: #fafafa; margin: 0; }
        main { max-width: 1000px; margin: 0 auto; padding: 24px 32px 64px; background: white; }
        h1 { font-size: 26px; margin-bottom: 4px; }
        h2 { font-size: 20px; border-bottom: 2px solid #0072B2; padding-bottom: 4px; margin-top: 36px; }
        h3 { font-size: 16px; margin-top: 24px; }
        p, li { line-height: 1.5; font-size: 14px; }
        .notice { background: #fff4e5; border-left: 4px solid #E69F00; padding: 8px 12px; }
        .meta { color: #555; font-size: 13px; }
        nav ol { columns: 2; font-size: 14px; }
        table { border-collapse: collapse; margin: 12px 0; font-size: 13px; }
        caption { text-align: left; font-weight: bold; padding-bottom: 4px; }
        th, td { border-bottom: 1px solid #ddd; padding: 4px 10px; text-align: left; vertical-align: top; }
        th { background: #f0f4f8; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 16px 0; }
        figure svg { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { font-size: 13px; color: #444; margin-top: 4px; }
        """;
}
