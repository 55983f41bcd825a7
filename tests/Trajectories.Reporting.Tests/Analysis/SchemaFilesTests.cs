using System.Text.Json;
using Trajectories.Analysis.Publication;
using Trajectories.Analysis.Study;
using Trajectories.Registers.Io;
using Trajectories.Reporting.Analysis;
using Trajectories.Testing;

namespace Trajectories.Reporting.Tests.Analysis;

/// <summary>
/// The committed JSON Schema and table reference in docs/ are what the code declares (TRAJ_UPDATE_DOCS=1 rewrites
/// them), and real outputs validate against the committed schemas.
/// </summary>
public sealed class SchemaFilesTests
{
    private static readonly string Docs = Path.Combine(RepositoryPaths.Root, "docs");
    private static readonly string AnalysisSchema = Path.Combine(Docs, "schema", "trajectories.analysis.v2.schema.json");
    private static readonly string TablesDoc = Path.Combine(Docs, "results.md");

    [Fact]
    public void Committed_schema_and_reference_match_the_declarations()
    {
        if (Environment.GetEnvironmentVariable("TRAJ_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(AnalysisSchema)!);
            File.WriteAllText(AnalysisSchema, ResultsSchema.Json());
            File.WriteAllText(TablesDoc, ResultsSchema.Markdown());
        }

        Assert.Equal(ResultsSchema.Json(), File.ReadAllText(AnalysisSchema));
        Assert.Equal(ResultsSchema.Markdown(), File.ReadAllText(TablesDoc));
    }

    [Fact]
    public void Results_of_the_sample_register_validate_against_the_committed_schema()
    {
        var register = RegisterReader.Load(Path.Combine(RepositoryPaths.Root, "sample-registers", "study"));
        foreach (var options in new[] { new AnalysisOptions { Groups = [4], Orders = [3], Starts = 2 }, new AnalysisOptions { Groups = [3], Orders = [2], Starts = 2, NoDisclosureControl = true } })
        {
            var result = StudyAnalysis.Run(register, options);
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                ResultsJson.Write(writer, PublishedResults.From(result));
            }

            using var document = JsonDocument.Parse(stream.ToArray());
            using var schema = JsonDocument.Parse(File.ReadAllText(AnalysisSchema));
            Assert.Empty(JsonSchemaCheck.Validate(schema.RootElement, document.RootElement));
        }
    }

    [Fact]
    public void The_check_rejects_a_wrong_type_and_a_missing_field()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(AnalysisSchema));
        using var bad = JsonDocument.Parse("""{"schema": "trajectories.analysis/2", "register": {"name": 3}}""");
        var errors = JsonSchemaCheck.Validate(schema.RootElement, bad.RootElement);
        Assert.Contains(errors, e => e.StartsWith("$.register.name: Number is not string", StringComparison.Ordinal));
        Assert.Contains(errors, e => e == "$: missing model");
    }
}
