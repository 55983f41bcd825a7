using System.Diagnostics;

namespace Trajectories.Cli.Tests;

/// <summary>
/// Sharded fits on the local cluster (<see cref="LocalCluster"/>): a fit and a selection grid whose E-steps run on three
/// shards held by three worker processes give the local run's bytes, also when a worker holding a shard is killed
/// in the middle; the shards' files are gone afterwards; bad shard options are exit 2.
/// </summary>
[Collection(nameof(LocalCluster))]
public sealed class ShardedClusterTests : IClassFixture<ShardedClusterTests.Register>, IDisposable
{
    private readonly LocalCluster _cluster;
    private readonly TempFolder _tmp = new();
    private readonly string _register;

    public ShardedClusterTests(LocalCluster cluster, Register register)
    {
        _cluster = cluster;
        _register = register.Folder;
    }

    public void Dispose() => _tmp.Dispose();

    public static TheoryData<string, string[], string[]> Runs() => new()
    {
        { "fit", ["fit", "--family", "zip", "-k", "3", "--starts", "2"], ["posteriors.csv", "trajectories.csv"] },
        { "select", ["select", "--family", "zip", "-k", "1-3", "--order", "2", "--starts", "2"], ["posteriors.csv", "trajectories.csv"] },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void AShardedRunGivesTheLocalRunsBytes(string name, string[] args, string[] files)
    {
        var local = _tmp.Sub(name + "-local");
        var remote = _tmp.Sub(name + "-sharded");
        var shardFolder = Directory.CreateDirectory(_tmp.Sub(name + "-shards")).FullName;
        var (code, _, error) = CliRunner.Run([.. args, _register, "--out", local]);
        Assert.True(code == 0, error);
        (code, var output, error) = CliRunner.Run([.. args, _register, "--cluster", _cluster.Gateways, "--shard-folder", shardFolder, "--out", remote]);
        Assert.True(code == 0, error);

        Assert.Contains("E-steps ran on 3 shard(s) of the cluster", output);
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(local, file)), File.ReadAllBytes(Path.Combine(remote, file)));
        }

        Assert.Equal(WithoutSeconds(Path.Combine(local, "model.json")), WithoutSeconds(Path.Combine(remote, "model.json")));
        if (name == "select")
        {
            // Every model of the grid, every statistic but its wall-clock seconds.
            Assert.Equal(Rows(Path.Combine(local, "selection.csv")), Rows(Path.Combine(remote, "selection.csv")));
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(shardFolder));
    }

    [Fact]
    public async Task AWorkerKilledMidFitLosesNothing()
    {
        string[] args = ["fit", _register, "--family", "zip", "-k", "4", "--starts", "4"];
        var local = _tmp.Sub("kill-local");
        var (code, _, error) = CliRunner.Run([.. args, "--out", local]);
        Assert.True(code == 0, error);

        // Not the primary (it holds the development membership) and not the one the bootstrap kill test takes.
        var victim = _cluster.Workers[1];
        Assert.False(victim.HasExited, "the worker to kill has already gone");
        var shardFolder = Directory.CreateDirectory(_tmp.Sub("kill-shards")).FullName;
        var running = true;
        var killedWhileRunning = false;
        var killer = Task.Run(async () =>
        {
            // Killed once the shards exist and it has worked 0.05 s of CPU time since: it then holds a shard and
            // serves E-step calls, and the fit has most of its E-steps still to come.
            var clock = Stopwatch.StartNew();
            while (!Directory.EnumerateDirectories(shardFolder).Any() && clock.Elapsed < TimeSpan.FromSeconds(60) && Volatile.Read(ref running))
            {
                await Task.Delay(10);
            }

            var before = victim.CpuSeconds();
            while (victim.CpuSeconds() < before + 0.05 && clock.Elapsed < TimeSpan.FromSeconds(60) && Volatile.Read(ref running))
            {
                await Task.Delay(10);
            }

            killedWhileRunning = Volatile.Read(ref running);
            victim.Kill();
        });
        var remote = _tmp.Sub("kill-sharded");
        (code, _, error) = CliRunner.Run([.. args, "--cluster", _cluster.Gateways, "--shard-folder", shardFolder, "--out", remote]);
        Volatile.Write(ref running, false);
        await killer;
        Assert.True(killedWhileRunning, "the worker was not killed before the fit ended");

        Assert.True(code == 0, error);
        // A call in flight to the dead worker fails and is re-sent (the run says so); a call made after its death is
        // re-routed by Orleans to a new activation without failing. Either way nothing changes.
        Assert.True(victim.HasExited);
        Assert.Equal(File.ReadAllBytes(Path.Combine(local, "posteriors.csv")), File.ReadAllBytes(Path.Combine(remote, "posteriors.csv")));
        Assert.Equal(WithoutSeconds(Path.Combine(local, "model.json")), WithoutSeconds(Path.Combine(remote, "model.json")));
    }

    [Theory]
    [InlineData(new[] { "--shards", "2" }, "--shards: only with --cluster")]
    [InlineData(new[] { "--shard-folder", "." }, "--shard-folder: only with --cluster")]
    [InlineData(new[] { "--cluster", "127.0.0.1:1", "--shards", "0" }, "--shards")]
    [InlineData(new[] { "--cluster", "127.0.0.1:1", "--shard-folder", "/no/such/folder" }, "--shard-folder: '/no/such/folder' is not an existing folder")]
    [InlineData(new[] { "--cluster", "adonet:Npgsql:Host=db" }, "--shards: give the number of shards")]
    public void BadShardOptionsAreExit2AndWriteNothing(string[] options, string expected)
    {
        var outDir = _tmp.Sub("bad");
        var (code, _, error) = CliRunner.Run(["fit", Paths.Toronto("to1.csv"), "-k", "2", .. options, "--out", outDir]);
        Assert.Equal(2, code);
        Assert.Contains(expected, error);
        Assert.False(Directory.Exists(outDir));
    }

    /// <summary>A CSV's rows without the <c>seconds</c> column.</summary>
    private static List<string> Rows(string path) =>
        Csv.Read(path).Select(r => string.Join('|', r.Where(c => c.Key != "seconds").Select(c => $"{c.Key}={c.Value}"))).ToList();

    /// <summary>model.json without its timing line (wall-clock seconds differ between any two runs).</summary>
    private static string[] WithoutSeconds(string path) =>
        File.ReadAllLines(path).Where(l => !l.Contains("\"seconds\"", StringComparison.Ordinal)).ToArray();

    /// <summary>
    /// The register of the class: 30 000 offenders with detention (part-year exposure), about 27 700 pattern rows, four
    /// blocks, three shards.
    /// </summary>
    public sealed class Register : IDisposable
    {
        private readonly TempFolder _tmp = new();

        public Register()
        {
            Folder = _tmp.Sub("register");
            var (code, _, error) = CliRunner.Run("simulate", "-n", "30000", "--detention", "--out", Folder);
            Assert.True(code == 0, error);
        }

        public string Folder { get; }

        public void Dispose() => _tmp.Dispose();
    }
}
