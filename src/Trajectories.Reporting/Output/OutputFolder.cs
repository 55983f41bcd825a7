using Trajectories.Registers.Publishing;

namespace Trajectories.Reporting.Output;

/// <summary>
/// A result folder written all-or-nothing: files go into a hidden staging sibling, and <see cref="Publish"/> moves
/// them into place only when the run succeeded. The folder is claimed for the run (a second run on it fails), a
/// previous result of the tool (marked by <see cref="OutputMarker.FileName"/>, unchanged) is replaced as a whole, and
/// nothing a user put anywhere is deleted; <see cref="StagedOutput"/> states the exact rules.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private readonly StagedOutput _output;

    private OutputFolder(StagedOutput output) => _output = output;

    /// <summary>The folder the results will appear in (the one asked for, or a sibling; see <see cref="Notice"/>).</summary>
    public string Target => _output.Target;

    /// <summary>The temporary folder being written.</summary>
    public string Staging => _output.Staging;

    /// <summary>Set when the results go to a sibling because the user changed a previous result folder; one line.</summary>
    public string? Notice => _output.Notice;

    /// <summary>Claims <paramref name="target"/> and creates the staging folder beside it.</summary>
    /// <exception cref="PublishException">The folder cannot be used (holds other files, is a file, is busy, cannot be created).</exception>
    public static OutputFolder Create(string target) => new(StagedOutput.Begin(target, OutputRules.Results));

    /// <summary>Path of a file inside the staging folder.</summary>
    public string PathOf(string fileName) => Path.Combine(Staging, fileName);

    /// <summary>Moves the finished results into place.</summary>
    /// <exception cref="PublishException">They could not be published; the message says where they are, if anywhere.</exception>
    public void Publish() => _output.Publish();

    /// <inheritdoc />
    public void Dispose() => _output.Dispose();
}
