using Trajectories.Analysis.Study;

namespace Trajectories.Analysis.Publication;

/// <summary>
/// The disclosed tables of an analysis — the one published-results model. Every output of <c>analyze</c>
/// (results.json, the CSV and Parquet tables, the DataFrames) is rendered from these tables; the HTML report and the
/// console read the same disclosed <see cref="AnalysisResult"/> they are built from.
/// </summary>
/// <param name="Tables">The tables, in output order.</param>
public sealed record PublishedResults(IReadOnlyList<PublishedTable> Tables)
{
    /// <summary>Schema identifier of <c>results.json</c>; the major version changes when a field changes meaning or name.</summary>
    public const string Schema = "trajectories.analysis/2";

    /// <summary>The declarations of every table, in output order (available without data, e.g. for the JSON Schema).</summary>
    public static IReadOnlyList<TableDeclaration> Catalog { get; } =
    [
        ModelTables.Register.Declaration,
        ModelTables.Method.Declaration,
        ModelTables.Model.Declaration,
        ModelTables.Groups.Declaration,
        ModelTables.Parameters.Declaration,
        ModelTables.PosteriorMatrix.Declaration,
        ModelTables.MaxPosterior.Declaration,
        ModelTables.Trajectories.Declaration,
        ModelTables.SelectionRule.Declaration,
        ModelTables.Selection.Declaration,
        ComparisonTables.Profiles.Declaration,
        ComparisonTables.Lvb.Declaration,
        ComparisonTables.Victimisation.Declaration,
        ComparisonTables.Categories.Declaration,
        ComparisonTables.Recent.Declaration,
        ComparisonTables.Contrasts.Declaration,
        ComparisonTables.Paired.Declaration,
        ComparisonTables.Uncertainty.Declaration,
        ComparisonTables.UncertaintyTests.Declaration,
        ModelTables.Disclosure.Declaration,
        ModelTables.Notes.Declaration,
    ];

    /// <summary>The table named <paramref name="name"/>.</summary>
    public PublishedTable this[string name] =>
        Tables.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"no published table '{name}'.");

    /// <summary>Builds the tables from a (disclosed) analysis result.</summary>
    public static PublishedResults From(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var v = result.Victimisation;
        var means = v.Means.ToDictionary(m => m.Population, StringComparer.Ordinal);
        IEnumerable<(Comparisons.BinaryOutcome, Comparisons.PopulationRate)> Rows(IEnumerable<Comparisons.BinaryOutcome> outcomes) =>
            outcomes.SelectMany(o => o.Rates.Select(r => (o, r)));
        var tables = new[]
        {
            ModelTables.Register.Build([result]),
            ModelTables.Method.Build([result]),
            ModelTables.Model.Build([result]),
            ModelTables.Groups.Build(result.Model.Groups),
            ModelTables.Parameters.Build(result.Model.Coefficients),
            ModelTables.PosteriorMatrix.Build(result.Model.PosteriorMatrix),
            ModelTables.MaxPosterior.Build(result.Model.MaxPosterior),
            ModelTables.Trajectories.Build(result.Model.Trajectories),
            ModelTables.SelectionRule.Build([result.Selection]),
            ModelTables.Selection.Build(result.Selection.Rows),
            ComparisonTables.Profiles.Build(result.Profiles.Select(p => (p, result.Labels.Single(l => l.Group == p.Group)))),
            ComparisonTables.Lvb.Build(Rows(result.Lvb)),
            ComparisonTables.Victimisation.Build(v.Ever.Rates.Select(r => (v.Ever, r, means.GetValueOrDefault(r.Population)))),
            ComparisonTables.Categories.Build(Rows(v.Categories)),
            ComparisonTables.Recent.Build(Rows([v.Recent])),
            ComparisonTables.Contrasts.Build(ComparisonTables.ContrastRows(result)),
            ComparisonTables.Paired.Build(result.Lvb.Concat([v.Ever]).SelectMany(o => o.Paired.Select(p => (o, p)))),
            ComparisonTables.Uncertainty.Build(result.ClassificationUncertainty),
            ComparisonTables.UncertaintyTests.Build(result.ClassificationTests),
            ModelTables.Disclosure.Build([result]),
            ModelTables.Notes.Build(result.Notes),
        };
        return new PublishedResults(tables);
    }
}
