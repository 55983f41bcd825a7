using System.Collections.Concurrent;

namespace Trajectories.Registers.Publishing;

/// <summary>
/// An output folder claimed for one run and written all-or-nothing: results go into a hidden staging sibling and
/// <see cref="Publish"/> renames them into place. Nothing the user put anywhere is ever deleted.
/// </summary>
/// <remarks>
/// The rules, in order (see also <see cref="OutputRules"/>):
/// <list type="number">
/// <item>The folder is claimed with <see cref="FolderLock"/>; a second run on the same folder fails with
/// <see cref="PublishFailure.Busy"/>. Holding the lock, stale leftovers of killed runs are cleaned
/// (<see cref="StaleLeftovers"/>).</item>
/// <item>An absent or empty folder, or one the rules may replace, is the destination. A folder of the tool's that
/// the user changed is diverted to a free sibling when the rules allow it (<see cref="Notice"/> says so); any other
/// non-empty folder, or a file, is refused before anything is computed.</item>
/// <item>Publish looks again: absent → rename staging in; empty → remove it (only if still empty) and rename; the
/// tool's own → rename it aside, check it once more, rename staging in, delete the old one. If the folder gained
/// files meanwhile, they are kept, the results are renamed to a free sibling and <see cref="PublishFailure.ChangedDuringRun"/>
/// is thrown naming it, so a run never reports success without its results where they were asked for.</item>
/// <item>Dispose, and <see cref="AbandonAll"/> from a signal handler, delete an unpublished staging folder and the lock.</item>
/// </list>
/// </remarks>
public sealed class StagedOutput : IDisposable
{
    private static readonly ConcurrentDictionary<StagedOutput, byte> Active = new();
    private static readonly AsyncLocal<StagedOutput?> Latest = new();
    private readonly object _gate = new();
    private readonly OutputRules _rules;
    private OutputPaths _paths;
    private FolderLock? _lock;
    private bool _published;
    private bool _abandoned;

    private StagedOutput(string requested, OutputPaths paths, FolderLock folderLock, OutputRules rules, string? notice)
    {
        Requested = requested;
        _paths = paths;
        _lock = folderLock;
        _rules = rules;
        Notice = notice;
        Staging = paths.NewStaging();
    }

    /// <summary>The folder that was asked for (full path).</summary>
    public string Requested { get; }

    /// <summary>The folder the results are (or will be) in: <see cref="Requested"/>, or a sibling when diverted.</summary>
    public string Target => _paths.Full;

    /// <summary>The hidden staging folder to write into.</summary>
    public string Staging { get; }

    /// <summary>Set when the results go to a sibling because the user changed the requested folder; one line.</summary>
    public string? Notice { get; }

    /// <summary>
    /// The folder of the unfinished output most recently begun on this thread or async flow, or null. Lets an
    /// exception filter name the folder a failed write was for (filters run before the output is disposed).
    /// </summary>
    public static string? CurrentTarget => Latest.Value is { _published: false, _abandoned: false } output ? output.Target : null;

