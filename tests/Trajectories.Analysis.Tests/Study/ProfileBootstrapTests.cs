using Trajectories.Analysis.Disclosure;
using Trajectories.Analysis.Study;
using Trajectories.Core.Families;
using Trajectories.Registers.Model;
using Trajectories.Registers.Synthetic;

namespace Trajectories.Analysis.Tests.Study;

/// <summary>
/// Bootstrap intervals of the model-based profile figures (<see cref="AnalysisOptions.BootstrapReplicates"/>) on the
/// 630-offender synthetic register: present exactly where the percentages are published, ordered, around the
/// estimate, withheld with the counts, the same on any number of threads, and said in the notes.
/// </summary>
public sealed class ProfileBootstrapTests
{
    private static readonly Lazy<InMemoryRegister> Register = new(() =>
    {
        var register = new InMemoryRegister();
        SyntheticRegisterGenerator.Generate(new GeneratorOptions { Offenders = 630, Seed = 2024 }, register);
        return register;
    });

    // One model (the study's choice on this register, frailty K = 4 cubic) keeps the bootstrap's refits the test's cost.
    private static AnalysisOptions Options(int threads, int replicates = 40) => new()
    {
        Families = [FrailtyFamily.Instance],
        Groups = [4],
        Orders = [3],
        Starts = 2,
        Seed = 5,
        Threads = threads,
        BootstrapReplicates = replicates,
    };

    [Fact]
    public void IntervalsStandWhereThePercentagesArePublishedAndHoldTheirEstimates()
    {
        var result = StudyAnalysis.Run(Register.Value, Options(2));
        var rows = result.ClassificationUncertainty;
        Assert.All(rows, u =>
        {
            Assert.Equal(u.WeightedPercent is not null, u.WeightedCiLow is not null && u.WeightedCiHigh is not null);
            Assert.Equal(u.BchPercent is not null, u.BchCiLow is not null && u.BchCiHigh is not null);
            Assert.True(u.WeightedCiLow is null || u.WeightedCiLow <= u.WeightedCiHigh, $"{u.Outcome} {u.Label}");
            Assert.True(u.BchCiLow is null || u.BchCiLow <= u.BchCiHigh, $"{u.Outcome} {u.Label}");
        });

        // Percentile intervals need not contain the estimate, but on this register nearly all do.
        var shown = rows.Where(u => u.WeightedPercent is not null).ToList();
        Assert.NotEmpty(shown);
        var inside = shown.Count(u => u.WeightedCiLow <= u.WeightedPercent && u.WeightedPercent <= u.WeightedCiHigh);
        Assert.True(inside >= 0.8 * shown.Count, $"{inside} of {shown.Count} weighted intervals hold their estimate");
        Assert.Contains(result.Notes, n => n.Contains("bootstrap percentile intervals over 40 case-resamples", StringComparison.Ordinal));
    }

    [Fact]
    public void IntervalsAreTheSameOnAnyNumberOfThreads()
    {
        var one = StudyAnalysis.Run(Register.Value, Options(1, 24)).ClassificationUncertainty;
        var two = StudyAnalysis.Run(Register.Value, Options(2, 24)).ClassificationUncertainty;
        Assert.Equal(one, two);
        Assert.Contains(one, u => u.WeightedCiLow is not null);
    }

    [Fact]
    public void IntervalsAreWithheldWithTheirCounts()
    {
        // Every count under 1 000 suppressed: no profile's percentage, and so no interval, can be published.
        var options = Options(2, 20) with { Disclosure = new DisclosureRule(5, RoundingMode.Nearest, 1000, 5) };
        var rows = StudyAnalysis.Run(Register.Value, options).ClassificationUncertainty;
        Assert.All(rows, u => Assert.Null(u.WeightedCiLow));
        Assert.All(rows, u => Assert.Null(u.BchCiHigh));
    }
}
