using System.Text.Json;
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
        Assert.Equal("trajectories.analysis/1", root.GetProperty("schema").GetString());
        Assert.Equal("trajectories.model/1", root.GetProperty("model").GetProperty("schema").GetString());
        Assert.Equal(4, root.GetProperty("profiles").GetArrayLength());
        var lvbAny = root.GetProperty("lvb")[0];
        Assert.Equal("lvb_any", lvbAny.GetProperty("outcome").GetString());
        var offender = lvbAny.GetProperty("populations")[0];
        foreach (var name in new[] { "n", "n_lvb", "percent", "ratio_vs_noncriminal", "ci_low", "ci_high", "p_value", "test" })
        {
            Assert.True(offender.TryGetProperty(name, out _), name);
        }

        var victimisation = root.GetProperty("victimisation");
        Assert.Equal(7, victimisation.GetProperty("categories").GetArrayLength());
        Assert.Equal(JsonValueKind.Object, victimisation.GetProperty("recent_before_trafficking").ValueKind);
        Assert.True(root.GetProperty("disclosure").GetProperty("applied").GetBoolean());
        Assert.Equal(635, root.GetProperty("register").GetProperty("offenders").GetInt64());
        AssertCountsRounded(root);
        foreach (var table in AnalysisWriter.TableNames)
        {
            Assert.True(File.Exists(Path.Combine(_root, table + ".csv")), table);
            Assert.True(File.Exists(Path.Combine(_root, table + ".parquet")), table);
        }
    }

    [Fact]
    public void Without_disclosure_control_counts_are_exact_and_the_rule_says_so()
    {
        var result = Run(noDisclosure: true);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ResultsJson.Write(writer, result);
        }

        using var doc = JsonDocument.Parse(stream.ToArray());
        var root = doc.RootElement;
        Assert.Equal(633, root.GetProperty("register").GetProperty("offenders").GetInt64());
        Assert.False(root.GetProperty("disclosure").GetProperty("applied").GetBoolean());
        Assert.Contains("No disclosure control", root.GetProperty("disclosure").GetProperty("statement").GetString(), StringComparison.Ordinal);
    }

    private static AnalysisResult Run(bool noDisclosure) => StudyAnalysis.Run(
        Register.Value, new AnalysisOptions { Groups = [4], Orders = [2], Starts = 2, Seed = 5, NoDisclosureControl = noDisclosure });

    // Every property named like a count (n, n_*, pairs, offender_only, control_only, offenders …) is a multiple of 5 or null.
    private static void AssertCountsRounded(JsonElement element)
    {
        string[] countNames = ["n", "pairs", "offender_only", "control_only", "offenders", "criminal_controls", "noncriminal_controls", "panel_offenders", "modal_n", "expected_n"];
        var checkedAny = false;
        void Walk(JsonElement e, string? name)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    if (name is "model" or "selection")
                    {
                        return; // model statistics (n_persons, n_parameters) describe fits, not published counts
                    }

                    foreach (var p in e.EnumerateObject())
                    {
                        Walk(p.Value, p.Name);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item, name);
                    }

                    break;
                case JsonValueKind.Number when name is not null && (countNames.Contains(name) || name.StartsWith("n_", StringComparison.Ordinal)):
                    Assert.True(e.GetInt64() % 5 == 0, $"{name} = {e.GetInt64()}");
                    checkedAny = true;
                    break;
            }
        }

        Walk(element, null);
        Assert.True(checkedAny);
    }
}
