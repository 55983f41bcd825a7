namespace Trajectories.Registers.Io;

/// <summary>
/// An output folder written in a hidden sibling and moved into place only on <see cref="Publish"/>, so a failed or
/// abandoned write leaves nothing behind and a reader never sees half a register.
/// </summary>
/// <remarks>
/// The target is checked before anything is written: a folder that exists and is not empty is refused, unless
/// <c>overwrite</c> is set and the folder is itself a register as written by Trajectories (a <c>register.json</c>
/// and table files, nothing else); a folder holding anything else is never replaced. The parent folder is created
/// when missing.
/// </remarks>
internal sealed class StagedFolder : IDisposable
{
    private readonly string _target;
    private bool _published;

    public StagedFolder(string target, bool overwrite)
    {
        // "out/" must name the folder "out", not an empty name inside it.
        _target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        if (File.Exists(_target))
        {
            throw new InputException(target, null, null, "the output path is an existing file; expected a new or empty folder.");
        }

        if (Directory.Exists(_target) && Directory.EnumerateFileSystemEntries(_target).Any())
        {
            if (!overwrite)
            {
                throw new InputException(target, null, null, "the output folder exists and is not empty; choose a new folder (nothing was written).");
            }

            if (!IsWrittenRegister(_target))
            {
                throw new InputException(target, null, null, "the output folder holds files that are not a register's (register.json and table files); refusing to replace it (nothing was written).");
            }
        }

        var parent = Path.GetDirectoryName(_target) ?? throw new InputException(target, null, null, "cannot write to a root folder.");
        Staging = Path.Combine(parent, $".{Path.GetFileName(_target)}.partial-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(Staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An output folder that cannot be created is bad input (exit 2), not a crash.
            throw new InputException(target, null, null, $"cannot create the output folder: {e.Message}", e);
        }
    }

    /// <summary>The hidden folder to write into.</summary>
    public string Staging { get; }

    /// <summary>
    /// True when <paramref name="folder"/> holds only <c>register.json</c> and table files (<c>NAME.csv</c> or
    /// <c>NAME.parquet</c>) and no sub-folders: the only kind of folder <c>overwrite</c> may replace.
    /// </summary>
    public static bool IsWrittenRegister(string folder)
    {
        if (!File.Exists(Path.Combine(folder, RegisterMetadataJson.FileName)) || Directory.EnumerateDirectories(folder).Any())
        {
            return false;
        }

        var allowed = new HashSet<string>(StringComparer.Ordinal) { RegisterMetadataJson.FileName };
        foreach (var table in RegisterTables.All)
        {
            foreach (var format in Enum.GetValues<RegisterFormat>())
            {
                allowed.Add(RegisterTables.Name(table) + RegisterFormats.Extension(format));
            }
        }

        return Directory.EnumerateFiles(folder).All(f => allowed.Contains(Path.GetFileName(f)));
    }

    /// <summary>Moves the staged folder into place, replacing an empty or (with overwrite) a previous register.</summary>
    public void Publish()
    {
        if (Directory.Exists(_target))
        {
            // Move the old folder aside first so the target is never missing both versions' data at once.
            var old = Path.Combine(Path.GetDirectoryName(_target)!, $".{Path.GetFileName(_target)}.old-{Guid.NewGuid():N}");
            Directory.Move(_target, old);
            Directory.Move(Staging, _target);
            Directory.Delete(old, recursive: true);
        }
        else
        {
            Directory.Move(Staging, _target);
        }

        _published = true;
    }

    /// <summary>Deletes the staged folder unless it was published.</summary>
    public void Dispose()
    {
        if (!_published && Directory.Exists(Staging))
        {
            Directory.Delete(Staging, recursive: true);
        }
    }
}
