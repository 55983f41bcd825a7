using System.Diagnostics;

namespace Trajectories.Cli.Tests;

/// <summary>
/// One coordinator and three worker processes on localhost (`trajectories worker`, Orleans development clustering):
/// the replicated verbs give the same bytes as a local run — a bootstrap, a BLRT, a cross-validation of two models (one
/// plan each) and a study that chooses K by BIC on every data set — and a worker killed in the middle of a run loses
/// nothing. One cluster for the collection (starting silos takes seconds): <see cref="LocalCluster"/>.
/// </summary>
[Collection(nameof(LocalCluster))]
public sealed class ClusterTests : IDisposable
{
    private readonly LocalCluster _cluster;
    private readonly TempFolder _tmp = new();

    public ClusterTests(LocalCluster cluster) => _cluster = cluster;

    public void Dispose() => _tmp.Dispose();

    public static TheoryData<string, string[], string[]> Runs() => new()
    {
        { "bootstrap", ["bootstrap", Paths.Toronto("to1.csv"), "-k", "2", "--order", "2", "--starts", "3", "--replicates", "24"], ["bootstrap.csv", "bootstrap.json"] },
        { "blrt", ["blrt", Paths.Toronto("to1.csv"), "-k", "2", "--order", "1", "--starts", "2", "--min-replicates", "12", "--max-replicates", "12"], ["blrt.json", "blrt_replicates.csv"] },
        { "cve", ["cve", Paths.Toronto("to1adj.csv"), "--family", "zip", "-k", "1-2", "--order", "2", "--starts", "2", "--folds", "6"], ["cve.csv", "cve.json"] },
        { "study", ["study", "-k", "2", "--order", "1", "--persons", "150", "--replicates", "10", "--starts", "2", "--select", "1-3"], ["study_parameters.csv", "study_selection.csv", "study.json"] },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void AClusterRunGivesTheLocalRunsBytes(string name, string[] args, string[] files)
    {
        var local = _tmp.Sub(name + "-local");
        var remote = _tmp.Sub(name + "-cluster");
        var (code, _, error) = CliRunner.Run([.. args, "--out", local]);
        Assert.True(code == 0, error);
        (code, _, error) = CliRunner.Run([.. args, "--cluster", _cluster.Gateways, "--out", remote]);
        Assert.True(code == 0, error);
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(local, file)), File.ReadAllBytes(Path.Combine(remote, file)));
        }
    }

    [Fact]
    public async Task AWorkerKilledMidRunLosesNothing()
    {
        string[] args = ["bootstrap", Paths.Toronto("to1.csv"), "-k", "3", "--order", "2", "--starts", "3", "--replicates", "60", "--full-search"];
        var local = _tmp.Sub("kill-local");
        var (code, _, error) = CliRunner.Run([.. args, "--out", local]);
        Assert.True(code == 0, error);

        var remote = _tmp.Sub("kill-cluster");
        var victim = _cluster.Workers[^1];
        // Killed once it has worked 0.3 s of CPU time on this run: it then holds batches (its plan, replicates) in flight.
        var before = victim.CpuSeconds();
        var killer = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            while (victim.CpuSeconds() < before + 0.3 && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20);
            }

            victim.Kill();
        });
        (code, _, error) = CliRunner.Run([.. args, "--cluster", _cluster.Gateways, "--out", remote]);
        await killer;
        Assert.True(code == 0, error);
        Assert.True(victim.HasExited);
        Assert.Contains("re-run on another worker", error);
        Assert.Equal(File.ReadAllBytes(Path.Combine(local, "bootstrap.csv")), File.ReadAllBytes(Path.Combine(remote, "bootstrap.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(local, "bootstrap.json")), File.ReadAllBytes(Path.Combine(remote, "bootstrap.json")));
    }

    [Fact]
    public void NoClusterAtTheGatewayIsExit2AndWritesNothing()
    {
        var outDir = _tmp.Sub("nowhere");
        var (code, _, error) = CliRunner.Run(
            "bootstrap", Paths.Toronto("to1.csv"), "-k", "2", "--starts", "2", "--replicates", "4", "--cluster", $"127.0.0.1:{LocalCluster.FreePort()}", "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("error: cluster: could not connect", error);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("--cluster", "localhost", "HOST:PORT")]
    [InlineData("--cluster", "adonet:Npgsql", "adonet:INVARIANT:CONNECTION")]
    public void AMalformedClusterIsExit2(string option, string value, string expected)
    {
        var (code, _, error) = CliRunner.Run("bootstrap", Paths.Toronto("to1.csv"), "-k", "2", option, value, "--out", _tmp.Sub("x"));
        Assert.Equal(2, code);
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("--port", "0", "--port")]
    [InlineData("--gateway-port", "70000", "--gateway-port")]
    [InlineData("--primary", "nowhere", "--primary")]
    [InlineData("--address", "not-an-ip", "--address")]
    [InlineData("--membership", "postgres://db", "--membership")]
    [InlineData("--threads", "-1", "--threads")]
    public void AWorkerWithBadSettingsIsExit2BeforeStarting(string option, string value, string named)
    {
        var (code, _, error) = CliRunner.Run("worker", option, value);
        Assert.Equal(2, code);
        Assert.Contains(named, error);
    }

    [Fact]
    public void AWorkerWhoseGatewayIsItsSiloPortIsRefused()
    {
        var (code, _, error) = CliRunner.Run("worker", "--port", "31000", "--gateway-port", "31000");
        Assert.Equal(2, code);
        Assert.Contains("--gateway-port: it must differ from --port", error);
    }
}
