namespace Trajectories.Registers.Publishing;

/// <summary>How a <see cref="StagedOutput"/> treats an existing folder.</summary>
/// <param name="WriteMarker">Write <see cref="OutputMarker"/> into the results, so the next run may replace them.</param>
/// <param name="DivertWhenChanged">
/// When the folder carries a marker but the user added or changed files, write to the first free sibling
/// <c>NAME-2</c>, <c>NAME-3</c>, … (and say so) instead of refusing.
/// </param>
/// <param name="IsReplaceable">True for an existing folder that may be replaced as a whole (the tool's own, unchanged).</param>
public sealed record OutputRules(bool WriteMarker, bool DivertWhenChanged, Func<string, bool> IsReplaceable)
{
    /// <summary>Result folders of fit, select and analyze: marked, replaceable when unchanged, else diverted.</summary>
    public static OutputRules Results { get; } = new(WriteMarker: true, DivertWhenChanged: true, OutputMarker.IsUnchanged);
}
