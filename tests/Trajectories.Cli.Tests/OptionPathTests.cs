namespace Trajectories.Cli.Tests;

/// <summary>Paths and option combinations that parse but cannot be used: exit 2, one line naming the option, nothing written.</summary>
public sealed class OptionPathTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData("fit", "")]
    [InlineData("fit", "  ")]
    [InlineData("select", "")]
    [InlineData("analyze", "")]
    [InlineData("simulate", "")]
    public void AnEmptyOutIsExit2(string verb, string output)
    {
        var args = verb switch
        {
            "fit" => new[] { "fit", Paths.Toronto("to1.csv"), "-k", "2" },
            "select" => ["select", Paths.Toronto("to1.csv"), "-k", "1-2"],
            _ => [verb],
        };
        var (code, _, stderr) = CliRunner.Run([.. args, "--out", output]);
        Assert.Equal(2, code);
        Assert.Equal("error: --out: an empty path is not a folder; give a folder name.", stderr.TrimEnd());
    }

    [Theory]
    [InlineData("fit", "--exposure")]
    [InlineData("fit", "--risk")]
    [InlineData("fit", "--tcov")]
    [InlineData("select", "--exposure")]
    [InlineData("select", "--risk")]
    [InlineData("select", "--tcov")]
    public void AFileOptionThatIsAFolderIsExit2(string verb, string option)
    {
        var folder = _tmp.Sub("folder");
        Directory.CreateDirectory(folder);
        var k = verb == "fit" ? "2" : "1-2";
        var (code, _, stderr) = CliRunner.Run(verb, Paths.Toronto("to1.csv"), "-k", k, option, folder, "--out", _tmp.Sub("out"));
        Assert.Equal(2, code);
        Assert.Equal($"error: {option}: {folder} is a folder; expected a CSV file.", stderr.TrimEnd());
        Assert.False(Directory.Exists(_tmp.Sub("out")));
    }

    [Theory]
    [InlineData("fit", "poisson")]
    [InlineData("fit", "nb")]
    [InlineData("fit", "frailty")]
    [InlineData("select", "poisson")]
    [InlineData("select", "nb")]
    [InlineData("analyze", "poisson")]
    [InlineData("analyze", "poisson,frailty")]
    public void InflationOrderWithoutZeroInflationIsExit2(string verb, string family)
    {
        var args = verb switch
        {
            "fit" => new[] { "fit", Paths.Toronto("to1.csv"), "-k", "2" },
            "select" => ["select", Paths.Toronto("to1.csv"), "-k", "1-2"],
            _ => ["analyze"],
        };
        var (code, _, stderr) = CliRunner.Run([.. args, "--family", family, "--iorder", "1", "--out", _tmp.Sub("out")]);
        Assert.Equal(2, code);
        Assert.StartsWith("error: --iorder applies ", stderr);
        Assert.False(Directory.Exists(_tmp.Sub("out")));
    }

    [Theory]
    [InlineData("5", "5")]
    [InlineData("10", "0")]
    public void CensoringBoundsNotIncreasingAreExit2NamingMin(string min, string max)
    {
        var (code, _, stderr) = CliRunner.Run("fit", Paths.Toronto("to1.csv"), "-k", "2", "--family", "cnorm", "--min", min, "--max", max, "--out", _tmp.Sub("out"));
        Assert.Equal(2, code);
        Assert.Equal($"error: --min: {min} is not below --max {max} (the censoring bounds of cnorm).", stderr.TrimEnd());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MoreTimePointsThanAPanelHoldsIsExit2(bool longFormat)
    {
        // A panel indexes its times with a short: 32 767 at most. One more is refused with the limit, not a crash.
        var times = Enumerable.Range(1, 40_000).ToArray();
        var file = _tmp.Sub("many.csv");
        File.WriteAllLines(file, longFormat
            ? ["person_id,time,count", .. times.Select(t => $"p{t % 3},{t},0")]
            : ["id," + string.Join(',', times), "p1," + string.Join(',', times.Select(_ => "0"))]);

        var (code, _, stderr) = CliRunner.Run("fit", file, "-k", "1", "--out", _tmp.Sub("out"));

        Assert.Equal(2, code);
        Assert.Contains("at most 32767 time points are supported", stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(_tmp.Sub("out")));
    }

    [Fact]
    public void SeveralParseErrorsAreOneLine()
    {
        var (code, _, stderr) = CliRunner.Run("fit", "--starts", "NaN", "--seed", "x");
        Assert.Equal(2, code);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("--starts", stderr);
        Assert.Contains("--seed", stderr);
        Assert.EndsWith("(see 'trajectories fit --help').", stderr.TrimEnd());
    }
}
