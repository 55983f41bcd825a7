using System.Text;
using Trajectories.Analysis.Study;
using Trajectories.Reporting.Analysis;
using Trajectories.Reporting.Figures;
using Trajectories.Reporting.Output;

namespace Trajectories.Reporting.Report;

/// <summary>
/// Writes the full report of an analysis — <c>report.html</c>, every figure as its own SVG (<c>figures/*.svg</c>, also
/// inline in the report) and PNG (<see cref="PngRenderer"/>, when Chromium is installed), <c>results.json</c> and every
/// published table — as <c>analyze</c> does.
/// </summary>
public static class ReportWriter
{
    /// <summary>
    /// Publishes the full report into <paramref name="folder"/> through <see cref="OutputFolder"/>: all-or-nothing,
    /// refusing a non-empty folder that is not an unchanged earlier result of the tool, replacing one that is.
    /// Returns the folder the report is in (a sibling such as <c>NAME-2</c> when the user had changed files in
    /// an earlier result there; those are kept). <paramref name="png"/> false skips the PNG copies.
    /// </summary>
    /// <exception cref="Registers.Publishing.PublishException">The folder cannot be used; nothing was written there.</exception>
    public static string Write(AnalysisResult result, string folder, bool png = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var output = OutputFolder.Create(folder);
        WriteFiles(result, output.Staging, png);
        output.Publish();
        return output.Target;
    }

    /// <summary>
    /// Writes the report files into <paramref name="folder"/> as they are, with no claim or publishing: for a caller
    /// that manages its own <see cref="OutputFolder"/> (pass its staging folder). <paramref name="png"/> false skips
    /// the PNG copies of the figures.
    /// </summary>
    public static void WriteFiles(AnalysisResult result, string folder, bool png = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        AnalysisWriter.Write(result, folder);
        var figures = StudyFigures.Render(result);
        var figureFolder = Directory.CreateDirectory(Path.Combine(folder, "figures")).FullName;
        foreach (var (file, svg) in figures)
        {
            File.WriteAllText(Path.Combine(figureFolder, file), svg, new UTF8Encoding(false));
        }

        var note = png ? PngRenderer.Render(figureFolder).Note : "PNG copies of the figures were not asked for.";
        File.WriteAllText(Path.Combine(folder, "report.html"), StudyReport.Render(result, figures, note), new UTF8Encoding(false));
    }
}
