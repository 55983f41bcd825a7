using System.Diagnostics;

namespace Trajectories.Testing;

/// <summary>
/// A small tmpfs mounted for a test (root on Linux only), unmounted on dispose: a real full disk and a real mount
/// point. Linked into the test projects that check publishing faults.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="size"/> (read-only if asked) at <paramref name="path"/>; null when not root or mount fails.</summary>
    public static SmallDisk? TryMount(string path, string size, bool readOnly = false)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return null;
        }

        Directory.CreateDirectory(path);
        if (Run("mount", "-t", "tmpfs", "-o", readOnly ? $"ro,size={size}" : $"size={size}", "tmpfs", path) == 0)
        {
            return new SmallDisk(path);
        }

        Directory.Delete(path);
        return null;
    }

    public void Dispose()
    {
        Run("umount", Path);
        Directory.Delete(Path, recursive: true);
    }

    private static int Run(string file, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
