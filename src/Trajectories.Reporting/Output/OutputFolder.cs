namespace Trajectories.Reporting.Output;

/// <summary>
/// A result folder written all-or-nothing: files go into a hidden temporary sibling, and <see cref="Publish"/>
/// moves it into place only when the run succeeded. A folder that already holds files is never overwritten, so
/// nothing a user had is lost; disposing without publishing deletes the temporary folder.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private bool _published;

    private OutputFolder(string target, string staging)
    {
        Target = target;
        Staging = staging;
    }

    /// <summary>The folder the results will appear in.</summary>
    public string Target { get; }

    /// <summary>The temporary folder being written.</summary>
    public string Staging { get; }

    /// <summary>
    /// Checks that <paramref name="target"/> is absent or empty (else <see cref="OutputFolderException"/>) and creates
    /// the staging folder beside it.
    /// </summary>
    public static OutputFolder Create(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        var full = Path.GetFullPath(target);
        if (File.Exists(full))
        {
            throw new OutputFolderException($"{target}: is a file; expected a folder to write results into.");
        }

        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new OutputFolderException($"{target}: the folder exists and is not empty; choose a new folder or empty it first (results are never written over existing files).");
        }

        var parent = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar)) ?? ".";
        try
        {
            Directory.CreateDirectory(parent);
            var staging = Path.Combine(parent, $".{Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar))}.partial-{Guid.NewGuid():N}");
            Directory.CreateDirectory(staging);
            return new OutputFolder(full, staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException($"{target}: cannot create the output folder: {e.Message}", e);
        }
    }

    /// <summary>Path of a file inside the staging folder.</summary>
    public string PathOf(string fileName) => Path.Combine(Staging, fileName);

    /// <summary>Moves the finished results into place.</summary>
    public void Publish()
    {
        if (_published)
        {
            return;
        }

        // Re-check: another process may have filled the target while we computed.
        if (Directory.Exists(Target))
        {
            if (Directory.EnumerateFileSystemEntries(Target).Any())
            {
                throw new OutputFolderException($"{Target}: the folder was filled by something else while results were computed; nothing was written.");
            }

            Directory.Delete(Target);
        }

        Directory.Move(Staging, Target);
        _published = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_published && Directory.Exists(Staging))
        {
            try
            {
                Directory.Delete(Staging, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover hidden staging folder is harmless and never mistaken for results.
            }
        }
    }
}

/// <summary>The output folder cannot be used (exists with files, is a file, cannot be created). Exit code 2.</summary>
public sealed class OutputFolderException : Exception
{
    /// <summary>Creates the error.</summary>
    public OutputFolderException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
