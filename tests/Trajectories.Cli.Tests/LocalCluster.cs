using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Trajectories.Cli.Tests;

/// <summary>The cluster the cluster tests share: its classes run one after another and the workers start once.</summary>
[CollectionDefinition(nameof(LocalCluster))]
public sealed class LocalClusterCollection : ICollectionFixture<LocalCluster>;

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

        Workers.Add(WorkerProcess.Start(ports[0].Silo, ports[0].Gateway, null));
        Workers[0].WaitReady();
        for (var i = 1; i < ports.Length; i++)
        {
            Workers.Add(WorkerProcess.Start(ports[i].Silo, ports[i].Gateway, $"127.0.0.1:{primaryPort}"));
        }

        foreach (var w in Workers.Skip(1))
        {
            w.WaitReady();
        }

        Gateways = string.Join(',', ports.Select(p => $"127.0.0.1:{p.Gateway}"));
    }

    public List<WorkerProcess> Workers { get; } = [];

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
public sealed class WorkerProcess
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process) => _process = process;

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

    public static WorkerProcess Start(int silo, int gateway, string? primary)
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

        var worker = new WorkerProcess(Process.Start(start)!);
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
