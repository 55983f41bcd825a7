using System.Globalization;
using System.Text.Json;

namespace Trajectories.Cli.Tests;

/// <summary>End-to-end runs of blrt, bootstrap and cve on the Toronto data: their files, their consistency, their failures.</summary>
public sealed class InferenceVerbTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void BlrtWritesTheTestTheReplicatesAndBothModels()
    {
        var outDir = _tmp.Sub("blrt");
        var (code, stdout, stderr) = CliRunner.Run(
            "blrt", Paths.Toronto("to1.csv"), "-k", "2", "--order", "1", "--starts", "2", "--min-replicates", "10", "--max-replicates", "10", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("BLRT of 1 against 2 groups", stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "blrt.json")));
        var blrt = doc.RootElement;
        Assert.Equal("trajectories.blrt/1", blrt.GetProperty("schema").GetString());
        var replicates = blrt.GetProperty("replicates").GetInt32();
        var exceed = blrt.GetProperty("exceedances").GetInt32();
        Assert.Equal(10, replicates + blrt.GetProperty("failed").GetInt32());
        Assert.Equal((1.0 + exceed) / (1 + replicates), blrt.GetProperty("p_value").GetDouble(), 12);

        using var small = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "null_model.json")));
        using var large = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "alternative_model.json")));
        var lr = 2 * (large.RootElement.GetProperty("log_likelihood").GetDouble() - small.RootElement.GetProperty("log_likelihood").GetDouble());
        Assert.Equal(lr, blrt.GetProperty("statistic").GetDouble(), 6);

        var rows = File.ReadAllLines(Path.Combine(outDir, "blrt_replicates.csv"));
        Assert.Equal("replicate,statistic", rows[0]);
        Assert.Equal(replicates + 1, rows.Length);
        var statistics = rows.Skip(1).Select(r => double.Parse(r.Split(',')[1], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(exceed, statistics.Count(s => s >= blrt.GetProperty("statistic").GetDouble()));
        Assert.True(File.Exists(Path.Combine(outDir, "blrt_replicates.parquet")));

        // Ten replicates cannot give p below 1/11 > 0.05: the run says so rather than let "not significant" stand alone.
        Assert.Contains("smallest possible p-value is 0.0909", stderr);
    }

    [Fact]
    public void BootstrapWritesIntervalsThatDoNotDependOnTheThreadCount()
    {
        var outputs = new List<string>();
        foreach (var threads in new[] { "1", "2" })
        {
            var outDir = _tmp.Sub("boot" + threads);
            var (code, stdout, stderr) = CliRunner.Run(
                "bootstrap", Paths.Toronto("to1.csv"), "-k", "2", "--order", "2", "--starts", "3", "--replicates", "16", "--threads", threads, "--out", outDir);
            Assert.True(code == 0, stderr);
            Assert.Contains("group 1: share", stdout);
            outputs.Add(File.ReadAllText(Path.Combine(outDir, "bootstrap.csv")));
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "bootstrap.json")));
            var boot = doc.RootElement;
            Assert.Equal("trajectories.bootstrap/1", boot.GetProperty("schema").GetString());
            Assert.Equal(16, boot.GetProperty("used").GetInt32() + boot.GetProperty("unmatched").GetInt32() + boot.GetProperty("failed").GetInt32());
            Assert.True(File.Exists(Path.Combine(outDir, "model.json")));
            Assert.True(File.Exists(Path.Combine(outDir, "bootstrap.parquet")));
        }

        Assert.Equal(outputs[0], outputs[1]);
        var lines = outputs[0].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("quantity,group,time,power,estimate,se,lower,upper", lines[0]);
        var shares = lines.Where(l => l.StartsWith("share,", StringComparison.Ordinal)).Select(l => l.Split(',')).ToList();
        Assert.Equal(2, shares.Count);
        foreach (var s in shares)
        {
            double estimate = Parse(s[4]), lower = Parse(s[6]), upper = Parse(s[7]);
            Assert.True(lower < estimate && estimate < upper, string.Join(',', s));
        }

        // One trajectory row per group and age (31 ages), one coefficient row per group and power.
        Assert.Equal(62, lines.Count(l => l.StartsWith("trajectory,", StringComparison.Ordinal)));
        Assert.Equal(6, lines.Count(l => l.StartsWith("coefficient,", StringComparison.Ordinal)));
    }

    [Fact]
    public void CveTabulatesEachModelAndNamesTheLowest()
    {
        var outDir = _tmp.Sub("cve");
        var (code, stdout, stderr) = CliRunner.Run(
            "cve", Paths.Toronto("to1adj.csv"), "--family", "zip", "-k", "1-2", "--order", "2", "--starts", "3", "--folds", "5", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("5-fold cross-validation", stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "cve.json")));
        var cve = doc.RootElement;
        Assert.Equal("trajectories.cve/1", cve.GetProperty("schema").GetString());
        var models = cve.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(2, models.Count);
        var lowest = models.MinBy(m => m.GetProperty("cve").GetDouble());
        Assert.Equal(lowest.GetProperty("groups").GetInt32(), cve.GetProperty("lowest_cve_groups").GetInt32());
        Assert.Contains($"lowest CVE: K = {lowest.GetProperty("groups").GetInt32()}", stdout);
        Assert.All(models, m => Assert.Equal(5, m.GetProperty("refits").GetInt32()));
        var rows = File.ReadAllLines(Path.Combine(outDir, "cve.csv"));
        Assert.Equal("groups,model,log_likelihood,bic_persons,cve,cve2,lcv,refits,failed,persons,observations", rows[0]);
        Assert.Equal(3, rows.Length);
        Assert.EndsWith(",378,11718", rows[1]);
    }

    [Fact]
    public void StudyOfTheStandardDesignReportsEveryParameterAndTheSelection()
    {
        var outDir = _tmp.Sub("study");
        var (code, stdout, stderr) = CliRunner.Run(
            "study", "-k", "2", "--order", "1", "--persons", "200", "--replicates", "8", "--starts", "2", "--select", "1-3", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("BIC chose: K = 1: ", stdout);
        var rows = Csv.Read(Path.Combine(outDir, "study_parameters.csv"));
        Assert.Equal(2 + 4, rows.Count);
        Assert.All(rows, r => Assert.Equal("8", r["n"]));
        var selection = Csv.Read(Path.Combine(outDir, "study_selection.csv"));
        Assert.Equal(["1", "2", "3"], selection.Select(r => r["groups"]));
        Assert.Equal(8, selection.Sum(r => int.Parse(r["chosen"], CultureInfo.InvariantCulture)));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "study.json")));
        Assert.Equal("trajectories.study/1", doc.RootElement.GetProperty("schema").GetString());
        Assert.StartsWith("standard design: 200 persons", doc.RootElement.GetProperty("truth").GetString());
    }

    [Fact]
    public void StudyOfAFitKeepsTheInputsDesign()
    {
        var outDir = _tmp.Sub("study-fit");
        var (code, stdout, stderr) = CliRunner.Run(
            "study", Paths.Toronto("to1.csv"), "-k", "2", "--order", "1", "--replicates", "4", "--starts", "2", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("on 4 of 4 data sets", stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "study.json")));
        Assert.Contains("to1.csv", doc.RootElement.GetProperty("truth").GetString());
        Assert.False(File.Exists(Path.Combine(outDir, "study_selection.csv")));
    }

    [Theory]
    [InlineData("--family", "nb", "--family")]
    [InlineData("--persons", "5", "--persons")]
    [InlineData("--replicates", "1", "--replicates")]
    [InlineData("--select", "0-2", "--select")]
    public void StudyBadSettingsAreExit2(string option, string value, string named)
    {
        var outDir = _tmp.Sub("bad-study");
        var (code, _, stderr) = CliRunner.Run("study", "-k", "2", "--replicates", "4", option, value, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains(named, stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("blrt", "-k", "1", "--groups")]
    [InlineData("blrt", "--alpha", "1.5", "--alpha")]
    [InlineData("blrt", "--precision", "NaN", "--precision")]
    [InlineData("blrt", "--max-replicates", "5", "--max-replicates")]
    [InlineData("blrt", "--order", "1,2", "--order")]
    [InlineData("bootstrap", "--replicates", "1", "--replicates")]
    [InlineData("bootstrap", "--level", "1", "--level")]
    [InlineData("cve", "--folds", "1", "--folds")]
    [InlineData("cve", "--folds", "1000", "--folds")]
    [InlineData("cve", "--seed", "-1", "--seed")]
    public void BadSettingsAreExit2NamingTheOptionAndWriteNothing(string verb, string option, string value, string named)
    {
        var outDir = _tmp.Sub("bad");
        var args = new List<string> { verb, Paths.Toronto("to1.csv"), "--starts", "2", "--out", outDir };
        if (verb != "cve" && option != "-k")
        {
            args.AddRange(["-k", "2"]);
        }

        args.AddRange([option, value]);
        var (code, _, stderr) = CliRunner.Run([.. args]);
        Assert.Equal(2, code);
        Assert.Contains(named, stderr);
        Assert.False(Directory.Exists(outDir));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(Path.GetDirectoryName(outDir)!), e => Path.GetFileName(e).StartsWith(".bad", StringComparison.Ordinal));
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
