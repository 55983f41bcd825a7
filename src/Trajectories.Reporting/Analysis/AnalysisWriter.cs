using Trajectories.Analysis.Publication;
using Trajectories.Analysis.Study;
using Trajectories.Reporting.Output;

namespace Trajectories.Reporting.Analysis;

/// <summary>
/// Writes everything <c>analyze</c> publishes except the report and figures: <c>results.json</c> and every
/// published table as CSV and Parquet, all rendered from one <see cref="PublishedResults"/>.
/// </summary>
/// <remarks>
/// WHY no posteriors: they are person-level microdata, which may not leave a secure environment under the disclosure
/// rule, and <see cref="AnalysisResult"/> does not hold them; <c>fit</c>/<c>select</c> write them for users who may.
/// </remarks>
public static class AnalysisWriter
{
    /// <summary>The table names written (each as .csv and .parquet).</summary>
    public static IReadOnlyList<string> TableNames { get; } = PublishedResults.Catalog.Select(t => t.Name).ToArray();

    /// <summary>
    /// Writes into <paramref name="folder"/> (created when missing). The CLI passes the staging folder of an
    /// <see cref="OutputFolder"/> so that a failed run leaves nothing behind.
    /// </summary>
    public static void Write(AnalysisResult result, string folder)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        var published = PublishedResults.From(result);
        ResultsJson.Write(Path.Combine(folder, "results.json"), published);
        foreach (var table in published.Tables)
        {
            TableWriter.WriteBoth(AnalysisTables.ToResultTable(table), folder, table.Name);
        }
    }
}
