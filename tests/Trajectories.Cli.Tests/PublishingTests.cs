using System.Security.Cryptography;
using Trajectories.Testing;

namespace Trajectories.Cli.Tests;

/// <summary>
/// The result folder end to end: the README's main command twice, two runs at once, a killed run, a file added
/// during a run, a full disk. Analyze runs with a fixed small grid (K = 4, cubic, 3 starts) to keep each test to
/// a few seconds; the publishing path is the same as with the default grid.
/// </summary>
public sealed class PublishingTests : IDisposable
{
    private static readonly string[] Quick = ["--groups", "4", "--order", "3", "--starts", "3"];
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void TheMainCommandRunsTwiceInARowAndChangesNothingElse()
    {
        // As in the README: no register, no --out (./trajectories-report), run from a folder of the user's.
        File.WriteAllText(_tmp.Sub("notes.txt"), "mine");
        var sample = Path.Combine(Paths.Root, "sample-registers", "study");
        var sampleBefore = Fingerprint(sample);

        var first = CliProcess.Start(_tmp.Path, ["analyze", .. Quick]).Wait();
        Assert.True(first.Code == 0, first.Error);
        var report = _tmp.Sub("trajectories-report");
        var firstWrite = File.GetLastWriteTimeUtc(Path.Combine(report, "report.html"));

        var second = CliProcess.Start(_tmp.Path, ["analyze", .. Quick]).Wait();
        Assert.True(second.Code == 0, second.Error);
        Assert.Equal(string.Empty, second.Error);
        Assert.Contains(Path.Combine(report, "report.html"), second.Out);
        Assert.NotEqual(firstWrite, File.GetLastWriteTimeUtc(Path.Combine(report, "report.html")));

        Assert.Equal(["notes.txt", "trajectories-report"], Entries(_tmp.Path));
        Assert.Equal("mine", File.ReadAllText(_tmp.Sub("notes.txt")));
        Assert.Equal(sampleBefore, Fingerprint(sample));
    }

