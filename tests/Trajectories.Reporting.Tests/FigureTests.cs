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
        Assert.Equal(2, doc.Descendants(Svg + "polyline").Count());
        Assert.Single(doc.Descendants(Svg + "polygon"));
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
    public void BarChartDrawsABarPerValueAndADashForMissing()
    {
        var groups = new[] { new BarGroup("offenders", [74, 60]), new BarGroup("incidental", [70, null]) };
        var doc = XDocument.Parse(BarChart.Render("Ever victim", "%", ["a", "b"], groups, 100));
        // background + 3 bars + 2 legend swatches
        Assert.Equal(6, doc.Descendants(Svg + "rect").Count());
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "–");
    }
}
