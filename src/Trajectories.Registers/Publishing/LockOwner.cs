using System.Diagnostics;
using System.Globalization;

namespace Trajectories.Registers.Publishing;

/// <summary>
/// The process that owns a lock or staging folder: pid, host and start time, so that a lock left by a killed run
/// is recognised (its process is gone, or the pid was reused by a process started at another time).
/// </summary>
public sealed record LockOwner(int Pid, string Host, DateTime StartedUtc)
{
    /// <summary>This process.</summary>
    public static LockOwner Current { get; } = new(Environment.ProcessId, Environment.MachineName, StartTime(Environment.ProcessId) ?? DateTime.UtcNow);

    /// <summary>The text stored in a lock file.</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"pid {Pid}\nhost {Host}\nstarted {StartedUtc:O}\n");

    /// <summary>Reads <see cref="Format"/>'s text; null when it is not one (an empty or foreign file).</summary>
    public static LockOwner? Parse(string text)
    {
        var fields = text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        return fields.TryGetValue("pid", out var pid) && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var p)
            && fields.TryGetValue("host", out var host)
            && fields.TryGetValue("started", out var started)
            && DateTime.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var s)
            ? new LockOwner(p, host, s.ToUniversalTime())
            : null;
    }

    /// <summary>
    /// True when the owner may still be running: on another host we cannot tell, so it counts as alive; on this host
    /// the pid must exist and (when known) have started at the recorded time.
    /// </summary>
    public bool MayBeAlive() =>
        !string.Equals(Host, Environment.MachineName, StringComparison.Ordinal) || IsAlive(Pid, StartedUtc);

    /// <summary>True when process <paramref name="pid"/> runs (and, with <paramref name="startedUtc"/>, started then).</summary>
    /// <remarks>When the process exists but cannot be inspected, it counts as alive: deleting a live run's files is worse than leaving a stale one.</remarks>
    public static bool IsAlive(int pid, DateTime? startedUtc = null)
    {
        if (pid <= 0)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited)
            {
                return false;
            }

            // Start times are read from the same clock each time; 2 s absorbs the rounding of the recorded value.
            return startedUtc is null || Math.Abs((process.StartTime.ToUniversalTime() - startedUtc.Value).TotalSeconds) < 2;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return true;
        }
    }

    private static DateTime? StartTime(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.StartTime.ToUniversalTime();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }
}
