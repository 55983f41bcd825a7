using Trajectories.Registers.Io;

namespace Trajectories.Cli.Tests;

public sealed class SimulateVerbTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void WritesAValidParquetRegisterThatReadsBack()
    {
        var outDir = _tmp.Sub("reg");
        var (code, stdout, stderr) = CliRunner.Run("simulate", "--offenders", "60", "--seed", "3", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("60 offenders", stdout);
        var summary = RegisterReader.ValidateRegister(outDir);
        Assert.Equal(180, summary.Persons);
        Assert.Equal(60, summary.Matches);
        var register = RegisterReader.Load(outDir);
        Assert.Equal(3UL, register.Metadata!.Synthetic!.Seed);
        Assert.Equal(60, register.Truth.Count);
    }

    [Fact]
    public void CsvAndParquetHoldTheSameRegister()
    {
        var csv = _tmp.Sub("csv");
        var parquet = _tmp.Sub("parquet");
        Assert.Equal(0, CliRunner.Run("simulate", "-n", "40", "--seed", "9", "--format", "csv", "--out", csv).Code);
        Assert.Equal(0, CliRunner.Run("simulate", "-n", "40", "--seed", "9", "--format", "parquet", "--out", parquet).Code);
        Assert.True(File.Exists(Path.Combine(csv, "persons.csv")));
        var a = RegisterReader.Load(csv);
        var b = RegisterReader.Load(parquet);
        Assert.Equal(a.Persons, b.Persons);
        Assert.Equal(a.Cases, b.Cases);
        Assert.Equal(a.Lvb, b.Lvb);
        Assert.Equal(a.Victimisations, b.Victimisations);
        Assert.Equal(a.Truth, b.Truth);
    }

    [Fact]
    public void SameSeedSameRegisterWhateverTheThreads()
    {
        var one = _tmp.Sub("one");
        var two = _tmp.Sub("two");
        Assert.Equal(0, CliRunner.Run("simulate", "-n", "50", "--seed", "5", "--format", "csv", "--threads", "1", "--out", one).Code);
        Assert.Equal(0, CliRunner.Run("simulate", "-n", "50", "--seed", "5", "--format", "csv", "--threads", "2", "--out", two).Code);
        foreach (var table in new[] { "persons.csv", "cases.csv", "lvb.csv", "victimisations.csv", "truth.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(one, table)), File.ReadAllBytes(Path.Combine(two, table)));
        }
    }

    [Fact]
    public void CheckPrintsTargetVersusAchieved()
    {
        var (code, stdout, _) = CliRunner.Run("simulate", "-n", "630", "--check");
        Assert.True(code is 0 or 1);
        Assert.Contains("target", stdout);
        Assert.Contains("LVB ratio vs non-criminal, continuous", stdout);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(stdout, "figures within tolerance"));

        // Profiles read as in the report, one form throughout.
        Assert.Contains("share of offenders, late-peaking", stdout);
        Assert.DoesNotContain("late_peaking", stdout);
        Assert.DoesNotContain("early_peaking", stdout);
        Assert.Empty(Directory.GetFileSystemEntries(_tmp.Path));
    }

    [Fact]
    public void TheDefaultsReproduceTheShippedSampleRegister()
    {
        var outDir = _tmp.Sub("default");
        var (code, stdout, stderr) = CliRunner.Run("simulate", "--out", outDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("seed 20240228", stdout);
        var sample = Path.Combine(Paths.Root, "sample-registers", "study");
        foreach (var file in Directory.GetFiles(sample))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(outDir, Path.GetFileName(file))));
        }
    }

    [Fact]
    public void NeitherOutNorCheckIsExit2()
    {
        var (code, _, stderr) = CliRunner.Run("simulate", "-n", "10");
        Assert.Equal(2, code);
        Assert.Contains("--out", stderr);
    }

    [Fact]
    public void BadFormatOrCountIsExit2()
    {
        Assert.Equal(2, CliRunner.Run("simulate", "-n", "10", "--format", "xlsx", "--out", _tmp.Sub("a")).Code);
        Assert.Equal(2, CliRunner.Run("simulate", "-n", "0", "--out", _tmp.Sub("b")).Code);
        Assert.Empty(Directory.GetFileSystemEntries(_tmp.Path));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("four")]
    public void BadFrailtyShapeIsExit2AndWritesNothing(string shape)
    {
        var (code, _, stderr) = CliRunner.Run("simulate", "-n", "10", "--frailty-shape", shape, "--out", _tmp.Sub("f"));
        Assert.Equal(2, code);
        Assert.Contains("--frailty-shape", stderr);
        Assert.Empty(Directory.GetFileSystemEntries(_tmp.Path));
    }

    [Fact]
    public void FrailtyShapeNoneGivesPoissonProfilesAndAnotherRegister()
    {
        var none = _tmp.Sub("none");
        var standard = _tmp.Sub("standard");
        Assert.Equal(0, CliRunner.Run("simulate", "-n", "40", "--seed", "9", "--frailty-shape", "none", "--out", none).Code);
        Assert.Equal(0, CliRunner.Run("simulate", "-n", "40", "--seed", "9", "--out", standard).Code);
        var a = RegisterReader.Load(none);
        var b = RegisterReader.Load(standard);
        Assert.Equal(a.Persons, b.Persons);
        Assert.NotEqual(a.Cases, b.Cases);
    }

    [Fact]
    public void NonEmptyOutputIsRefusedAndKept()
    {
        var outDir = _tmp.Sub("mine");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "keep.txt"), "mine");
        var (code, _, stderr) = CliRunner.Run("simulate", "-n", "10", "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("mine", stderr);
        Assert.Equal(["keep.txt"], Directory.GetFiles(outDir).Select(Path.GetFileName));
    }
}
