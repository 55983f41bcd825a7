using System.Text;
using Trajectories.Analysis.Study;
using Trajectories.Reporting.Figures;

namespace Trajectories.Reporting.Report;

/// <summary>
/// Writes <c>report.html</c> and the figures of an analysis into a folder: every figure as its own SVG
/// (<c>figures/*.svg</c>, also inline in the report) and PNG (<see cref="PngRenderer"/>, when Chromium is installed).
/// </summary>
public static class ReportWriter
{
    /// <summary>Writes the report and figures; <paramref name="png"/> false skips the PNG copies.</summary>
    public static void Write(AnalysisResult result, string folder, bool png = true)
    {
        ArgumentNullException.ThrowIfNull(result);
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
