using System.Text.Json;
using Trajectories.Testing;

namespace Trajectories.Cli.Tests;

/// <summary>model.json of every family and option block (exposure, zero inflation, RISK, TCOV) validates against the
/// committed JSON Schema docs/schema/trajectories.model.v1.schema.json.</summary>
public sealed class ModelSchemaTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string Reference(string name) =>
        Path.Combine(Paths.Root, "tests", "Trajectories.Core.Tests", "reference", "families", name + ".csv");

    public static TheoryData<string[]> Fits => new()
    {
        new[] { "poisson", Reference("risk_k3_o2"), "-k", "2" },
        new[] { "zip", Path.Combine(Paths.Root, "..", "shared", "peer-data", "toronto", "to1.csv"), "-k", "2", "--order", "2", "--family", "zip", "--exposure", Path.Combine(Paths.Root, "..", "shared", "peer-data", "toronto", "to1risk.csv") },
        new[] { "nb", Reference("nb_k2_o2"), "-k", "2", "--family", "nb" },
        new[] { "frailty", Reference("frailty_k2_o2"), "-k", "2", "--family", "frailty" },
        new[] { "logit", Reference("logit_k2_o2"), "-k", "2", "--family", "logit" },
        new[] { "cnorm", Reference("cnorm_k2_o2"), "-k", "2", "--family", "cnorm", "--min", "0", "--max", "10" },
        new[] { "risk", Reference("risk_k3_o2"), "-k", "3", "--risk", Reference("risk_k3_o2_risk") },
        new[] { "tcov", Reference("tcov_k2_o2"), "-k", "2", "--tcov", Reference("tcov_k2_o2_tcov") },
    };

    [Theory]
    [MemberData(nameof(Fits))]
    public void Model_json_validates_against_the_committed_schema(string[] run)
    {
        if (!File.Exists(run[1]))
        {
            // The peer data lives beside the checkout (../shared); without it there is nothing to fit here.
            Assert.Equal("zip", run[0]);
            return;
        }

        var outDir = _tmp.Sub(run[0]);
        var (code, _, stderr) = CliRunner.Run(["fit", run[1], .. run[2..], "--starts", "3", "--out", outDir]);
        Assert.True(code == 0, stderr);
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(Paths.Root, "docs", "schema", "trajectories.model.v1.schema.json")));
        using var model = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "model.json")));
        Assert.Empty(JsonSchemaCheck.Validate(schema.RootElement, model.RootElement));
    }
}
