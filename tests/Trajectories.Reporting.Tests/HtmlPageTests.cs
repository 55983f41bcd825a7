using System.Xml.Linq;
using Trajectories.Reporting.Html;

namespace Trajectories.Reporting.Tests;

public class HtmlPageTests
{
    [Fact]
    public void EncodesTextAndKeepsFiguresInline()
    {
        var page = new HtmlPage("Report <1> & more")
            .Section("method", "Method")
            .Paragraph("a < b & c")
            .Table(["profile", "share"], [["incidental", "36 %"], ["<script>", "x"]], "Profiles")
            .Figure("fig1", "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>t</title></svg>\n", "Figure 1");
        var html = page.Render();
        Assert.Contains("<title>Report &lt;1&gt; &amp; more</title>", html);
        Assert.Contains("a &lt; b &amp; c", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\">", html);
        Assert.Contains("<td class=\"num\">36 %</td>", html);
        Assert.Contains("<a href=\"#method\">Method</a>", html);
    }

    [Fact]
    public void HasNoExternalResources()
    {
        var html = new HtmlPage("r").Section("a", "A").Paragraph("see http://example.org").Render();
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("@import", html);
    }

    [Fact]
    public void BodyIsWellFormedMarkup()
    {
        var html = new HtmlPage("r").Section("a", "A").List(["one", "two & three"]).Notice("careful").Render();
        var body = html[html.IndexOf("<main>", StringComparison.Ordinal)..(html.IndexOf("</main>", StringComparison.Ordinal) + 7)];
        var doc = XDocument.Parse(body);
        Assert.Equal(2, doc.Descendants("li").Count(li => li.Parent!.Name == "ul"));
    }
}
