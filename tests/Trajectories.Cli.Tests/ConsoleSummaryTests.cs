using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Trajectories.Cli.Tests;

/// <summary>The console summary of <c>fit</c> and <c>select</c>, read as a reader would read it.</summary>
public sealed class ConsoleSummaryTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void FitPrintsParametersSharesBicBothWaysAndClassificationOnTheTorontoData()
    {
        var outDir = _tmp.Sub("fit");
        var (code, stdout, stderr) = CliRunner.Run("fit", Paths.Toronto("to1.csv"), "-k", "3", "--order", "2", "--starts", "4", "--out", outDir);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "model.json")));
        var model = doc.RootElement;

        // Fit statistics, BIC both ways: the numbers of model.json at the precision printed.
        Assert.Equal(model.GetProperty("bic_persons").GetDouble(), ConsoleText.Statistic(stdout, "BIC (n = persons)"), 2);
        Assert.Equal(model.GetProperty("bic_observations").GetDouble(), ConsoleText.Statistic(stdout, "BIC (n = observations)"), 2);
        Assert.Equal(model.GetProperty("aic").GetDouble(), ConsoleText.Statistic(stdout, "AIC"), 2);
        Assert.Equal(model.GetProperty("log_likelihood").GetDouble(), ConsoleText.Statistic(stdout, "log-likelihood"), 3);
        Assert.Equal(model.GetProperty("entropy").GetDouble(), ConsoleText.Statistic(stdout, "entropy (relative, 0-1)"), 3);
        Assert.Equal(378, ConsoleText.Statistic(stdout, "persons"));

        // The time scale of the coefficients is stated: ages 8–38 map to u in [−1, 1].
        Assert.Contains("u = (time - 23) / 15", stdout);

        // A parameter table: intercept, linear, quadratic per group, each with estimate, SE, z = estimate / SE and p.
        var parameters = ConsoleText.Table(stdout, "group", "parameter", "estimate", "SE", "z", "p");
        Assert.Equal(9, parameters.Count);
        Assert.Equal(["1", "", "", "2", "", "", "3", "", ""], parameters.Select(r => r[0]));
        Assert.Equal(Enumerable.Repeat(new[] { "intercept", "linear", "quadratic" }, 3).SelectMany(x => x), parameters.Select(r => r[1]));
        var groups = model.GetProperty("groups");
        for (var i = 0; i < parameters.Count; i++)
        {
            var row = parameters[i];
            var beta = groups[i / 3].GetProperty("beta")[i % 3].GetDouble();
            var se = groups[i / 3].GetProperty("beta_se")[i % 3].GetDouble();
            Assert.Equal(beta, ConsoleText.Number(row[2]), 4);
            Assert.Equal(se, ConsoleText.Number(row[3]), 4);
            Assert.Equal(beta / se, ConsoleText.Number(row[4]), 2);
            var p = row[5] == "< 0.001" ? 0.0005 : ConsoleText.Number(row[5]);
            Assert.InRange(p, 0, 1);
            Assert.Equal(Math.Abs(beta / se) > 3.2905, row[5] == "< 0.001");
        }

        // Group shares with 95 % CIs around them, AvePP and OCC as in model.json.
        var shares = ConsoleText.Table(stdout, "group", "share", "95 % CI", "AvePP", "OCC");
        Assert.Equal(3, shares.Count);
        Assert.Equal(100, shares.Sum(r => ConsoleText.Number(r[1])), 0);
        for (var g = 0; g < 3; g++)
        {
            var share = ConsoleText.Number(shares[g][1]);
            var ci = shares[g][2].Replace("%", string.Empty, StringComparison.Ordinal).Split('–');
            Assert.InRange(share, ConsoleText.Number(ci[0]), ConsoleText.Number(ci[1]));
            Assert.True(ConsoleText.Number(ci[0]) < ConsoleText.Number(ci[1]));
            Assert.Equal(100 * groups[g].GetProperty("share").GetDouble(), share, 1);
            Assert.Equal(groups[g].GetProperty("avepp").GetDouble(), ConsoleText.Number(shares[g][5]), 3);
            Assert.Equal(groups[g].GetProperty("occ").GetDouble(), ConsoleText.Number(shares[g][6]), 1);
        }

        Assert.True(ConsoleText.AssertAligned(stdout) >= 3);
        Assert.DoesNotContain("NaN", stdout);
    }

    [Fact]
    public void SelectPrintsTheChosenModelsSummaryAndSaysItChoseTheLargestKOfItsGrid()
    {
        var outDir = _tmp.Sub("sel");
        var (code, stdout, stderr) = CliRunner.Run("select", Paths.Toronto("to1.csv"), "-k", "1-2", "--order", "2", "--starts", "3", "--out", outDir);
        Assert.True(code == 0, stderr);

        // On the Toronto data two groups beat one by far, so the chosen K is the grid's largest.
        var rows = Csv.Read(Path.Combine(outDir, "selection.csv"));
        var chosen = rows.Single(r => r["chosen"] == "true");
        Assert.Equal("2", chosen["groups"]);
        Assert.Contains("Chosen model: poisson K=2", stdout);
        Assert.Contains("the largest K of the grid (2)", stdout);
        Assert.Contains("--groups 1-3", stdout);
        Assert.Contains("largest K of the grid", chosen["grid_edge"]);
        Assert.All(rows.Where(r => r["chosen"] != "true"), r => Assert.Equal(string.Empty, r["grid_edge"]));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "model.json")));
        Assert.Contains(doc.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("--groups 1-3", StringComparison.Ordinal));

        // The chosen model's summary: its parameter table and shares, BIC both ways.
        Assert.Equal(6, ConsoleText.Table(stdout, "group", "parameter", "estimate", "SE", "z", "p").Count);
        Assert.Equal(2, ConsoleText.Table(stdout, "group", "share", "95 % CI", "AvePP", "OCC").Count);
        Assert.Equal(doc.RootElement.GetProperty("bic_observations").GetDouble(), ConsoleText.Statistic(stdout, "BIC (n = observations)"), 2);
        Assert.Equal(2, ConsoleText.Table(stdout, "model", "BIC(persons)", "BIC(obs)").Count);
        Assert.True(ConsoleText.AssertAligned(stdout) >= 4);
    }

    [Fact]
    public void SelectWithKAndOrderFixedHasNoEdgeToWarnAbout()
    {
        var outDir = _tmp.Sub("fixed");
        var (code, stdout, stderr) = CliRunner.Run("select", Paths.Toronto("to1.csv"), "-k", "2", "--order", "2", "--starts", "3", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("of the grid", stdout + stderr);
        Assert.Equal(string.Empty, Csv.Read(Path.Combine(outDir, "selection.csv")).Single()["grid_edge"]);
    }

    [Fact]
    public void ColumnsStayAlignedWithFiveGroupsAndAHundredThousandPersons()
    {
        var input = _tmp.Sub("big.csv");
        WritePanel(input, persons: 100_000, groups: 5);
        var (code, stdout, stderr) = CliRunner.Run(
            "fit", input, "-k", "5", "--order", "1", "--starts", "2", "--replications", "1", "--out", _tmp.Sub("big"));
        Assert.True(code == 0, stderr);
        Assert.Equal(100_000, ConsoleText.Statistic(stdout, "persons"));
        Assert.Equal(10, ConsoleText.Table(stdout, "group", "parameter", "estimate").Count);
        Assert.Equal(5, ConsoleText.Table(stdout, "group", "share", "95 % CI").Count);
        Assert.True(ConsoleText.AssertAligned(stdout) >= 3);
    }

    [Fact]
    public void AlignmentCheckCatchesACellRunningIntoTheNextColumn()
    {
        // The checker the tests above rely on fails on the fixed-width layout the console used to print.
        const string misaligned = "model      LL\n---------  --\nK=1        -12269.56\nK=10 long  -1.0\n";
        Assert.ThrowsAny<Exception>(() => ConsoleText.AssertAligned(misaligned));
    }

    /// <summary>A wide CSV of <paramref name="groups"/> Poisson trajectories over six ages, deterministic.</summary>
    private static void WritePanel(string path, int persons, int groups)
    {
        var random = new Random(12);
        var text = new StringBuilder("person_id,15,16,17,18,19,20\n");
        for (var i = 0; i < persons; i++)
        {
            var g = i % groups;
            text.Append(CultureInfo.InvariantCulture, $"p{i}");
            for (var t = 0; t < 6; t++)
            {
                var rate = Math.Exp(-2 + (0.9 * g) + ((g % 2 == 0 ? 0.25 : -0.25) * t));
                text.Append(',').Append(Poisson(random, rate).ToString(CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }

    private static int Poisson(Random random, double rate)
    {
        var limit = Math.Exp(-rate);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            k++;
        }

        return k;
    }
}
