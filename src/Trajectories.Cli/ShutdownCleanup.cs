using System.Runtime.InteropServices;
using Trajectories.Registers.Publishing;

namespace Trajectories.Cli;

/// <summary>
/// Removes the staging folders and locks of unfinished outputs, and a run's working folders (a sharded fit's shard
/// files), when the process is stopped by SIGINT (Ctrl+C), SIGTERM or SIGQUIT, or exits: <c>finally</c> blocks do not
/// run then, and a killed run must not leave a hidden half-written folder, a lock or working copies of data behind.
/// </summary>
internal sealed class ShutdownCleanup : IDisposable
{
    private static readonly HashSet<string> WorkingFolders = new(StringComparer.Ordinal);

    private readonly List<PosixSignalRegistration> _signals = [];

    private ShutdownCleanup()
    {
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        foreach (var (signal, number) in new[] { (PosixSignal.SIGINT, 2), (PosixSignal.SIGTERM, 15), (PosixSignal.SIGQUIT, 3) })
        {
            try
            {
                // The handler ends the process itself, with the shell's 128 + signal number, instead of leaving it to
                // the runtime's default action: that action exits asynchronously, and a run near its end could return
                // 0 from Main first (seen under load with SIGINT) — a stopped run must never look successful.
                _signals.Add(PosixSignalRegistration.Create(signal, context =>
                {
                    context.Cancel = true;
                    RemoveAll();
                    Environment.Exit(128 + number);
                }));
            }
            catch (PlatformNotSupportedException)
            {
                // Not every signal exists on every platform; ProcessExit still cleans up there.
            }
        }
    }

    /// <summary>Installs the handlers for the life of the returned object.</summary>
    public static ShutdownCleanup Install() => new();

    /// <summary>Removes <paramref name="folder"/> (and all in it) if the process is stopped before <see cref="Forget"/>.</summary>
    public static void Track(string folder)
    {
        lock (WorkingFolders)
        {
            WorkingFolders.Add(folder);
        }
    }

    /// <summary>Removes <paramref name="folder"/> now if it still exists, and stops tracking it.</summary>
    public static void Forget(string folder)
    {
        lock (WorkingFolders)
        {
            WorkingFolders.Remove(folder);
        }

        Remove(folder);
    }

    private static void RemoveAll()
    {
        StagedOutput.AbandonAll();
        string[] folders;
        lock (WorkingFolders)
        {
            folders = [.. WorkingFolders];
            WorkingFolders.Clear();
        }

        foreach (var folder in folders)
        {
            Remove(folder);
        }
    }

    private static void Remove(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort on the way out: a folder that cannot be removed is left, not a reason to fail the exit.
        }
    }

    /// <summary>Cleans up what is still unfinished (the end of Main is the last <c>finally</c>), then removes the handlers.</summary>
    public void Dispose()
    {
        RemoveAll();
        AppDomain.CurrentDomain.ProcessExit -= OnExit;
        foreach (var registration in _signals)
        {
            registration.Dispose();
        }
    }

    private static void OnExit(object? sender, EventArgs e) => RemoveAll();
}
