using System.Diagnostics;
using Trajectories.Analysis.Comparisons;
using Trajectories.Analysis.Study;
using Trajectories.Registers.Model;
using Trajectories.Registers.Synthetic;
using Xunit.Abstractions;

namespace Trajectories.Analysis.Tests.Study;

/// <summary>
/// The one large-register check: 20 000 offenders (60 000 persons), a fixed 4-group cubic model with two starts.
/// At this size sampling error is small (SE of a 21 % share ≈ 0.3 points), so shares must be within 2 points of
/// the planted truth and at least 85 % of offenders modally assigned to their planted profile.
/// </summary>
public sealed class LargeRegisterTests(ITestOutputHelper output)
{
    [Fact]
    public void Recovers_the_planted_profiles_on_a_large_register()
    {
        var register = new InMemoryRegister();
        SyntheticRegisterGenerator.Generate(new GeneratorOptions { Offenders = 20_000, Seed = 99 }, register);
        var watch = Stopwatch.StartNew();
        var run = StudyAnalysis.RunWithMicrodata(register, new AnalysisOptions { Groups = [4], Orders = [3], Starts = 2, Seed = 1, NoDisclosureControl = true });
        var result = run.Published;
        output.WriteLine($"analysis of 20 000 offenders: {watch.Elapsed.TotalSeconds:0.0} s");

        var truth = register.Truth.ToDictionary(t => t.PersonId, t => Codes.Of(t.Profile), StringComparer.Ordinal);
        var post = run.Fit.Posteriors;
        var labelOf = result.Labels.ToDictionary(l => l.Group, l => l.Label);
        var correct = Enumerable.Range(0, post.Count).Count(i => labelOf[post.ModalGroup(i)] == truth[post.PersonIds[i]]);
        var accuracy = (double)correct / post.Count;
        output.WriteLine($"modal assignment to the planted profile: {100 * accuracy:0.0} %");
        Assert.True(accuracy >= 0.85, $"accuracy {accuracy:0.000}");

        foreach (var p in result.Profiles)
        {
            var planted = truth.Values.Count(v => v == p.Label) / (double)truth.Count;
            output.WriteLine($"{p.Label}: share {100 * p.Share:0.0} % (planted {100 * planted:0.0} %), cases {100 * p.CaseShare:0.0} %");
            Assert.InRange(p.Share!.Value, planted - 0.02, planted + 0.02);
        }

        var lvb = result.Lvb[0].Rates;
        foreach (var r in lvb)
        {
            output.WriteLine($"LVB {r.Population}: {r.Percent:0.00} % ratio {r.VsNoncriminal?.Ratio:0.00}");
        }

        foreach (var r in result.Victimisation.Ever.Rates)
        {
            output.WriteLine($"ever victim {r.Population}: {r.Percent:0.0} %");
        }

        var hasLvb = register.Lvb.Select(r => r.PersonId).ToHashSet(StringComparer.Ordinal);
        foreach (var u in result.ClassificationUncertainty.Where(u => u.Outcome == "lvb_any"))
        {
            var planted = truth.Where(t => t.Value == u.Label).ToArray();
            var truePercent = 100.0 * planted.Count(t => hasLvb.Contains(t.Key)) / planted.Length;
            output.WriteLine($"LVB % {u.Label}: planted profile {truePercent:0.00}, modal {u.ModalPercent:0.00}, weighted {u.WeightedPercent:0.00}, BCH {u.BchPercent:0.00}");
        }

        output.WriteLine($"recent victim offenders: {result.Victimisation.Recent.Rates[0].Percent:0.0} %");
        Assert.InRange(lvb.Single(r => r.Population == PopulationNames.Offender).VsNoncriminal!.Ratio!.Value, 3.6 * 0.85, 3.6 * 1.15);
        Assert.InRange(result.Victimisation.Ever.Rates.Single(r => r.Population == PopulationNames.Offender).Percent!.Value, 72, 76);
    }
}
