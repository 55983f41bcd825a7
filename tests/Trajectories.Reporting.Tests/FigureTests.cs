using System.Xml.Linq;
using Trajectories.Reporting.Figures;

namespace Trajectories.Reporting.Tests;

public class FigureTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void LinearAxisMapsEndsAndTicksAreNice()
    {
        var axis = new Axis(0, 10, 100, 300);
        Assert.Equal(100, axis.Map(0));
        Assert.Equal(300, axis.Map(10));
        Assert.Equal(200, axis.Map(5));
        Assert.Equal(300, axis.Map(99));
        Assert.Equal([0.0, 2, 4, 6, 8, 10], axis.Ticks(5));
    }

    [Fact]
    public void LogAxisPutsOneInTheMiddleOfADecadeEachSide()
    {
        var axis = new Axis(0.1, 10, 0, 200, log: true);
        Assert.Equal(100, axis.Map(1), 9);
        Assert.Contains(1.0, axis.Ticks());
        Assert.Contains(5.0, axis.Ticks());
    }

    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(1.3, 2)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(0.031, 0.05)]
    public void NiceStepIsOneTwoOrFive(double raw, double expected) => Assert.Equal(expected, Axis.NiceStep(raw), 12);

    [Fact]
    public void LineChartIsWellFormedAndDrawsEverySeriesAndBand()
    {
        var series = new[]
        {
            new LineSeries("incidental <1>", [12, 13, 14], [0.1, 0.2, 0.3], [0.05, 0.1, 0.2], [0.2, 0.3, 0.4], [0.1, null, 0.35]),
            new LineSeries("continuous", [12, 13, 14], [1, 2, 1.5]),
        };
        var doc = XDocument.Parse(LineChart.Render("Trajectories & bands", "age", "cases per year", series));
        // Two curves and one band (a closed, filled path).
        var paths = doc.Descendants(Svg + "path").ToList();
        Assert.Equal(3, paths.Count);
        Assert.Single(paths, p => p.Attribute("d")!.Value.EndsWith('Z'));
        Assert.Equal(2, doc.Descendants(Svg + "circle").Count());
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "incidental <1>");
        Assert.Equal("Trajectories & bands", doc.Root!.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void ForestPlotDrawsReferenceLineAndMarksSignificantRows()
    {
        var rows = new[]
        {
            new ForestRow("continuous", 8.7, 4.1, 18.3, "8.7"),
            new ForestRow("incidental", 1.4, 0.6, 3.2, "1.4"),
            new ForestRow("suppressed", null, null, null, "suppressed"),
        };
        var doc = XDocument.Parse(ForestPlot.Render("LVB", "ratio", rows));
        var rects = doc.Descendants(Svg + "rect").Skip(1).ToList();
        Assert.Equal(2, rects.Count);
        Assert.Equal("#009E73", rects[0].Attribute("fill")!.Value);
        Assert.Equal("#0072B2", rects[1].Attribute("fill")!.Value);
        Assert.Contains(doc.Descendants(Svg + "line"), l => l.Attribute("stroke-dasharray") is not null);
    }

    [Fact]
    public void LineChartLegendFollowsThePeaksAndListsPersonsObserved()
    {
        var series = new[]
        {
            new LineSeries("low", [10, 15, 20], [0.1, 0.2, 0.1], AtRisk: new Dictionary<double, string> { [10] = "40", [15] = "35", [20] = "x" }),
            new LineSeries("high", [10, 15, 20], [1, 3, 1], AtRisk: new Dictionary<double, string> { [10] = "25", [15] = "20" }),
        };
        var texts = XDocument.Parse(LineChart.Render("t", "age", "cases", series)).Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.True(texts.IndexOf("high") < texts.IndexOf("low"), "the legend lists the highest curve first");
        Assert.Contains("persons observed", texts);
        Assert.Contains("x", texts);
        Assert.Contains("35", texts);
    }

    [Fact]
    public void SmoothCurvePassesThroughThePointsAndDoesNotOvershootAPeak()
    {
        var points = new (double X, double Y)[] { (0, 10), (10, 0), (20, 5), (30, 5), (40, 20) };
        var d = SvgCanvas.SmoothCurve(points);
        var numbers = d.Replace("M", " ", StringComparison.Ordinal).Replace("C", " ", StringComparison.Ordinal).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // M + 4 cubic segments of 3 points each.
        Assert.Equal(2 + (4 * 6), numbers.Count);
        for (var segment = 0; segment < 4; segment++)
        {
            var o = 2 + (segment * 6);
            Assert.Equal(points[segment + 1].X, numbers[o + 4]);
            Assert.Equal(points[segment + 1].Y, numbers[o + 5]);
            // Monotone interpolation: control points stay between the segment's end values (no bump beyond a peak).
            var lo = Math.Min(points[segment].Y, points[segment + 1].Y);
            var hi = Math.Max(points[segment].Y, points[segment + 1].Y);
            Assert.InRange(numbers[o + 1], lo, hi);
            Assert.InRange(numbers[o + 3], lo, hi);
        }
    }

    [Fact]
    public void IntervalBarsDrawABarAndWhiskersPerRowAndTheNoteForMissing()
    {
        var rows = new[]
        {
            new IntervalRow("incidental (n = 250)", 74, 68, 79, "74.0 %"),
            new IntervalRow("continuous (n = x)", null, null, null, "withheld (disclosure)", Emphasis: true),
        };
        var doc = XDocument.Parse(IntervalBars.Render("Ever victim", "%", rows));
        // background + one bar
        Assert.Equal(2, doc.Descendants(Svg + "rect").Count());
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "withheld (disclosure)");
    }

    [Fact]
    public void HeatTablePrintsEveryValueAndExplainsTheDash()
    {
        var doc = XDocument.Parse(HeatTable.Render("Categories", ["violence", "human trafficking"], ["incidental", "non-criminal control"], [[45.9, null], [2.7, 0.0]], "–: withheld"));
        var texts = doc.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("45.9", texts);
        Assert.Contains("0.0", texts);
        Assert.Contains("–", texts);
        Assert.Contains("–: withheld", texts);
    }

    [Theory]
    [InlineData("non-criminal control", 60, new[] { "non-criminal", "control" })]
    [InlineData("vandalism / public order", 80, new[] { "vandalism /", "public order" })]
    [InlineData("incidental", 20, new[] { "incidental" })]
    public void WrapBreaksAtSpacesAndHyphensWithinTheWidth(string text, double width, string[] expected) =>
        Assert.Equal(expected, TextMetrics.Wrap(text, 11, width));

    [Fact]
    public void TextWidthGrowsWithSizeAndLength()
    {
        Assert.Equal(2 * TextMetrics.Width("incidental", 11), TextMetrics.Width("incidental", 22), 9);
        Assert.True(TextMetrics.Width("WWW", 12) > TextMetrics.Width("iii", 12));
    }
}
