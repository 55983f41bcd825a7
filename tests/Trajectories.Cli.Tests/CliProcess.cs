using System.Diagnostics;

namespace Trajectories.Cli.Tests;

/// <summary>
/// The CLI as a separate process (<c>dotnet trajectories.dll</c> from the test's output folder), for what an
/// in-process run cannot show: signals, a killed run, two runs at once.
/// </summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _out;
    private readonly Task<string> _error;

    private CliProcess(string workingDirectory, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "trajectories.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _out = _process.StandardOutput.ReadToEndAsync();
        _error = _process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static CliProcess Start(string workingDirectory, params string[] args) => new(workingDirectory, args);

    /// <summary>Waits (at most two minutes) and returns the exit code and output.</summary>
    public (int Code, string Out, string Error) Wait()
    {
        if (!_process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("the CLI did not finish within two minutes");
        }

        return (_process.ExitCode, _out.Result, _error.Result);
    }

    /// <summary>Sends a POSIX signal (TERM, INT, KILL) with kill(1).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>Waits until <paramref name="condition"/> holds (polling), or the process ends; true when it held.</summary>
    public bool WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited || clock.Elapsed > TimeSpan.FromMinutes(1))
            {
                return condition();
            }

            Thread.Sleep(20);
        }

        return true;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
