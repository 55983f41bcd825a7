namespace Trajectories.Cli.Tests;

public sealed class SelectVerbTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void WritesOneRowPerModelAndTheChosenModel()
    {
        var outDir = _tmp.Sub("sel");
        var (code, stdout, stderr) = CliRunner.Run("select", Paths.Toronto("to2.csv"), "--groups", "1-3", "--order", "1,2", "--starts", "3", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.StartsWith("model,family,groups,orders,iorders,n_parameters,log_likelihood,bic_persons", File.ReadLines(Path.Combine(outDir, "selection.csv")).First());
        var rows = Csv.Read(Path.Combine(outDir, "selection.csv"));
        Assert.Equal(6, rows.Count);
        Assert.Single(rows, r => r["chosen"] == "true");
        Assert.Contains("<- chosen", stdout);
        Assert.True(File.Exists(Path.Combine(outDir, "selection.parquet")));
        Assert.True(File.Exists(Path.Combine(outDir, "model.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "posteriors.parquet")));
    }

    [Fact]
    public void ChoosesTheSmallestBicAmongAdequateModels()
    {
        var outDir = _tmp.Sub("sel");
        var (code, _, stderr) = CliRunner.Run("select", Paths.Toronto("to1.csv"), "--groups", "1-3", "--order", "2", "--starts", "3", "--out", outDir);
        Assert.True(code == 0, stderr);
        var rows = Csv.Read(Path.Combine(outDir, "selection.csv"));
        var adequate = rows.Where(r => r["adequate"] == "true").ToList();
        Assert.NotEmpty(adequate);
        var best = adequate.MinBy(r => double.Parse(r["bic_persons"], System.Globalization.CultureInfo.InvariantCulture))!;
        Assert.Equal("true", best["chosen"]);
    }

    [Theory]
    [InlineData("--groups", "3-1")]
    [InlineData("--order", "0-9")]
    [InlineData("--groups", "a")]
    public void BadGridIsExit2(string option, string value)
    {
        var (code, _, stderr) = CliRunner.Run("select", Paths.Toronto("to1.csv"), option, value, "--out", _tmp.Sub("x"));
        Assert.Equal(2, code);
        Assert.StartsWith("error:", stderr);
        Assert.False(Directory.Exists(_tmp.Sub("x")));
    }
}