    [Fact]
    public void AChangedEarlierReportIsKeptAndTheRunSaysWhereItWrote()
    {
        var report = _tmp.Sub("report");
        Assert.Equal(0, Analyze(report).Code);
        File.WriteAllText(Path.Combine(report, "my-notes.txt"), "mine");

        var (code, stdout, stderr) = Analyze(report);
        Assert.Equal(0, code);
        Assert.Contains($"note: {report} holds files that were added or changed", stderr);
        Assert.Contains(Path.Combine(report + "-2", "report.html"), stdout);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(report, "my-notes.txt")));
        Assert.True(File.Exists(Path.Combine(report, "report.html")));
        Assert.Equal(["report", "report-2"], Entries(_tmp.Path));
    }

    [Fact]
    public void OfTwoRunsAtOnceOnTheSameFolderExactlyOneSucceeds()
    {
        var report = _tmp.Sub("report");
        using var a = CliProcess.Start(_tmp.Path, ["analyze", .. Quick, "--out", report]);
        using var b = CliProcess.Start(_tmp.Path, ["analyze", .. Quick, "--out", report]);
        var results = new[] { a.Wait(), b.Wait() };

        Assert.Equal([0, 2], results.Select(r => r.Code).Order());
        var loser = results.Single(r => r.Code == 2);
        Assert.Equal(1, loser.Error.Count(c => c == '\n'));
        Assert.Contains("another run is writing this folder", loser.Error);
        Assert.Equal(["report"], Entries(_tmp.Path));
        Assert.True(File.Exists(Path.Combine(report, "report.html")));
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public void ARunStoppedByASignalLeavesNothingAndTheRerunSucceeds(string signal)
    {
        var register = _tmp.Sub("reg");
        using (var run = CliProcess.Start(_tmp.Path, "simulate", "--offenders", "200000", "--threads", "1", "--out", register))
        {
            Assert.True(run.WaitUntil(() => IsWritingData(_tmp.Path, ".reg.partial-")), "the run wrote no data");
            run.Signal(signal);
            Assert.NotEqual(0, run.Wait().Code);
        }

        Assert.Empty(Entries(_tmp.Path));
        Assert.Equal(0, CliRunner.Run("simulate", "--offenders", "200", "--out", register).Code);
        Assert.Equal(["reg"], Entries(_tmp.Path));
    }

    [Fact]
    public void WhatAKilledRunLeavesIsCleanedByTheNextRun()
    {
        var register = _tmp.Sub("reg");
        using (var run = CliProcess.Start(_tmp.Path, "simulate", "--offenders", "200000", "--threads", "1", "--out", register))
        {
            Assert.True(run.WaitUntil(() => IsWritingData(_tmp.Path, ".reg.partial-")), "the run wrote no data");
            run.Signal("KILL");
            run.Wait();
        }

        // SIGKILL runs no handler: the lock file and the staging folder stay, owned by a process that is gone.
        Assert.Contains(".reg.lock", Entries(_tmp.Path));
        Assert.Contains(Entries(_tmp.Path), e => e.StartsWith(".reg.partial-", StringComparison.Ordinal));
        var (code, _, stderr) = CliRunner.Run("simulate", "--offenders", "200", "--out", register);
        Assert.True(code == 0, stderr);
        Assert.Equal(["reg"], Entries(_tmp.Path));
    }

    [Fact]
    public void AFileAddedToTheFolderDuringARunIsKeptAndTheRunFails()
    {
        var report = _tmp.Sub("report");
        using var run = CliProcess.Start(_tmp.Path, ["analyze", .. Quick, "--out", report]);
        Assert.True(run.WaitUntil(() => Entries(_tmp.Path).Any(e => e.StartsWith(".report.partial-", StringComparison.Ordinal))), "no staging folder appeared");
        Directory.CreateDirectory(report);
        File.WriteAllText(Path.Combine(report, "notes.txt"), "mine");
        var (code, _, stderr) = run.Wait();

        Assert.Equal(2, code);
        Assert.Contains("they are kept, and the results were written to " + report + "-2 instead", stderr);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(report, "notes.txt")));
        Assert.Equal(["notes.txt"], Entries(report));
        Assert.True(File.Exists(Path.Combine(report + "-2", "report.html")));
        Assert.Equal(["report", "report-2"], Entries(_tmp.Path));
    }

    [Fact]
    public void BadOutputFoldersAreOneLineErrors()
    {
        File.WriteAllText(_tmp.Sub("file"), "x");
        foreach (var (verb, folder) in new[] { ("analyze", _tmp.Sub("file")), ("analyze", string.Empty), ("simulate", string.Empty), ("simulate", _tmp.Sub("file")) })
        {
            string[] args = verb == "analyze" ? ["analyze", .. Quick, "--out", folder] : ["simulate", "-n", "20", "--out", folder];
            var (code, _, stderr) = CliRunner.Run(args);
            Assert.Equal(2, code);
            Assert.Equal(1, stderr.Count(c => c == '\n'));
            Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        }

        Assert.Equal(["file"], Entries(_tmp.Path));
    }

    [Fact]
    public void AFullDiskIsAOneLineErrorWithNothingLeft()
    {
        // Needs a small tmpfs, which only root can mount; elsewhere there is no full disk to write to.
        using var disk = SmallDisk.TryMount(_tmp.Sub("disk"), "256k");
        if (disk is null)
        {
            return;
        }

        var (code, _, stderr) = Analyze(Path.Combine(disk.Path, "report"));
        Assert.Equal(2, code);
        Assert.Equal(1, stderr.Count(c => c == '\n'));
        Assert.Contains("nothing was published", stderr);
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path));
    }

    private static (int Code, string Out, string Error) Analyze(string folder) =>
        CliRunner.Run(["analyze", Path.Combine(Paths.Root, "sample-registers", "study"), .. Quick, "--out", folder]);

    // Mid-run: a staging folder holds a file with data in it (the generator is streaming rows).
    private static bool IsWritingData(string folder, string stagingPrefix) =>
        Directory.EnumerateDirectories(folder, stagingPrefix + "*")
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Any(f => new FileInfo(f).Length > 0);

    private static List<string> Entries(string folder) =>
        Directory.GetFileSystemEntries(folder).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToList();

    private static string Fingerprint(string folder) => string.Join(
        "\n",
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{f} {File.GetLastWriteTimeUtc(f):O} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));
}
