using System.Text.Json;
using System.Text.Json.Nodes;
using Trajectories.Analysis.Disclosure;
using Trajectories.Analysis.Publication;
using Trajectories.Analysis.Study;
using Trajectories.Core.Families;
using Trajectories.Registers.Io;
using Trajectories.Registers.Model;
using Trajectories.Registers.Synthetic;
using Trajectories.Reporting.Analysis;
using Trajectories.Testing;
using Xunit.Abstractions;

namespace Trajectories.Reporting.Tests.Disclosure;

/// <summary>
/// The <see cref="ResultsAttacker"/> against real results.json files: the shipped sample register and fresh
/// synthetic registers, with nearest and unbiased random rounding. One model per register (K = 4) keeps it fast; the
/// disclosure path does not depend on the grid (the sample register gets K = 3–5, so the selection table is attacked
/// too; one fresh register is fitted with ZIP). A control run shows the attacker does find a planted leak.
/// </summary>
public sealed class DisclosureAttackTests(ITestOutputHelper output)
{
    private static readonly Lazy<InMemoryRegister> Sample = new(() => RegisterReader.Load(Path.Combine(RepositoryPaths.Root, "sample-registers", "study")));

    public static TheoryData<string, int, RoundingMode, string> Registers => new()
    {
        { "sample", 0, RoundingMode.Nearest, "poisson" },
        { "sample", 0, RoundingMode.UnbiasedRandom, "poisson" },
        { "fresh", 7, RoundingMode.Nearest, "poisson" },
        { "fresh", 8, RoundingMode.UnbiasedRandom, "poisson" },
        { "fresh", 9, RoundingMode.Nearest, "poisson" },
        { "fresh", 21, RoundingMode.UnbiasedRandom, "zip" },
    };

    [Theory]
    [MemberData(nameof(Registers))]
    public void The_published_results_cannot_be_undone(string register, int seed, RoundingMode mode, string family)
    {
        var data = register == "sample" ? Sample.Value : Fresh(seed);
        var rule = new DisclosureRule(5, mode, 5, seed: 12345);
        // The sample register gets a small grid, so that the selection table's statistics are attacked too.
        var attack = new ResultsAttacker(Json(data, rule, register == "sample" ? [3, 4, 5] : [4], FamilyCatalog.Find(family))).Run();
        output.WriteLine($"{register} {seed} {mode} {family}: {attack.Attempts} attempts, {attack.SuppressedCells} suppressed cells in the partitions");
        foreach (var finding in attack.Findings)
        {
            output.WriteLine(finding);
        }

        Assert.Empty(attack.Findings);
        Assert.True(attack.Attempts > 300, $"only {attack.Attempts} attempts");
        if (register == "sample")
        {
            Assert.True(attack.SuppressedCells > 0, "the sample report has small cells; the attack must have met some");
        }
    }

    [Fact]
    public void The_attacker_finds_a_percentage_from_unrounded_counts()
    {
        // Control: plant the old behaviour (a percentage from the unrounded counts beside rounded counts) and check
        // that the attack recovers the count, so that the test above can fail.
        var data = Fresh(7);
        var published = JsonNode.Parse(Json(data, DisclosureRule.Default).GetRawText())!;
        var raw = JsonNode.Parse(Json(data, DisclosureRule.None).GetRawText())!;
        var leaked = 0;
        var rows = published["lvb"]!.AsArray();
        for (var i = 0; i < rows.Count; i++)
        {
            var truth = raw["lvb"]!.AsArray()[i]!;
            if (truth["n_lvb"]!.GetValue<long>() % 5 != 0 && rows[i]!["n_lvb"] is not null)
            {
                rows[i]!["percent"] = truth["percent"]!.GetValue<double>();
                leaked++;
            }
        }

        Assert.True(leaked > 0);
        using var doc = JsonDocument.Parse(published.ToJsonString());
        var attack = new ResultsAttacker(doc.RootElement.Clone()).Run();
        Assert.Contains(attack.Findings, f => f.Contains("percent numerator is pinned", StringComparison.Ordinal));
    }

    [Fact]
    public void A_published_figure_beside_a_suppressed_count_is_found()
    {
        var data = Fresh(7);
        var published = JsonNode.Parse(Json(data, DisclosureRule.Default).GetRawText())!;
        var row = published["victimisation"]!["categories"]!.AsArray().First(r => r!["n_events"] is null)!;
        row["percent"] = 1.5;
        using var doc = JsonDocument.Parse(published.ToJsonString());
        var attack = new ResultsAttacker(doc.RootElement.Clone()).Run();
        Assert.Contains(attack.Findings, f => f.Contains("suppressed", StringComparison.Ordinal));
    }

    private static InMemoryRegister Fresh(int seed)
    {
        var register = new InMemoryRegister();
        SyntheticRegisterGenerator.Generate(new GeneratorOptions { Offenders = 630, Seed = (ulong)seed }, register);
        return register;
    }

    private static JsonElement Json(InMemoryRegister register, DisclosureRule rule, int[]? groups = null, ITrajectoryFamily? family = null)
    {
        var options = new AnalysisOptions { Groups = groups ?? [4], Orders = [3], Starts = 2, Seed = 1, Disclosure = rule, NoDisclosureControl = !rule.IsApplied };
        var result = StudyAnalysis.Run(register, family is null ? options : options with { Families = [family], InflationOrder = family.Name == "zip" ? 0 : -1 });
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ResultsJson.Write(writer, PublishedResults.From(result));
        }

        using var doc = JsonDocument.Parse(stream.ToArray());
        return doc.RootElement.Clone();
    }
}
