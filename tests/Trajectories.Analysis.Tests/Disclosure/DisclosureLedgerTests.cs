using Trajectories.Analysis.Disclosure;

namespace Trajectories.Analysis.Tests.Disclosure;

public sealed class DisclosureLedgerTests
{
    [Fact]
    public void One_key_is_one_published_value_even_under_random_rounding()
    {
        var ledger = new DisclosureLedger(new DisclosureRule(5, RoundingMode.UnbiasedRandom, 5, seed: 9));
        var first = ledger.Count(227, "all/incidental/n");
        Assert.All(Enumerable.Range(0, 20), _ => Assert.Equal(first, ledger.Count(227, "all/incidental/n")));
    }

    [Fact]
    public void A_key_reused_for_another_count_is_a_bug_that_throws()
    {
        var ledger = new DisclosureLedger(DisclosureRule.Default);
        ledger.Count(12, "all/offender/lvb_any");
        Assert.Throws<InvalidOperationException>(() => ledger.Count(13, "all/offender/lvb_any"));
    }

    [Fact]
    public void Secondary_suppression_withholds_a_part_when_the_total_would_pin_a_small_cell()
    {
        // Without rounding (base 1) the total and the other parts are exact, so the small cell (3) would be their
        // difference: the smallest other part is withheld as well.
        var rule = new DisclosureRule(1, RoundingMode.Nearest, 5);
        var ledger = new DisclosureLedger(rule);
        var parts = ledger.Partition("total", 63, [("a", 50), ("b", 10), ("c", 3)], 0);
        Assert.Null(parts[2].Value);
        Assert.Null(parts[1].Value);
        Assert.Equal(50, parts[0].Value);
        Assert.Equal(1, ledger.PrimarySuppressions);
        Assert.Equal(1, ledger.SecondarySuppressions);
    }

    [Fact]
    public void No_secondary_suppression_when_rounding_already_hides_the_cell()
    {
        var ledger = new DisclosureLedger(new DisclosureRule(5, RoundingMode.Nearest, 5));
        var parts = ledger.Partition("total", 233, [("a", 120), ("b", 110), ("c", 3)], 0);
        Assert.Equal([120L, 110L], parts.Take(2).Select(p => p.Value!.Value));
        Assert.Null(parts[2].Value);
        Assert.Equal(0, ledger.SecondarySuppressions);
    }

    [Fact]
    public void After_partition_no_suppressed_cell_is_determined()
    {
        var rule = new DisclosureRule(5, RoundingMode.Nearest, 5);
        for (var a = 0; a < 40; a++)
        {
            for (var c = 1; c < 5; c++)
            {
                var ledger = new DisclosureLedger(rule);
                var raw = new long[] { a, 17, c };
                var parts = ledger.Partition("t", raw.Sum(), [("a", raw[0]), ("b", raw[1]), ("c", raw[2])], 0);
                var cells = new[] { ledger.Count(raw.Sum(), "t") }.Concat(parts).Select(p => CountInterval.Of(p, rule)).ToArray();
                CountIntervals.Propagate(cells, [new CountIntervals.Relation(0, [1, 2, 3], 0)]);
                Assert.All(Enumerable.Range(1, 3), i => Assert.False(parts[i - 1].IsSuppressed && cells[i].IsExact, $"a={a} c={c}: part {i} determined"));
            }
        }
    }
}
