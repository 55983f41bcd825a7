using Trajectories.Analysis.Study;
using Trajectories.Reporting.Fits;
using Trajectories.Reporting.Output;

namespace Trajectories.Reporting.Analysis;

/// <summary>
/// Writes everything <c>analyze</c> publishes except the report and figures: <c>results.json</c> and the tables
/// (CSV + Parquet) profiles, lvb, victimisation, categories, recent_victimisation, contrasts,
/// classification_uncertainty and selection.
/// </summary>
/// <remarks>
/// WHY no posteriors or trajectories tables here: posteriors are person-level microdata and the trajectory table
/// carries unrounded person counts per age, neither of which may leave a secure environment under the disclosure
/// rule; <c>fit</c>/<c>select</c> write them for users who may. The report's figures read the fit from the result.
/// </remarks>
public static class AnalysisWriter
{
    /// <summary>The table names written (each as .csv and .parquet).</summary>
    public static IReadOnlyList<string> TableNames { get; } =
        ["profiles", "lvb", "victimisation", "categories", "recent_victimisation", "contrasts", "classification_uncertainty", "selection"];

    /// <summary>
    /// Writes into <paramref name="folder"/> (created when missing). The CLI passes the staging folder of an
    /// <see cref="OutputFolder"/> so that a failed run leaves nothing behind.
    /// </summary>
    public static void Write(AnalysisResult result, string folder)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        ResultsJson.Write(Path.Combine(folder, "results.json"), result);
        TableWriter.WriteBoth(AnalysisTables.Profiles(result), folder, "profiles");
        TableWriter.WriteBoth(AnalysisTables.Rates(result.Lvb), folder, "lvb");
        TableWriter.WriteBoth(AnalysisTables.Victimisation(result), folder, "victimisation");
        TableWriter.WriteBoth(AnalysisTables.Rates(result.Victimisation.Categories), folder, "categories");
        TableWriter.WriteBoth(AnalysisTables.Rates([result.Victimisation.Recent]), folder, "recent_victimisation");
        TableWriter.WriteBoth(AnalysisTables.Contrasts(result), folder, "contrasts");
        TableWriter.WriteBoth(AnalysisTables.Uncertainty(result), folder, "classification_uncertainty");
        TableWriter.WriteBoth(SelectionTable.Build(result.Selection), folder, "selection");
    }
}
