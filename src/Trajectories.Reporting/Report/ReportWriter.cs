using System.Text;
using Trajectories.Analysis.Study;

namespace Trajectories.Reporting.Report;

/// <summary>Writes <c>report.html</c> and the figures (<c>figures/*.svg</c>) of an analysis into a folder.</summary>
public static class ReportWriter
{
    /// <summary>Writes the report and figures.</summary>
    public static void Write(AnalysisResult result, string folder)
    {
        ArgumentNullException.ThrowIfNull(result);
        var figures = StudyFigures.Render(result);
        var figureFolder = Directory.CreateDirectory(Path.Combine(folder, "figures")).FullName;
        foreach (var (file, svg) in figures)
        {
            File.WriteAllText(Path.Combine(figureFolder, file), svg, new UTF8Encoding(false));
        }

        File.WriteAllText(Path.Combine(folder, "report.html"), StudyReport.Render(result, figures), new UTF8Encoding(false));
    }
}
