namespace Trajectories.Registers.Publishing;

/// <summary>
/// Classifies file-system exceptions by their error code (never by message text) so that a full disk, a permission
/// problem or a failed cross-device rename become a one-line <see cref="PublishException"/> instead of a stack trace.
/// </summary>
public static class FileSystemErrors
{
    // On Unix .NET puts the raw errno into HResult; on Windows it is 0x8007xxxx with the Win32 code.
    private const int Enospc = 28;
    private const int Edquot = 122;
    private const int Exdev = 18;
    private const int Ebusy = 16;
    private const int Erofs = 30;
    private const int Eagain = 11;
    private const int EagainBsd = 35;
    private const int WinDiskFull = unchecked((int)0x80070070);
    private const int WinHandleDiskFull = unchecked((int)0x80070027);
    private const int WinNotSameDevice = unchecked((int)0x80070011);
    private const int WinSharingViolation = unchecked((int)0x80070020);
    private const int WinLockViolation = unchecked((int)0x80070021);

    /// <summary>The failure kind of <paramref name="e"/>, or null when it is not a file-system error.</summary>
    public static PublishFailure? Classify(Exception e) => e switch
    {
        UnauthorizedAccessException => PublishFailure.AccessDenied,
        IOException io when io.HResult is Enospc or Edquot or WinDiskFull or WinHandleDiskFull => PublishFailure.NoSpace,
        IOException io when io.HResult is Erofs => PublishFailure.AccessDenied,
        IOException io when io.HResult is Exdev or Ebusy or WinNotSameDevice => PublishFailure.CannotRename,
        IOException => PublishFailure.IoError,
        _ => null,
    };

    /// <summary>True when opening a file failed because another process holds its lock.</summary>
    public static bool IsLockConflict(IOException e) =>
        e.HResult is Eagain or EagainBsd or WinSharingViolation or WinLockViolation;

    /// <summary>Wraps a file-system exception about <paramref name="path"/> into a one-line <see cref="PublishException"/>.</summary>
    public static PublishException Wrap(Exception e, string path, string doing)
    {
        var kind = Classify(e) ?? PublishFailure.IoError;
        var why = kind switch
        {
            PublishFailure.NoSpace => "no space left on the device",
            PublishFailure.AccessDenied => "permission denied (or a read-only file system)",
            PublishFailure.CannotRename => "a rename failed (the folder is a mount point or on another device; choose a folder inside it)",
            _ => OneLine(e.Message),
        };
        return new PublishException(kind, path, $"{doing}: {why}; nothing was published.", e);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim().TrimEnd('.');
}
