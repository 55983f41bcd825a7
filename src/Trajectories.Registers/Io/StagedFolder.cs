using Trajectories.Registers.Publishing;

namespace Trajectories.Registers.Io;

/// <summary>
/// An output folder written in a hidden sibling and moved into place only on <see cref="Publish"/>, so a failed or
/// abandoned write leaves nothing behind and a reader never sees half a register.
/// </summary>
/// <remarks>
/// The target is checked before anything is written: a folder that exists and is not empty is refused, unless
/// <c>overwrite</c> is set and the folder is itself a register as written by Trajectories (a <c>register.json</c>
/// and table files, nothing else); a folder holding anything else is never replaced. The parent folder is created
/// when missing. Claiming, staging and the final swap are <see cref="StagedOutput"/>'s: a second writer of the same
/// folder is refused while the first runs, a killed writer's leftovers are cleaned by the next, and files added to
/// the folder during the write are kept (the register then goes to a sibling and Publish throws).
/// </remarks>
internal sealed class StagedFolder : IDisposable
{
    private readonly StagedOutput _output;

    public StagedFolder(string target, bool overwrite)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            throw new InputException($"\"{target}\"", null, null, "the output folder name is empty.");
        }

        // "out/" must name the folder "out", not an empty name inside it.
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        if (File.Exists(full))
        {
            throw new InputException(target, null, null, "the output path is an existing file; expected a new or empty folder.");
        }

        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            if (!overwrite)
            {
                throw new InputException(target, null, null, "the output folder exists and is not empty; choose a new folder (nothing was written).");
            }

            if (!IsWrittenRegister(full))
            {
                throw new InputException(target, null, null, "the output folder holds files that are not a register's (register.json and table files); refusing to replace it (nothing was written).");
            }
        }

        if (Path.GetDirectoryName(full) is null)
        {
            throw new InputException(target, null, null, "cannot write to a root folder.");
        }

        // The claim (a lock a second run respects), stale-leftover cleanup, staging and the final swap are shared
        // with the result folders; a register carries no marker, so only overwrite can make a folder replaceable.
        try
        {
            _output = StagedOutput.Begin(target, new OutputRules(WriteMarker: false, DivertWhenChanged: false, overwrite ? IsWrittenRegister : _ => false));
        }
        catch (PublishException e)
        {
            // RegisterWriter.Create promises InputException for a folder it cannot use, before anything is written.
            throw new InputException(target, null, null, e.Problem, e);
        }
    }

    /// <summary>The hidden folder to write into.</summary>
    public string Staging => _output.Staging;

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
    /// <exception cref="PublishException">It could not be (see <see cref="StagedOutput.Publish"/>).</exception>
    public void Publish() => _output.Publish();

    /// <summary>Deletes the staged folder unless it was published, and releases the claim.</summary>
    public void Dispose() => _output.Dispose();
}
