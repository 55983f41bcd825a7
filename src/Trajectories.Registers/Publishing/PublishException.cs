namespace Trajectories.Registers.Publishing;

/// <summary>Why results could not be published; the CLI maps every kind to exit 2.</summary>
public enum PublishFailure
{
    /// <summary>The path is empty, a root, or otherwise not a folder name.</summary>
    InvalidPath,

    /// <summary>The path names an existing file.</summary>
    NotAFolder,

    /// <summary>The folder holds files this tool did not write.</summary>
    NotEmpty,

    /// <summary>Another run is writing the same folder.</summary>
    Busy,

    /// <summary>Files were added or changed in the folder while the results were computed; they were kept.</summary>
    ChangedDuringRun,

    /// <summary>The disk or quota is full.</summary>
    NoSpace,

    /// <summary>Permission denied or a read-only file system.</summary>
    AccessDenied,

    /// <summary>A rename failed because the folder is a mount point or on another device.</summary>
    CannotRename,

    /// <summary>Any other file-system error.</summary>
    IoError,

    /// <summary>The run was interrupted (a signal) and its staging folder removed.</summary>
    Abandoned,
}

/// <summary>Results could not be published; <see cref="Exception.Message"/> is one line naming the path.</summary>
public sealed class PublishException : Exception
{
    /// <summary>Creates the error.</summary>
    public PublishException(PublishFailure kind, string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        Kind = kind;
        Path = path;
        Problem = problem;
    }

    /// <summary>What went wrong.</summary>
    public PublishFailure Kind { get; }

    /// <summary>The folder (as the user named it, or its full path).</summary>
    public string Path { get; }

    /// <summary>What is wrong with it, without the path.</summary>
    public string Problem { get; }
}
