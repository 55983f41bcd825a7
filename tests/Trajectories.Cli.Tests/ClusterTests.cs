using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Trajectories.Cli.Tests;

/// <summary>
/// One coordinator and three worker processes on localhost (`trajectories worker`, Orleans development clustering):
/// the replicated verbs give the same bytes as a local run — a bootstrap, a BLRT, a cross-validation of two models (one
/// plan each) and a study that chooses K by BIC on every data set — and a worker killed in the middle of a run loses
/// nothing. One cluster for the class (starting silos takes seconds).
/// </summary>
[Collection(nameof(ClusterTests))]
public sealed class ClusterTests : IClassFixture<ClusterTests.LocalCluster>, IDisposable
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

    /// <summary>Three `trajectories worker` processes: the first the primary, the others joined to it.</summary>
    public sealed class LocalCluster : IDisposable
    {
        public LocalCluster()
        {
            var primaryPort = FreePort();
            var ports = Enumerable.Range(0, 3).Select(_ => (Silo: 0, Gateway: 0)).ToArray();
            for (var i = 0; i < ports.Length; i++)
            {
                ports[i] = (i == 0 ? primaryPort : FreePort(), FreePort());
            }

            Workers.Add(Worker.Start(ports[0].Silo, ports[0].Gateway, null));
            Workers[0].WaitReady();
            for (var i = 1; i < ports.Length; i++)
            {
                Workers.Add(Worker.Start(ports[i].Silo, ports[i].Gateway, $"127.0.0.1:{primaryPort}"));
            }

            foreach (var w in Workers.Skip(1))
            {
                w.WaitReady();
            }

            Gateways = string.Join(',', ports.Select(p => $"127.0.0.1:{p.Gateway}"));
        }

        public List<Worker> Workers { get; } = [];

        public string Gateways { get; }

        public static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public void Dispose()
        {
            foreach (var w in Workers)
            {
                w.Kill();
            }
        }
    }

    /// <summary>A worker process whose standard output is read line by line as it comes.</summary>
    public sealed class Worker
    {
        private readonly Process _process;
        private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Worker(Process process) => _process = process;

        public bool HasExited => _process.HasExited;

        /// <summary>CPU time used so far (0 once it has exited).</summary>
        public double CpuSeconds()
        {
            try
            {
                _process.Refresh();
                return _process.TotalProcessorTime.TotalSeconds;
            }
            catch (InvalidOperationException)
            {
                return 0;
            }
        }

        public static Worker Start(int silo, int gateway, string? primary)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "trajectories.dll"));
            foreach (var arg in new[] { "worker", "--port", $"{silo}", "--gateway-port", $"{gateway}", "--threads", "1" })
            {
                start.ArgumentList.Add(arg);
            }

            if (primary is not null)
            {
                start.ArgumentList.Add("--primary");
                start.ArgumentList.Add(primary);
            }

            var worker = new Worker(Process.Start(start)!);
            worker._process.OutputDataReceived += (_, e) =>
            {
                if (e.Data?.StartsWith("worker ready", StringComparison.Ordinal) == true)
                {
                    worker._ready.TrySetResult(e.Data);
                }
            };
            worker._process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null && e.Data.StartsWith("error", StringComparison.Ordinal))
                {
                    worker._ready.TrySetException(new InvalidOperationException(e.Data));
                }
            };
            worker._process.BeginOutputReadLine();
            worker._process.BeginErrorReadLine();
            return worker;
        }

        public void WaitReady()
        {
            if (!_ready.Task.Wait(TimeSpan.FromSeconds(90)))
            {
                Kill();
                throw new TimeoutException("a worker did not report ready within 90 s");
            }
        }

        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
    }
}
