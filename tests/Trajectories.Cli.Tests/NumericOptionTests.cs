namespace Trajectories.Cli.Tests;

/// <summary>
/// Every numeric option of every verb refuses NaN, Infinity, a negative and a huge value where they make no sense:
/// exit 2, one line naming the option, no stack trace, nothing written — checked before anything is read or fitted,
/// so NaN can never reach results.json or report.html.
/// </summary>
public sealed class NumericOptionTests : IDisposable
{
    private const string Huge = "1000000000";
    private const string HugeDouble = "1e400";

    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>Verb, option and the bad values it must refuse (a value the option accepts is not listed).</summary>
    public static TheoryData<string, string, string> Cases()
    {
        var bad = new[] { "NaN", "Infinity", "-1" };
        var table = new (string Verb, string Option, string[] Values)[]
        {
            ("fit", "--groups", [.. bad, Huge, "0"]),
            ("fit", "--order", [.. bad, Huge]),
            ("fit", "--starts", [.. bad, Huge, "0"]),
            ("fit", "--replications", [.. bad, Huge, "0"]),
            ("fit", "--max-starts", [.. bad, Huge]),
            ("fit", "--seed", [.. bad, "99999999999"]),
            ("fit", "--threads", [.. bad, Huge]),
            ("fit", "--refgroup", [.. bad, Huge]),
            ("fit", "--min", ["NaN", "Infinity", "-Infinity", HugeDouble]),
            ("fit", "--max", ["NaN", "Infinity", "-Infinity", HugeDouble]),
            ("select", "--groups", [.. bad, Huge, "1-100000000"]),
            ("select", "--order", [.. bad, Huge]),
            ("select", "--min-share", [.. bad, HugeDouble, "1.5"]),
            ("select", "--min-avepp", [.. bad, HugeDouble, "1.5"]),
            ("select", "--min-occ", [.. bad, HugeDouble]),
            ("select", "--starts", [.. bad, Huge, "0"]),
            ("select", "--replications", [.. bad, Huge]),
            ("select", "--max-starts", [.. bad, Huge]),
            ("select", "--seed", [.. bad, "99999999999"]),
            ("select", "--threads", [.. bad, Huge]),
            ("select", "--refgroup", [.. bad, Huge]),
            ("select", "--min", ["NaN", "Infinity", "-Infinity", HugeDouble]),
            ("select", "--max", ["NaN", "Infinity", "-Infinity", HugeDouble]),
            ("analyze", "--groups", [.. bad, Huge, "1-100000000"]),
            ("analyze", "--order", [.. bad, Huge]),
            ("analyze", "--iorder", ["NaN", "Infinity", "-2", Huge]),
            ("analyze", "--min-share", [.. bad, HugeDouble, "1.5"]),
            ("analyze", "--starts", [.. bad, Huge, "0"]),
            ("analyze", "--replications", [.. bad, Huge]),
            ("analyze", "--max-starts", [.. bad, Huge]),
            ("analyze", "--seed", [.. bad, "99999999999"]),
            ("analyze", "--threads", [.. bad, Huge]),
            ("analyze", "--suppress-below", [.. bad, Huge]),
            ("analyze", "--selection-sample", [.. bad, "99999999999"]),
            ("simulate", "--offenders", [.. bad, Huge, "0"]),
            ("simulate", "--seed", [.. bad, "99999999999999999999999"]),
            ("simulate", "--threads", [.. bad, Huge]),
            ("simulate", "--frailty-shape", [.. bad, HugeDouble, "0"]),
        };
        var data = new TheoryData<string, string, string>();
        foreach (var (verb, option, values) in table)
        {
            foreach (var value in values)
            {
                data.Add(verb, option, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ABadValueIsExit2OnOneLineNamingTheOptionAndNothingIsWritten(string verb, string option, string value)
    {
        var output = _tmp.Sub("out");
        var (code, stdout, stderr) = CliRunner.Run([.. Base(verb, option), $"{option}={value}", "--out", output]);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains(option, stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", stderr);
        Assert.Empty(stdout);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_tmp.Path));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-1")]
    public void TheRefusedValueIsQuoted(string value)
    {
        var (code, _, stderr) = CliRunner.Run("select", Paths.Toronto("to1.csv"), "-k", "1-2", $"--min-share={value}", "--out", _tmp.Sub("out"));
        Assert.Equal(2, code);
        Assert.StartsWith($"error: --min-share: {value} is out of range", stderr);
    }

    [Fact]
    public void AHugeGroupsRangeIsRefusedBeforeItIsAllocated()
    {
        var (code, _, stderr) = CliRunner.Run("select", Paths.Toronto("to1.csv"), "-k", "1-2147483647", "--out", _tmp.Sub("out"));
        Assert.Equal(2, code);
        Assert.Equal("error: --groups: the range '1-2147483647' has more than 1000 values.", stderr.TrimEnd());
    }

    [Fact]
    public void MoreGroupsThanTheMaximumIsExit2()
    {
        var (code, _, stderr) = CliRunner.Run("fit", Paths.Toronto("to1.csv"), "-k", "51", "--out", _tmp.Sub("out"));
        Assert.Equal(2, code);
        Assert.StartsWith("error: --groups: 51 is out of range (a number of groups is 1 to 50)", stderr);
    }

    private string[] Base(string verb, string option) => verb switch
    {
        // --groups and --min/--max are under test themselves there; the others get a valid K and family.
        "fit" when option == "--groups" => ["fit", Paths.Toronto("to1.csv")],
        "fit" when option is "--min" or "--max" => ["fit", Paths.Toronto("to1.csv"), "-k", "2", "--family", "cnorm", option == "--min" ? "--max=10" : "--min=0"],
        "fit" => ["fit", Paths.Toronto("to1.csv"), "-k", "2"],
        "select" when option == "--groups" => ["select", Paths.Toronto("to1.csv")],
        "select" when option is "--min" or "--max" => ["select", Paths.Toronto("to1.csv"), "-k", "1-2", "--family", "cnorm", option == "--min" ? "--max=10" : "--min=0"],
        "select" => ["select", Paths.Toronto("to1.csv"), "-k", "1-2"],
        "analyze" when option == "--iorder" => ["analyze", "--family", "zip"],
        _ => [verb],
    };
}
