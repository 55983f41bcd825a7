namespace Trajectories.Registers.Publishing;

/// <summary>
/// Cleans what a killed run left beside an output folder. Called only while holding the folder's lock, so no live
/// run of this tool can be writing there; each leftover is touched only when the pid in its name is gone.
/// </summary>
public static class StaleLeftovers
{
    /// <summary>
    /// Deletes stale staging folders; puts a stale replaced folder back when the output folder is missing (the run
    /// died between its two renames), or deletes it when it is still exactly the tool's output
    /// (<paramref name="isReplaceable"/>). Returns the number of folders handled.
    /// </summary>
    public static int Clean(OutputPaths paths, Func<string, bool> isReplaceable)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(isReplaceable);
        var handled = 0;
        foreach (var (path, kind, pid) in paths.Leftovers().ToList())
        {
            if (pid is { } p && LockOwner.IsAlive(p))
            {
                continue;
            }

            try
            {
                if (kind == LeftoverKind.Staging)
                {
                    Directory.Delete(path, recursive: true);
                }
                else if (!Directory.Exists(paths.Full) && !File.Exists(paths.Full))
                {
                    Directory.Move(path, paths.Full);
                }
                else if (isReplaceable(path))
                {
                    Directory.Delete(path, recursive: true);
                }
                else
                {
                    continue;
                }

                handled++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover that cannot be removed now stays hidden and harmless; the next run tries again.
            }
        }

        return handled;
    }
}
