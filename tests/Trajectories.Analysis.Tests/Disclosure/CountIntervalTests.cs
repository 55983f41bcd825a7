using FsCheck;
using FsCheck.Xunit;
using Trajectories.Analysis.Disclosure;

namespace Trajectories.Analysis.Tests.Disclosure;

public sealed class CountIntervalTests
{
    private static readonly DisclosureRule Study = new(5, RoundingMode.Nearest, 5);

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(5, 5, 7)]
    [InlineData(10, 8, 12)]
    [InlineData(630, 628, 632)]
    public void A_published_count_reveals_its_rounding_interval_without_the_suppressed_values(long published, long low, long high) =>
        Assert.Equal(new CountInterval(low, high), CountInterval.Of(new DisclosedCount(published, ""), Study));

    [Fact]
    public void A_suppressed_cell_is_one_to_threshold_minus_one_and_random_rounding_widens_the_interval()
    {
        Assert.Equal(new CountInterval(1, 4), CountInterval.Of(new DisclosedCount(null, "x"), Study));
        var random = new DisclosureRule(5, RoundingMode.UnbiasedRandom, 5);
        Assert.Equal(new CountInterval(6, 14), CountInterval.Of(new DisclosedCount(10, "10"), random));
        Assert.Equal(new CountInterval(0, 0), CountInterval.Of(new DisclosedCount(0, "0"), random));
    }

    [Property]
    public bool The_interval_of_a_published_count_contains_the_true_count(NonNegativeInt n, bool random, PositiveInt threshold, ulong seed)
    {
        var rule = new DisclosureRule(5, random ? RoundingMode.UnbiasedRandom : RoundingMode.Nearest, threshold.Get % 12, seed);
        var interval = CountInterval.Of(rule.Disclose(n.Get, "k"), rule);
        return interval.Low <= n.Get && n.Get <= interval.High;
    }

    [Fact]
    public void Propagation_pins_a_suppressed_part_when_the_total_is_exact()
    {
        // A total known exactly (10), one part known exactly (8) and a suppressed cell: the cell must be 2.
        var cells = new[] { CountInterval.Exact(10), CountInterval.Exact(8), new CountInterval(1, 4) };
        CountIntervals.Propagate(cells, [new CountIntervals.Relation(0, [1, 2], 0)]);
        Assert.Equal(CountInterval.Exact(2), cells[2]);
    }

    [Fact]
    public void Propagation_respects_the_remainder_bound()
    {
        var cells = new[] { CountInterval.Exact(10), CountInterval.Exact(8), new CountInterval(1, 4) };
        CountIntervals.Propagate(cells, [new CountIntervals.Relation(0, [1, 2], 3)]);
        Assert.Equal(new CountInterval(1, 2), cells[2]);
    }

    [Property]
    public bool Propagation_never_excludes_the_truth(PositiveInt[] parts, bool random)
    {
        var truth = parts.Take(6).Select(p => (long)(p.Get % 40)).ToArray();
        var rule = new DisclosureRule(5, random ? RoundingMode.UnbiasedRandom : RoundingMode.Nearest, 5, 3);
        var total = truth.Sum();
        var cells = new[] { total }.Concat(truth).Select((v, i) => CountInterval.Of(rule.Disclose(v, $"c{i}"), rule)).ToArray();
        CountIntervals.Propagate(cells, [new CountIntervals.Relation(0, Enumerable.Range(1, truth.Length).ToArray(), 0)]);
        return new[] { total }.Concat(truth).Select((v, i) => cells[i].Low <= v && v <= cells[i].High).All(x => x);
    }
}