    /// <summary>Claims <paramref name="target"/> and creates the staging folder (see the class remarks).</summary>
    /// <exception cref="PublishException">The folder cannot be used; nothing was written.</exception>
    public static StagedOutput Begin(string target, OutputRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (string.IsNullOrWhiteSpace(target))
        {
            throw new PublishException(PublishFailure.InvalidPath, $"\"{target}\"", "the output folder name is empty.");
        }

        string full;
        try
        {
            full = Path.GetFullPath(target);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new PublishException(PublishFailure.InvalidPath, target, "not a valid folder name.", e);
        }

        var paths = OutputPaths.Of(full) ?? throw new PublishException(PublishFailure.InvalidPath, target, "cannot write results into a root folder.");
        if (File.Exists(paths.Full))
        {
            throw new PublishException(PublishFailure.NotAFolder, target, "is a file; expected a folder to write results into.");
        }

        try
        {
            Directory.CreateDirectory(paths.Parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw FileSystemErrors.Wrap(e, target, $"cannot create the parent folder {paths.Parent}");
        }

        var (destination, folderLock) = Claim(target, paths, rules);
        var notice = destination == paths ? null
            : $"{paths.Full} holds files that were added or changed since this tool wrote it; they are kept, and the results go to {destination.Full}.";
        var output = new StagedOutput(paths.Full, destination, folderLock, rules, notice);
        try
        {
            Directory.CreateDirectory(output.Staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            folderLock.Dispose();
            throw FileSystemErrors.Wrap(e, target, "cannot create the staging folder");
        }

        Active[output] = 0;
        Latest.Value = output;
        return output;
    }

    /// <summary>Deletes the staging folders and locks of every unpublished output of this process (for signal handlers).</summary>
    public static void AbandonAll()
    {
        foreach (var output in Active.Keys)
        {
            output.Abandon();
        }
    }

    /// <summary>Moves the finished results into place (see the class remarks).</summary>
    /// <exception cref="PublishException">They could not be; the message says where they are, if anywhere.</exception>
    public void Publish()
    {
        lock (_gate)
        {
            if (_published)
            {
                return;
            }

            if (_abandoned)
            {
                throw new PublishException(PublishFailure.Abandoned, Target, "the run was interrupted; nothing was published.");
            }

            try
            {
                if (_rules.WriteMarker)
                {
                    OutputMarker.Write(Staging);
                }

                _published = MoveIntoPlace();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw FileSystemErrors.Wrap(e, Target, "cannot publish the results");
            }

            if (!_published)
            {
                Divert();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => Abandon();

    private static (OutputPaths Destination, FolderLock Lock) Claim(string target, OutputPaths paths, OutputRules rules)
    {
        var folderLock = FolderLock.Claim(paths.Lock, target);
        try
        {
            StaleLeftovers.Clean(paths, rules.IsReplaceable);
            switch (State(paths.Full, rules))
            {
                case FolderState.Absent or FolderState.Empty or FolderState.Replaceable:
                    return (paths, folderLock);
                case FolderState.NotAFolder:
                    throw new PublishException(PublishFailure.NotAFolder, target, "is a file; expected a folder to write results into.");
                case FolderState.Changed when rules.DivertWhenChanged:
                    var sibling = FreeSibling(paths, rules) ?? throw new PublishException(PublishFailure.NotEmpty, target, "the folder and its numbered siblings all hold other files; choose a new folder (nothing was written).");
                    folderLock.Dispose();
                    return sibling;
                default:
                    throw new PublishException(PublishFailure.NotEmpty, target, "the folder is not empty and holds files this tool did not write; choose a new folder or empty it (nothing was written).");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            folderLock.Dispose();
            throw FileSystemErrors.Wrap(e, target, "cannot inspect the output folder");
        }
        catch
        {
            folderLock.Dispose();
            throw;
        }
    }

    // The first NAME-n (n ≥ 2) that is absent, empty or replaceable and not claimed by another run; its lock is held.
    private static (OutputPaths, FolderLock)? FreeSibling(OutputPaths paths, OutputRules rules)
    {
        for (var n = 2; n < 1000; n++)
        {
            var sibling = paths.Sibling(n);
            FolderLock siblingLock;
            try
            {
                siblingLock = FolderLock.Claim(sibling.Lock, sibling.Full);
            }
            catch (PublishException e) when (e.Kind == PublishFailure.Busy)
            {
                continue;
            }

            StaleLeftovers.Clean(sibling, rules.IsReplaceable);
            if (State(sibling.Full, rules) is FolderState.Absent or FolderState.Empty or FolderState.Replaceable)
            {
                return (sibling, siblingLock);
            }

            siblingLock.Dispose();
        }

        return null;
    }

    private static FolderState State(string folder, OutputRules rules)
    {
        if (File.Exists(folder))
        {
            return FolderState.NotAFolder;
        }

        if (!Directory.Exists(folder))
        {
            return FolderState.Absent;
        }

        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            return FolderState.Empty;
        }

        if (rules.IsReplaceable(folder))
        {
            return FolderState.Replaceable;
        }

        return OutputMarker.IsPresent(folder) ? FolderState.Changed : FolderState.Foreign;
    }

    // True when the results are in place; false when the folder gained other files (they are kept).
    private bool MoveIntoPlace()
    {
        var target = Target;
        switch (State(target, _rules))
        {
            case FolderState.Absent:
                return TryRename(Staging, target);
            case FolderState.Empty:
                try
                {
                    // Non-recursive: fails, and keeps them, if files arrived since the check.
                    Directory.Delete(target);
                }
                catch (IOException) when (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
                {
                    return false;
                }

                return TryRename(Staging, target);
            case FolderState.Replaceable:
                var old = _paths.NewOld();
                Directory.Move(target, old);
                if (!_rules.IsReplaceable(old))
                {
                    // Changed between the check and the rename: put the user's folder back untouched.
                    Directory.Move(old, target);
                    return false;
                }

                try
                {
                    Directory.Move(Staging, target);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Directory.Move(old, target);
                    throw;
                }

                DeleteQuietly(old);
                return true;
            default:
                return false;
        }
    }

    // A rename onto a path that appeared meanwhile fails; the caller then treats the folder as changed.
    private static bool TryRename(string from, string to)
    {
        try
        {
            Directory.Move(from, to);
            return true;
        }
        catch (IOException) when (Directory.Exists(to) || File.Exists(to))
        {
            return false;
        }
    }

    // The destination gained files during the run: keep them, move the results to a free sibling, and fail.
    private void Divert()
    {
        var asked = Target;
        for (var tries = 0; tries < 3; tries++)
        {
            if (FreeSibling(_paths, _rules) is not var (sibling, siblingLock))
            {
                break;
            }

            // From here the sibling is this run's folder: its lock is held instead of the first one.
            _lock?.Dispose();
            _lock = siblingLock;
            _paths = sibling;
            try
            {
                _published = MoveIntoPlace();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw FileSystemErrors.Wrap(e, asked, $"files were added there during the run (they are kept) and the results could not be moved to {Target}");
            }

            if (_published)
            {
                throw new PublishException(PublishFailure.ChangedDuringRun, asked, $"files were added or changed there while the results were computed; they are kept, and the results were written to {Target} instead.");
            }
        }

        throw new PublishException(PublishFailure.ChangedDuringRun, asked, "files were added or changed there while the results were computed; they are kept, no free sibling folder was found, and the results were discarded.");
    }

    private void Abandon()
    {
        lock (_gate)
        {
            if (!_published)
            {
                _abandoned = true;
                DeleteQuietly(Staging);
            }

            _lock?.Dispose();
            _lock = null;
            Active.TryRemove(this, out _);
        }
    }

    private static void DeleteQuietly(string folder)
    {
        // Retried because a writer thread may still be creating files while a signal handler deletes.
        for (var attempt = 0; attempt < 3 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover is hidden, named after its pid, and removed by the next run on this folder.
            }
        }
    }

    private enum FolderState
    {
        Absent,
        Empty,
        Replaceable,
        Changed,
        Foreign,
        NotAFolder,
    }
}
