using System.Text.Json;

namespace Trajectories.Cli.Tests;

public sealed class FitVerbTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void FitsTheTorontoDataAndWritesEveryResultFile()
    {
        var outDir = _tmp.Sub("fit");
        var (code, stdout, stderr) = CliRunner.Run("fit", Paths.Toronto("to1.csv"), "--groups", "2", "--order", "2", "--starts", "4", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("log-likelihood", stdout);
        foreach (var file in new[] { "model.json", "posteriors.csv", "posteriors.parquet", "trajectories.csv", "trajectories.parquet" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "model.json")));
        var model = doc.RootElement;
        Assert.Equal("trajectories.model/1", model.GetProperty("schema").GetString());
        Assert.Equal(378, model.GetProperty("n_persons").GetInt32());
        Assert.Equal(2, model.GetProperty("groups").GetArrayLength());
        var ll = model.GetProperty("log_likelihood").GetDouble();
        var k = model.GetProperty("n_parameters").GetInt32();
        Assert.Equal((-2 * ll) + (k * Math.Log(378)), model.GetProperty("bic_persons").GetDouble(), 6);
        var shares = model.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("share").GetDouble());
        Assert.Equal(1.0, shares, 9);

        var posteriors = File.ReadAllLines(Path.Combine(outDir, "posteriors.csv"));
        Assert.Equal("person_id,p1,p2,group", posteriors[0]);
        Assert.Equal(379, posteriors.Length);
        Assert.StartsWith("p001,", posteriors[1]);
        Assert.Equal("group,time,predicted,lower,upper,observed_mean,n,in_support", File.ReadLines(Path.Combine(outDir, "trajectories.csv")).First());

        // The search says what it did, on the console and in model.json, consistently.
        Assert.Contains("search: ", stdout);
        var search = model.GetProperty("search");
        Assert.Equal(model.GetProperty("starts").GetInt32(), search.GetProperty("starts").GetInt32());
        Assert.Equal(model.GetProperty("starts_at_best").GetInt32(), search.GetProperty("at_best").GetInt32());
        Assert.Equal(model.GetProperty("starts_converged").GetInt32(), search.GetProperty("run_to_convergence").GetInt32());
        Assert.Equal(2, search.GetProperty("required_replications").GetInt32());
        Assert.Equal(search.GetProperty("replications").GetInt32() >= 2, search.GetProperty("replicated").GetBoolean());
        Assert.Equal(ll, search.GetProperty("optima")[0].GetProperty("log_likelihood").GetDouble(), 3);
        Assert.Equal(JsonValueKind.Object, search.GetProperty("discarded").ValueKind);
        Assert.False(string.IsNullOrEmpty(search.GetProperty("best_origin").GetString()));
    }

    [Fact]
    public void AnUnreplicatedBestIsAWarningOnTheConsoleAndInModelJson()
    {
        var outDir = _tmp.Sub("unreplicated");
        var (code, stdout, stderr) = CliRunner.Run(
            "fit", Paths.Toronto("to2.csv"), "-k", "3", "--starts", "4", "--replications", "30", "--max-starts", "8", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("NOT replicated: 30 required", stdout);
        Assert.Contains("search: 8 starts in 2 rounds", stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "model.json")));
        Assert.False(doc.RootElement.GetProperty("search").GetProperty("replicated").GetBoolean());
        Assert.Contains(doc.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("a better optimum may exist", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--replications", "0")]
    [InlineData("--max-starts", "3")]
    public void BadSearchSettingsAreExit2AndWriteNothing(string option, string value)
    {
        var outDir = _tmp.Sub("bad-search");
        var (code, _, stderr) = CliRunner.Run("fit", Paths.Toronto("to1.csv"), "-k", "2", "--starts", "4", option, value, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains(option, stderr);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any());
    }

    [Fact]
    public void SameSeedGivesTheSameModelWhateverTheThreadCount()
    {
        string Model(string name, string threads)
        {
            var dir = _tmp.Sub(name);
            var (code, _, err) = CliRunner.Run("fit", Paths.Toronto("to2.csv"), "-k", "3", "--starts", "3", "--seed", "7", "--threads", threads, "--out", dir);
            Assert.True(code == 0, err);
            var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "model.json"))).RootElement;
            return json.GetProperty("log_likelihood").GetRawText() + json.GetProperty("groups").GetRawText();
        }

        Assert.Equal(Model("a", "1"), Model("b", "2"));
    }

    [Fact]
    public void ZipWithExposureRuns()
    {
        var outDir = _tmp.Sub("zip");
        var (code, _, stderr) = CliRunner.Run("fit", Paths.Toronto("to1.csv"), "--exposure", Paths.Toronto("to1risk.csv"), "--family", "zip", "-k", "2", "--order", "2", "--iorder", "0", "--starts", "3", "--out", outDir);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "model.json")));
        Assert.Equal("zip", doc.RootElement.GetProperty("family").GetString());
        Assert.EndsWith("to1risk.csv", doc.RootElement.GetProperty("input").GetProperty("exposure").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("groups")[0].GetProperty("inflation").GetArrayLength());
    }

    [Fact]
    public void MissingInputFileIsExit2AndWritesNothing()
    {
        var outDir = _tmp.Sub("none");
        var (code, _, stderr) = CliRunner.Run("fit", _tmp.Sub("absent.csv"), "-k", "2", "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("absent.csv", stderr);
        Assert.Empty(Directory.GetFileSystemEntries(_tmp.Path));
    }

    [Fact]
    public void MalformedCountNamesFileLineAndColumnAndWritesNothing()
    {
        var input = _tmp.Sub("bad.csv");
        File.WriteAllText(input, "person_id,12,13\na,0,1\nb,2,1.5\n");
        var outDir = _tmp.Sub("out");
        var (code, _, stderr) = CliRunner.Run("fit", input, "-k", "1", "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("bad.csv, line 3, column '13'", stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void NonEmptyOutputFolderIsRefusedAndKept()
    {
        var outDir = _tmp.Sub("mine");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "mine");
        var (code, _, stderr) = CliRunner.Run("fit", Paths.Toronto("to1.csv"), "-k", "2", "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("not empty", stderr);
        Assert.Equal(["notes.txt"], Directory.GetFiles(outDir).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("--family", "negbin")]
    [InlineData("--order", "2,x")]
    [InlineData("--iorder", "0")]
    [InlineData("--starts", "0")]
    [InlineData("--order", "1,2,3")]
    public void BadArgumentsAreExit2(string option, string value)
    {
        var (code, _, stderr) = CliRunner.Run("fit", Paths.Toronto("to1.csv"), "-k", "2", option, value, "--out", _tmp.Sub("x"));
        Assert.Equal(2, code);
        Assert.StartsWith("error:", stderr);
        Assert.False(Directory.Exists(_tmp.Sub("x")));
    }

    [Fact]
    public void MissingRequiredOptionIsExit2()
    {
        var (code, _, stderr) = CliRunner.Run("fit", Paths.Toronto("to1.csv"), "--out", _tmp.Sub("x"));
        Assert.Equal(2, code);
        Assert.Contains("--groups", stderr);
    }

    [Fact]
    public void MoreGroupsThanPatternsIsExit1AndWritesNothing()
    {
        var input = _tmp.Sub("tiny.csv");
        File.WriteAllText(input, "person_id,12,13\na,0,1\nb,0,1\nc,2,0\n");
        var (code, _, stderr) = CliRunner.Run("fit", input, "-k", "3", "--order", "0", "--out", _tmp.Sub("x"));
        Assert.Equal(1, code);
        Assert.Contains("could not be fitted", stderr);
        Assert.False(Directory.Exists(_tmp.Sub("x")));
    }

    [Fact]
    public void HelpIsExit0()
    {
        var (code, stdout, _) = CliRunner.Run("fit", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--exposure", stdout);
    }
}
