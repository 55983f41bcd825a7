using System.Globalization;
using System.Text.Json;

namespace Trajectories.Cli.Tests;

/// <summary>
/// <c>fit</c> and <c>select</c> with the logit, censored-normal and negative-binomial families, on the data R drew for
/// the Core's reference tests, and every way their inputs and options can be wrong.
/// </summary>
public sealed class FamilyVerbTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string Reference(string name) =>
        Path.Combine(Paths.Root, "tests", "Trajectories.Core.Tests", "reference", "families", name + ".csv");

    // Bad input: exit 2, every message part on stderr, and nothing written.
    private void AssertRefused(string[] args, params string[] messages)
    {
        var outDir = _tmp.Sub("out");
        var (code, _, stderr) = CliRunner.Run([.. args, "--out", outDir]);
        Assert.Equal(2, code);
        foreach (var message in messages)
        {
            Assert.Contains(message, stderr);
        }

        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any());
    }

    [Fact]
    public void LogitFitWritesItsPredictorsUnderItsOwnNames()
    {
        var outDir = _tmp.Sub("logit");
        var (code, stdout, stderr) = CliRunner.Run("fit", Reference("logit_k2_o2"), "--family", "logit", "-k", "2", "--starts", "6", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.StartsWith("Model: logit, 2 groups", stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "model.json")));
        var model = doc.RootElement;
        Assert.Equal("logit", model.GetProperty("family").GetString());
        Assert.Equal("binary", model.GetProperty("outcome").GetString());
        var group = model.GetProperty("groups")[0];
        var predictors = group.GetProperty("predictors");
        Assert.Equal(1, predictors.GetArrayLength());
        Assert.Equal("logit", predictors[0].GetProperty("name").GetString());
        Assert.Equal("logit", predictors[0].GetProperty("link").GetString());
        Assert.Equal(3, predictors[0].GetProperty("coefficients").GetArrayLength());
        Assert.Equal(-1, group.GetProperty("iorder").GetInt32());

        // Predicted values are probabilities, with bands inside (0, 1).
        foreach (var row in Csv.Read(Path.Combine(outDir, "trajectories.csv")))
        {
            var p = double.Parse(row["predicted"], CultureInfo.InvariantCulture);
            Assert.InRange(p, 0.0, 1.0);
            Assert.InRange(double.Parse(row["lower"], CultureInfo.InvariantCulture), 0.0, p);
            Assert.InRange(double.Parse(row["upper"], CultureInfo.InvariantCulture), p, 1.0);
        }
    }

    [Fact]
    public void CensoredNormalFitRecordsItsBoundsAndSigmas()
    {
        var outDir = _tmp.Sub("cnorm");
        var (code, stdout, stderr) = CliRunner.Run("fit", Reference("cnorm_k2_o2"), "--family", "cnorm", "--min", "0", "--max", "10", "-k", "2", "--starts", "6", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("sigma ", stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "model.json")));
        var model = doc.RootElement;
        Assert.Equal("continuous", model.GetProperty("outcome").GetString());
        Assert.Equal(0.0, model.GetProperty("min").GetDouble());
        Assert.Equal(10.0, model.GetProperty("max").GetDouble());
        foreach (var group in model.GetProperty("groups").EnumerateArray())
        {
            var logSigma = group.GetProperty("predictors")[1];
            Assert.Equal("sigma", logSigma.GetProperty("name").GetString());
            Assert.Equal("log", logSigma.GetProperty("link").GetString());
            Assert.Equal(Math.Exp(logSigma.GetProperty("coefficients")[0].GetDouble()), group.GetProperty("sigma").GetDouble(), 9);
            Assert.True(group.GetProperty("sigma_se").GetDouble() > 0);
        }

        // The plotted mean is that of the censored observations: within the scale.
        Assert.All(Csv.Read(Path.Combine(outDir, "trajectories.csv")), row => Assert.InRange(double.Parse(row["predicted"], CultureInfo.InvariantCulture), 0.0, 10.0));
    }

    [Fact]
    public void NegativeBinomialSelectionReportsDispersions()
    {
        var outDir = _tmp.Sub("nb");
        var (code, stdout, stderr) = CliRunner.Run("select", Reference("nb_k2_o2"), "--family", "nb", "-k", "1-2", "--order", "2", "--starts", "6", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("nb K=2", stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "model.json")));
        var group = doc.RootElement.GetProperty("groups")[0];
        Assert.True(group.GetProperty("dispersion").GetDouble() > 0);
        Assert.Equal("dispersion", group.GetProperty("predictors")[1].GetProperty("name").GetString());
    }

    [Fact]
    public void LogitOutcomeOfTwoNamesFileLineAndColumn()
    {
        var input = _tmp.Sub("two.csv");
        File.WriteAllText(input, "person_id,time,count\na,12,0\na,13,1\nb,12,2\n");
        var outDir = _tmp.Sub("out");
        var (code, _, stderr) = CliRunner.Run("fit", input, "--family", "logit", "-k", "1", "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("two.csv, line 4, column 'count'", stderr);
        Assert.Contains("not 0 or 1", stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void CensoredNormalValueOutsideTheRangeNamesFileLineAndColumn()
    {
        var input = _tmp.Sub("wide.csv");
        File.WriteAllText(input, "person_id,12,13\na,0.5,-1.25\nb,3.5,12\n");
        var outDir = _tmp.Sub("out");
        var (code, _, stderr) = CliRunner.Run("fit", input, "--family", "cnorm", "--min", "-2", "--max", "10", "-k", "1", "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("wide.csv, line 3, column '13'", stderr);
        Assert.Contains("outside the censoring range [-2, 10]", stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void CensoredNormalReadsNegativeWideValuesAsValues()
    {
        // For counts a negative wide cell means missing (the crimCV convention); for a score on [−2, 10] it is a value.
        var input = _tmp.Sub("wide.csv");
        File.WriteAllText(input, "person_id,12,13,14\na,0.5,-1.25,3\nb,3.5,NA,4\nc,1,2,-0.5\n");
        var outDir = _tmp.Sub("out");
        var (code, stdout, stderr) = CliRunner.Run("fit", input, "--family", "cnorm", "--min", "-2", "--max", "10", "-k", "1", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Equal(3, ConsoleText.Statistic(stdout, "persons"));
        Assert.Equal(8, ConsoleText.Statistic(stdout, "observations"));
    }

    [Theory]
    [InlineData("cnorm", "--min", "0")]
    [InlineData("logit", "--max", "3")]
    [InlineData("cnorm", "--min", "5", "--max", "5")]
    [InlineData("nb", "--iorder", "1")]
    [InlineData("logit", "--exposure", "risk.csv")]
    public void OptionsThatDoNotFitTheFamilyAreExit2AndWriteNothing(string family, params string[] options)
    {
        var outDir = _tmp.Sub("bad-option");
        var (code, _, stderr) = CliRunner.Run(["fit", Reference("logit_k2_o2"), "--family", family, "-k", "1", .. options, "--out", outDir]);
        Assert.Equal(2, code);
        Assert.Contains(family == "cnorm" ? "min" : options[0], stderr);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any());
    }

    [Fact]
    public void RiskFactorsGiveAMembershipBlockAgainstTheChosenReference()
    {
        var outDir = _tmp.Sub("risk");
        var (code, stdout, stderr) = CliRunner.Run(
            "fit", Reference("risk_k3_o2"), "--risk", Reference("risk_k3_o2_risk"), "--refgroup", "2", "-k", "3", "--starts", "6", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("Membership (multinomial logit, reference group 2)", stdout);
        Assert.Equal(4, ConsoleText.Table(stdout, "group", "covariate", "odds ratio").Count(r => r[1] is "sex" or "cohort"));
        Assert.Contains("sex: Wald χ²(2)", stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "model.json")));
        var membership = doc.RootElement.GetProperty("membership");
        Assert.Equal(2, membership.GetProperty("reference_group").GetInt32());
        Assert.Equal(["sex", "cohort"], membership.GetProperty("covariates").EnumerateArray().Select(c => c.GetString()));
        var coefficients = membership.GetProperty("coefficients").EnumerateArray().ToList();
        Assert.Equal(6, coefficients.Count);
        Assert.DoesNotContain(coefficients, c => c.GetProperty("group").GetInt32() == 2);
        var sex = coefficients.First(c => c.GetProperty("covariate").GetString() == "sex");
        Assert.Equal(Math.Exp(sex.GetProperty("estimate").GetDouble()), sex.GetProperty("odds_ratio").GetDouble(), 9);
        Assert.Equal(2, membership.GetProperty("tests").GetArrayLength());
        Assert.Equal(6, membership.GetProperty("share_effects").GetArrayLength());
        // 3 groups × (intercept + 2 covariates) − the reference's 3, plus 3 quadratic curves.
        Assert.Equal(6 + 9, doc.RootElement.GetProperty("n_parameters").GetInt32());
    }

    [Fact]
    public void ARiskFileMissingAPersonNamesTheFileAndThePerson()
    {
        var risk = _tmp.Sub("risk.csv");
        File.WriteAllLines(risk, File.ReadAllLines(Reference("risk_k3_o2_risk")).Where(l => !l.StartsWith("P0007,", StringComparison.Ordinal)));
        AssertRefused(["fit", Reference("risk_k3_o2"), "--risk", risk, "-k", "2"], "risk.csv", "person 'P0007'");
    }

    [Fact]
    public void ANonNumericRiskFactorNamesFileLineAndColumn()
    {
        var risk = _tmp.Sub("risk.csv");
        File.WriteAllText(risk, "person_id,sex\nP0001,1\nP0002,male\n");
        AssertRefused(["fit", Reference("risk_k3_o2"), "--risk", risk, "-k", "2"], "risk.csv, line 3, column 'sex'");
    }

    [Theory]
    [InlineData("--refgroup", "2")]
    [InlineData("--refgroup", "4", "--risk", "RISK")]
    public void AReferenceGroupThatCannotApplyIsExit2(params string[] options)
    {
        var outDir = _tmp.Sub("out");
        var args = options.Select(o => o == "RISK" ? Reference("risk_k3_o2_risk") : o).ToArray();
        var (code, _, stderr) = CliRunner.Run(["fit", Reference("risk_k3_o2"), "-k", "3", .. args, "--out", outDir]);
        Assert.Equal(2, code);
        Assert.Contains("--refgroup", stderr);
    }

    [Fact]
    public void TimeVaryingCovariatesGiveEachGroupItsCoefficients()
    {
        var outDir = _tmp.Sub("tcov");
        var (code, stdout, stderr) = CliRunner.Run(
            "fit", Reference("tcov_k2_o2"), "--tcov", Reference("tcov_k2_o2_tcov"), "-k", "2", "--starts", "6", "--out", outDir);
        Assert.True(code == 0, stderr);
        var detention = ConsoleText.Table(stdout, "group", "parameter", "estimate", "SE").Where(r => r[1] == "tcov detention").ToList();
        Assert.Equal(2, detention.Count);
        Assert.All(detention, r => ConsoleText.Number(r[2]));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "model.json")));
        foreach (var group in doc.RootElement.GetProperty("groups").EnumerateArray())
        {
            var tcov = group.GetProperty("tcov");
            Assert.Equal(["detention", "work"], tcov.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
            Assert.True(tcov[0].GetProperty("estimate").GetDouble() < 0, "detention lowers the rate in every planted group");
            Assert.True(tcov[0].GetProperty("se").GetDouble() > 0);
        }

        // 1 share logit + 2 × (3 polynomial + 2 covariate) coefficients.
        Assert.Equal(11, doc.RootElement.GetProperty("n_parameters").GetInt32());
    }

    [Fact]
    public void ATcovFileMissingAnObservedPersonYearNamesFilePersonAndTime()
    {
        var tcov = _tmp.Sub("tcov.csv");
        var lines = File.ReadAllLines(Reference("tcov_k2_o2_tcov")).ToList();
        var first = lines.FindIndex(l => l.StartsWith("P0003,", StringComparison.Ordinal));
        var removed = lines[first].Split(',')[1];
        var observed = File.ReadLines(Reference("tcov_k2_o2")).Any(l => l.StartsWith("P0003," + removed + ",", StringComparison.Ordinal));
        lines.RemoveAt(observed ? first : first + 1);
        File.WriteAllLines(tcov, lines);
        AssertRefused(["fit", Reference("tcov_k2_o2"), "--tcov", tcov, "-k", "2"], "tcov.csv", "person 'P0003' is observed at time");
    }

    [Fact]
    public void ANonNumericTcovValueNamesFileLineAndColumn()
    {
        var tcov = _tmp.Sub("tcov.csv");
        File.WriteAllText(tcov, "person_id,time,detention\nP0001,11,0\nP0001,12,yes\n");
        AssertRefused(["fit", Reference("tcov_k2_o2"), "--tcov", tcov, "-k", "2"], "tcov.csv, line 3, column 'detention'");
    }

    [Fact]
    public void TrajectoriesAreReportedAtChosenCovariateValues()
    {
        var atMean = _tmp.Sub("mean");
        var atZero = _tmp.Sub("zero");
        var common = new[] { "fit", Reference("tcov_k2_o2"), "--tcov", Reference("tcov_k2_o2_tcov"), "-k", "2", "--starts", "6" };
        Assert.Equal(0, CliRunner.Run([.. common, "--out", atMean]).Code);
        var (code, _, stderr) = CliRunner.Run([.. common, "--tcov-at", "detention=0, work=1.5", "--out", atZero]);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(atZero, "model.json")));
        var at = doc.RootElement.GetProperty("tcov_reported_at");
        Assert.Equal(0.0, at.GetProperty("detention").GetDouble());
        Assert.Equal(1.5, at.GetProperty("work").GetDouble());
        using var meanDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(atMean, "model.json")));
        Assert.Equal("mean", meanDoc.RootElement.GetProperty("tcov_reported_at").GetProperty("detention").GetString());

        // The same fit; only the reported curves move: at log scale by δ_detention·(0 − mean) + δ_work·(1.5 − mean).
        Assert.Equal(meanDoc.RootElement.GetProperty("log_likelihood").GetDouble(), doc.RootElement.GetProperty("log_likelihood").GetDouble(), 6);
        var group = doc.RootElement.GetProperty("groups")[0];
        var beta = group.GetProperty("beta").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        var delta = group.GetProperty("tcov").EnumerateArray().Select(c => c.GetProperty("estimate").GetDouble()).ToArray();
        var row = Csv.Read(Path.Combine(atZero, "trajectories.csv")).First(r => r["group"] == "1" && r["time"] == "15");
        var u = (15 - 15.5) / 4.5;
        var expected = Math.Exp(beta[0] + (beta[1] * u) + (beta[2] * u * u) + (delta[1] * 1.5));
        Assert.Equal(expected, double.Parse(row["predicted"], CultureInfo.InvariantCulture), 9);
    }

    [Theory]
    [InlineData(false, "detention=0")]
    [InlineData(true, "unemployed=1")]
    [InlineData(true, "detention=yes")]
    public void ReportValuesThatCannotApplyAreExit2(bool withTcov, string at)
    {
        var outDir = _tmp.Sub("out");
        string[] tcov = withTcov ? ["--tcov", Reference("tcov_k2_o2_tcov")] : [];
        var (code, _, stderr) = CliRunner.Run(["fit", Reference("tcov_k2_o2"), "-k", "2", .. tcov, "--tcov-at", at, "--out", outDir]);
        Assert.Equal(2, code);
        Assert.Contains("--tcov-at", stderr);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any());
    }

    [Theory]
    [InlineData("fit", "logit")]
    [InlineData("select", "cnorm")]
    public void ARegisterFolderIsRefusedForANonCountFamily(string verb, string family)
    {
        var outDir = _tmp.Sub("out");
        string[] bounds = family == "cnorm" ? ["--min", "0", "--max", "9"] : [];
        var (code, _, stderr) = CliRunner.Run([verb, Path.Combine(Paths.Root, "sample-registers", "study"), "--family", family, .. bounds, "-k", "2", "--out", outDir]);
        Assert.Equal(2, code);
        Assert.Contains("is a register folder", stderr);
        Assert.Contains("fit it with a count family", stderr);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any());
    }
}
