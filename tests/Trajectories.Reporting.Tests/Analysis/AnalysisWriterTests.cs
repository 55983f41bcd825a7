using System.Text.Json;
using Trajectories.Analysis.Publication;
using Trajectories.Analysis.Study;
using Trajectories.Registers.Model;
using Trajectories.Registers.Synthetic;
using Trajectories.Reporting.Analysis;

namespace Trajectories.Reporting.Tests.Analysis;

/// <summary>
/// results.json and the tables of a small, fast analysis (633 offenders, so counts are not multiples of 5 before
/// rounding; one 4-group model, few starts).
/// </summary>
public sealed class AnalysisWriterTests : IDisposable
{
    private static readonly Lazy<InMemoryRegister> Register = new(() =>
    {
        var register = new InMemoryRegister();
        SyntheticRegisterGenerator.Generate(new GeneratorOptions { Offenders = 633, Seed = 11 }, register);
        return register;
    });

    private readonly string _root = Directory.CreateTempSubdirectory("traj-analysis-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Writes_valid_json_without_nan_and_every_table()
    {
        var result = Run(noDisclosure: false);
        AnalysisWriter.Write(result, _root);
        var text = File.ReadAllText(Path.Combine(_root, "results.json"));
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        Assert.Equal("trajectories.analysis/2", root.GetProperty("schema").GetString());
        Assert.Equal("trajectories.model/1", root.GetProperty("model").GetProperty("schema").GetString());
        Assert.Equal(4, root.GetProperty("model").GetProperty("groups").GetArrayLength());
        Assert.Equal(4, root.GetProperty("profiles").GetArrayLength());
        var offender = root.GetProperty("lvb").EnumerateArray().First(r => r.GetProperty("outcome").GetString() == "lvb_any");
        foreach (var name in new[] { "n", "n_lvb", "percent", "ratio_vs_noncriminal", "ci_low", "ci_high", "p_value", "test" })
        {
            Assert.True(offender.TryGetProperty(name, out _), name);
        }

        var victimisation = root.GetProperty("victimisation");
        Assert.Equal(7, victimisation.GetProperty("categories").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()).Distinct().Count());
        Assert.Equal(JsonValueKind.Array, victimisation.GetProperty("recent_before_trafficking").ValueKind);
        Assert.True(root.GetProperty("disclosure").GetProperty("applied").GetBoolean());
        Assert.Equal(635, root.GetProperty("register").GetProperty("offenders").GetInt64());
        Assert.Equal(JsonValueKind.True, root.GetProperty("selection").GetProperty("rows")[0].GetProperty("converged").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("model").GetProperty("orders").ValueKind);
        foreach (var table in AnalysisWriter.TableNames)
        {
            Assert.True(File.Exists(Path.Combine(_root, table + ".csv")), table);
            Assert.True(File.Exists(Path.Combine(_root, table + ".parquet")), table);
        }
    }

    [Fact]
    public void Every_count_everywhere_is_rounded_and_json_and_csv_name_the_same_columns()
    {
        var result = Run(noDisclosure: false);
        AnalysisWriter.Write(result, _root);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "results.json")));
        var counts = 0;
        foreach (var table in PublishedResults.Catalog)
        {
            var node = table.JsonPath.Aggregate(doc.RootElement, (e, step) => e.GetProperty(step));
            var rows = table.SingleRow ? [node] : node.EnumerateArray().ToArray();
            foreach (var row in rows)
            {
                Assert.Equal(
                    table.Columns.Select(c => c.Name),
                    row.EnumerateObject().Select(p => p.Name).Where(n => table.Columns.Any(c => c.Name == n)));
                foreach (var column in table.Columns.Where(c => c.Role == ColumnRole.Count))
                {
                    var value = row.GetProperty(column.Name);
                    if (value.ValueKind == JsonValueKind.Number)
                    {
                        Assert.True(value.GetInt64() % 5 == 0, $"{table.Name}.{column.Name} = {value.GetInt64()}");
                        counts++;
                    }
                }
            }

            var header = File.ReadLines(Path.Combine(_root, table.Name + ".csv")).First();
            Assert.Equal(string.Join(',', table.Columns.Select(c => c.Name)), header);
        }

        Assert.True(counts > 100, $"only {counts} counts checked");
    }

    [Fact]
    public void Without_disclosure_control_counts_are_exact_and_the_rule_says_so()
    {
        var result = Run(noDisclosure: true);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ResultsJson.Write(writer, PublishedResults.From(result));
        }

        using var doc = JsonDocument.Parse(stream.ToArray());
        var root = doc.RootElement;
        Assert.Equal(633, root.GetProperty("register").GetProperty("offenders").GetInt64());
        Assert.False(root.GetProperty("disclosure").GetProperty("applied").GetBoolean());
        Assert.Contains("No disclosure control", root.GetProperty("disclosure").GetProperty("statement").GetString(), StringComparison.Ordinal);
    }

    private static AnalysisResult Run(bool noDisclosure) => StudyAnalysis.Run(
        Register.Value, new AnalysisOptions { Groups = [4], Orders = [2], Starts = 2, Seed = 5, NoDisclosureControl = noDisclosure });
}
