namespace Trajectories.Cli.Tests;

/// <summary>--order and --iorder outside what the estimator offers are argument errors (exit 2) in every verb.</summary>
public sealed class GridArgumentTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData("fit", "--order", "6")]
    [InlineData("fit", "--order", "2,6")]
    [InlineData("fit", "--order", "-1")]
    [InlineData("select", "--order", "6")]
    [InlineData("select", "--order", "0-6")]
    [InlineData("select", "--order", "-1")]
    [InlineData("analyze", "--order", "6")]
    [InlineData("analyze", "--order", "-1")]
    public void AnOrderOutsideZeroToFiveIsExit2NamingTheOption(string verb, string option, string value)
    {
        var args = verb switch
        {
            "fit" => new[] { "fit", Paths.Toronto("to1.csv"), "-k", "2" },
            "select" => ["select", Paths.Toronto("to1.csv"), "-k", "1-2"],
            _ => ["analyze"],
        };
        var (code, _, stderr) = CliRunner.Run([.. args, option, value, "--out", _tmp.Sub("x")]);
        Assert.Equal(2, code);
        Assert.StartsWith($"error: {option}: ", stderr);
        Assert.Contains("out of range", stderr);
        Assert.False(Directory.Exists(_tmp.Sub("x")));
    }

    [Theory]
    [InlineData("fit", "-2")]
    [InlineData("fit", "6")]
    [InlineData("select", "-2")]
    [InlineData("select", "9")]
    [InlineData("analyze", "-3")]
    [InlineData("analyze", "6")]
    public void AnInflationOrderOutsideMinusOneToFiveIsExit2NamingTheOption(string verb, string value)
    {
        var args = verb switch
        {
            "fit" => new[] { "fit", Paths.Toronto("to1.csv"), "-k", "2", "--family", "zip" },
            "select" => ["select", Paths.Toronto("to1.csv"), "-k", "1-2", "--family", "zip"],
            _ => ["analyze", "--family", "zip"],
        };
        var (code, _, stderr) = CliRunner.Run([.. args, $"--iorder={value}", "--out", _tmp.Sub("x")]);
        Assert.Equal(2, code);
        Assert.StartsWith("error: --iorder: ", stderr);
        Assert.False(Directory.Exists(_tmp.Sub("x")));
    }

    [Fact]
    public void NoGroupsIsExit2NamingGroups()
    {
        var (code, _, stderr) = CliRunner.Run("select", Paths.Toronto("to1.csv"), "-k", "0-2", "--out", _tmp.Sub("x"));
        Assert.Equal(2, code);
        Assert.StartsWith("error: --groups: 0 is out of range", stderr);
    }
}
