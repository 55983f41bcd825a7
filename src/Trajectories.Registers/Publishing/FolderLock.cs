using System.Text;

namespace Trajectories.Registers.Publishing;

/// <summary>
/// An exclusive claim on an output folder: the file <c>.NAME.lock</c> beside it, opened without sharing (an
/// advisory <c>flock</c> on Unix, a share lock on Windows) and holding the owner's pid, host and start time.
/// </summary>
/// <remarks>
/// WHY a held lock rather than only an exclusive create: the operating system drops the lock when its process dies,
/// however it dies, so a lock file left by a killed run is free to the next run without guessing. The owner text
/// is for people (and a second check where file locking is disabled, DOTNET_SYSTEM_IO_DISABLEFILELOCKING): a lock
/// naming a live process on this host is respected even when the file could be opened.
/// Release deletes the file while still holding it, so a waiting run never takes over a file about to vanish; a run
/// that nevertheless opened the vanished file notices (the path no longer shows its writes) and tries again.
/// </remarks>
public sealed class FolderLock : IDisposable
{
    private readonly object _gate = new();
    private FileStream? _stream;

    private FolderLock(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>Claims <paramref name="lockPath"/> for <paramref name="target"/>, or throws <see cref="PublishException"/> (<see cref="PublishFailure.Busy"/> when another run holds it).</summary>
    public static FolderLock Claim(string lockPath, string target)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            FileStream stream;
            try
            {
                // Unix: FileShare.None takes the flock. Windows: sharing nothing but Delete locks out other openers
                // while letting Dispose delete the file it still holds.
                stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, OperatingSystem.IsWindows() ? FileShare.Delete : FileShare.None);
            }
            catch (IOException e) when (FileSystemErrors.IsLockConflict(e))
            {
                throw Busy(target, lockPath, e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw FileSystemErrors.Wrap(e, target, $"cannot create the lock file {lockPath}");
            }

            try
            {
                if (Previous(stream) is { } owner && owner != LockOwner.Current && owner.MayBeAlive()
                    && string.Equals(owner.Host, Environment.MachineName, StringComparison.Ordinal))
                {
                    stream.Dispose();
                    throw Busy(target, lockPath, null);
                }

                Write(stream);
                if (IsAtPath(stream, lockPath))
                {
                    return new FolderLock(lockPath, stream);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stream.Dispose();
                throw FileSystemErrors.Wrap(e, target, $"cannot write the lock file {lockPath}");
            }

            // The file we locked was deleted by its releasing owner before we got the lock: try the path again.
            stream.Dispose();
        }

        throw Busy(target, lockPath, null);
    }

    /// <summary>Deletes the lock file, then lets go of it. Safe to call twice and from a signal handler.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stream is null)
            {
                return;
            }

            try
            {
                File.Delete(Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A lock file that cannot be deleted is released anyway when the handle closes; the next run takes it over.
            }

            _stream.Dispose();
            _stream = null;
        }
    }

    private static PublishException Busy(string target, string lockPath, Exception? inner) =>
        new(PublishFailure.Busy, target, $"another run is writing this folder (lock {lockPath}); wait for it to finish or choose another --out.", inner);

    private static LockOwner? Previous(FileStream stream)
    {
        if (stream.Length is 0 or > 4096)
        {
            return null;
        }

        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return LockOwner.Parse(Encoding.UTF8.GetString(bytes));
    }

    private static void Write(FileStream stream)
    {
        var bytes = Encoding.UTF8.GetBytes(LockOwner.Current.Format() + $"claim {Guid.NewGuid():N}\n");
        stream.SetLength(0);
        stream.Position = 0;
        stream.Write(bytes);
        stream.Flush(flushToDisk: false);
    }

    // Same length and modification time (nanosecond resolution on Linux) as our handle: the path still names our file.
    private static bool IsAtPath(FileStream stream, string path)
    {
        var info = new FileInfo(path);
        return info.Exists
            && info.Length == stream.Length
            && info.LastWriteTimeUtc == File.GetLastWriteTimeUtc(stream.SafeFileHandle);
    }
}
