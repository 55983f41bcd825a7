using System.Text.Json;

namespace Trajectories.Cli.Tests;

public sealed class AnalyzeVerbTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string Sample => Path.Combine(Paths.Root, "sample-registers", "study-csv");

    /// <summary>A copy of the CSV sample register whose tables the test may edit.</summary>
    private string Copy()
    {
        var dir = _tmp.Sub("register");
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.GetFiles(Sample))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        return dir;
    }

    [Fact]
    public void BootstrapIntervalsReachTheTablesAndTheReport()
    {
        var outDir = _tmp.Sub("boot");
        var (code, _, stderr) = CliRunner.Run(
            "analyze", Sample, "--family", "frailty", "--groups", "4", "--order", "3", "--starts", "2", "--bootstrap", "20", "--out", outDir);
        Assert.True(code == 0, stderr);
        var rows = Csv.Read(Path.Combine(outDir, "classification_uncertainty.csv"));
        Assert.Contains(rows, r => r["outcome"] == "ever_victim" && r["weighted_ci_low"].Length > 0 && r["weighted_ci_high"].Length > 0);
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("bootstrap 95 % percentile intervals", html);
        Assert.Contains("case-resamples of the panel", File.ReadAllText(Path.Combine(outDir, "notes.csv")));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("-1")]
    public void TooFewBootstrapResamplesAreExit2(string value)
    {
        var outDir = _tmp.Sub("few");
        var (code, _, stderr) = CliRunner.Run("analyze", Sample, "--bootstrap", value, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("--bootstrap", stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void AnalyzesTheSampleRegisterIntoAFullReport()
    {
        var outDir = _tmp.Sub("report");
        var (code, stdout, stderr) = CliRunner.Run("analyze", Path.Combine(Paths.Root, "sample-registers", "study"), "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("K=4", stdout);
        foreach (var file in new[] { "results.json", "report.html", "profiles.csv", "profiles.parquet", "lvb.csv", "selection.csv", "figures/trajectories.svg", "figures/figure-a1-lvb.svg", "figures/figure-a2-victimisation.svg", "figures/figure-a3-categories.svg" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")));
        Assert.Equal("trajectories.analysis/2", doc.RootElement.GetProperty("schema").GetString());
        var labels = doc.RootElement.GetProperty("profiles").EnumerateArray().Select(p => p.GetProperty("label").GetString()).Order().ToList();
        Assert.Equal(["continuous", "early_peaking", "incidental", "late_peaking"], labels);
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("<svg", html);
        Assert.Contains("Disclosure control", html);
        Assert.DoesNotContain("Disclosure control is OFF", html);
    }

    [Fact]
    public void SelectsOnASampleFitsAllOffendersAndSaysSo()
    {
        var outDir = _tmp.Sub("report");
        var (code, stdout, stderr) = CliRunner.Run(
            "analyze", Path.Combine(Paths.Root, "sample-registers", "study"), "--out", outDir,
            "--family", "poisson", "-k", "3-4", "--order", "3", "--selection-sample", "300", "--timings");
        Assert.True(code == 0, stderr);
        Assert.Contains("selected on a random sample of 300 offenders", stdout);
        foreach (var stage in new[] { "read and check register", "person facts", "offender panel", "model selection", "chosen model on all offenders", "comparisons and disclosure", "write report" })
        {
            Assert.Matches($"stage {stage}: [0-9.]+ s; live heap [0-9]+ MB, peak working set so far [0-9]+ MB", stderr);
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")));
        Assert.Equal(300, doc.RootElement.GetProperty("selection").GetProperty("selection_sample").GetInt32());
        var panel = doc.RootElement.GetProperty("model").GetProperty("n_persons").GetInt32();
        Assert.True(panel > 300, $"the published model has {panel} persons: it must be the fit to all offenders");
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("on a random sample of 300 offenders", html);
    }

    [Fact]
    public void WithoutTimingsNoStageLinesAreWritten()
    {
        var (code, _, stderr) = CliRunner.Run(
            "analyze", Path.Combine(Paths.Root, "sample-registers", "study"), "--out", _tmp.Sub("report"), "--family", "poisson", "-k", "2", "--order", "1");
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("stage ", stderr);
    }

    [Fact]
    public void NoDisclosureControlIsStatedOnTheFirstPage()
    {
        var outDir = _tmp.Sub("report");
        var (code, _, stderr) = CliRunner.Run("analyze", Sample, "--groups", "4", "--order", "3", "--starts", "3", "--no-disclosure-control", "--out", outDir);
        Assert.True(code == 0, stderr);
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.True(html.IndexOf("Disclosure control is OFF", StringComparison.Ordinal) < html.IndexOf("<h2", StringComparison.Ordinal));
    }

    [Fact]
    public void ExtraColumnsAreIgnored()
    {
        var dir = Copy();
        var persons = Path.Combine(dir, "persons.csv");
        var lines = File.ReadAllLines(persons);
        File.WriteAllLines(persons, lines.Select((l, i) => l + (i == 0 ? ",municipality" : ",Tilburg")));
        var (code, _, stderr) = CliRunner.Run("analyze", dir, "--groups", "4", "--order", "3", "--starts", "3", "--out", _tmp.Sub("report"));
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public void MissingRequiredColumnIsExit2AndWritesNothing()
    {
        var dir = Copy();
        var cases = Path.Combine(dir, "cases.csv");
        File.WriteAllLines(cases, File.ReadAllLines(cases).Select(l => string.Join(',', l.Split(',').Take(2))));
        var (code, _, stderr) = CliRunner.Run("analyze", dir, "--out", _tmp.Sub("report"));
        Assert.Equal(2, code);
        Assert.Contains("cases.csv", stderr);
        Assert.Contains("'cases'", stderr);
        Assert.False(Directory.Exists(_tmp.Sub("report")));
    }

    [Fact]
    public void EmptyControlCohortIsExit2()
    {
        var dir = Copy();
        DropPersons(dir, id => id.StartsWith('N'));
        var (code, _, stderr) = CliRunner.Run("analyze", dir, "--out", _tmp.Sub("report"));
        Assert.Equal(2, code);
        Assert.StartsWith("error:", stderr);
        Assert.False(Directory.Exists(_tmp.Sub("report")));
    }

    [Fact]
    public void NoOffendersIsExit2()
    {
        var dir = Copy();
        DropPersons(dir, id => id.StartsWith('O'));
        var (code, _, stderr) = CliRunner.Run("analyze", dir, "--out", _tmp.Sub("report"));
        Assert.Equal(2, code);
        Assert.StartsWith("error:", stderr);
        Assert.False(Directory.Exists(_tmp.Sub("report")));
    }

    [Fact]
    public void MissingRegisterIsExit2()
    {
        var (code, _, stderr) = CliRunner.Run("analyze", _tmp.Sub("nowhere"), "--out", _tmp.Sub("report"));
        Assert.Equal(2, code);
        Assert.Contains("nowhere", stderr);
        Assert.False(Directory.Exists(_tmp.Sub("report")));
    }

    /// <summary>Removes the persons (and all their rows in every table) whose id matches.</summary>
    private static void DropPersons(string dir, Func<string, bool> drop)
    {
        foreach (var file in Directory.GetFiles(dir, "*.csv"))
        {
            var lines = File.ReadAllLines(file);
            File.WriteAllLines(file, lines.Take(1).Concat(lines.Skip(1).Where(l => !drop(l.Split(',')[0]))));
        }
    }
}
