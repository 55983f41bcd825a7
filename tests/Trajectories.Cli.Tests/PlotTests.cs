using System.Globalization;
using System.Xml.Linq;

namespace Trajectories.Cli.Tests;

/// <summary><c>fit --plot</c>: a trajectories figure of the fit's own.</summary>
public sealed class PlotTests : IDisposable
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void PlotFileIsAValidSvgWithOneCurvePerGroupOverItsSupportAndSharesInTheLegend()
    {
        var outDir = _tmp.Sub("fit");
        var figure = _tmp.Sub("figure.svg");
        var (code, stdout, stderr) = CliRunner.Run("fit", Paths.Toronto("to1.csv"), "-k", "3", "--order", "3", "--starts", "3", "--out", outDir, "--plot", figure);
        Assert.True(code == 0, stderr);
        Assert.Contains($"figure: {figure}", stdout);
        Assert.False(File.Exists(Path.Combine(outDir, "trajectories.svg")));

        var svg = XDocument.Load(figure).Root!;
        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Contains("3 groups", svg.Element(Svg + "title")!.Value);

        // One fitted line per group, drawn only at the times where the group has persons (in_support).
        var trajectories = Csv.Read(Path.Combine(outDir, "trajectories.csv"));
        // Curves are smooth paths through the points (one "M" then a cubic "C" segment per further point); bands are
        // the closed paths ("Z").
        var lines = svg.Elements(Svg + "path").Where(p => !p.Attribute("d")!.Value.EndsWith('Z')).ToList();
        Assert.Equal(3, lines.Count);
        for (var g = 1; g <= 3; g++)
        {
            var support = trajectories.Count(r => r["group"] == g.ToString(CultureInfo.InvariantCulture) && r["in_support"] == "true");
            Assert.Equal(support, 1 + lines[g - 1].Attribute("d")!.Value.Count(c => c == 'C'));
        }

        // The legend names every group with its estimated share.
        var texts = svg.Elements(Svg + "text").Select(t => t.Value).ToList();
        var legend = texts.Where(t => t.StartsWith("group ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, legend.Count);
        Assert.All(legend, t => Assert.Matches(@"^group \d \(\d+\.\d %\)$", t));
    }

    [Fact]
    public void PlotAloneWritesTrajectoriesSvgIntoTheOutputFolder()
    {
        var outDir = _tmp.Sub("fit");
        var (code, _, stderr) = CliRunner.Run("fit", Paths.Toronto("to1.csv"), "-k", "2", "--starts", "3", "--out", outDir, "--plot");
        Assert.True(code == 0, stderr);
        var svg = XDocument.Load(Path.Combine(outDir, "trajectories.svg")).Root!;
        Assert.Equal(2, svg.Elements(Svg + "path").Count(p => !p.Attribute("d")!.Value.EndsWith('Z')));
    }

    [Theory]
    [InlineData("figure.png")]
    [InlineData("existing.svg")]
    public void APlotThatIsNoSvgNameOrExistsIsExit2AndNothingIsWritten(string name)
    {
        var existing = _tmp.Sub("existing.svg");
        File.WriteAllText(existing, "mine");
        var (code, _, stderr) = CliRunner.Run("fit", Paths.Toronto("to1.csv"), "-k", "2", "--out", _tmp.Sub("fit"), "--plot", _tmp.Sub(name));
        Assert.Equal(2, code);
        Assert.StartsWith("error: --plot: ", stderr);
        Assert.False(Directory.Exists(_tmp.Sub("fit")));
        Assert.Equal("mine", File.ReadAllText(existing));
    }
}
