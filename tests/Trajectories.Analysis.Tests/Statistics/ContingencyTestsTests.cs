using Trajectories.Analysis.Statistics;

namespace Trajectories.Analysis.Tests.Statistics;

public class ContingencyTestsTests
{
    [Fact]
    public void Large_expected_counts_use_chi_square()
    {
        var r = ContingencyTests.Independence(new TwoByTwo(45, 585, 20, 610));
        Assert.Equal("Pearson's chi-square test", r.Method);
        Assert.Contains(r.Notes, n => n.Contains("≥ 5"));
    }

    [Fact]
    public void Small_expected_count_in_two_by_two_uses_Fisher()
    {
        // Human-trafficking victimisation: 2 % of 465 vs 0 of 375 — expected counts far below 5.
        var r = ContingencyTests.Independence(new TwoByTwo(9, 456, 0, 375));
        Assert.StartsWith("Fisher's exact", r.Method);
        Close.Rel(FisherExact.PValue(new TwoByTwo(9, 456, 0, 375)), r.PValue, 0);
    }

    [Fact]
    public void Small_expected_in_r_by_c_uses_exact_FFH_as_R()
    {
        // R: fisher.test(matrix(c(3, 1, 0, 1, 4, 1, 0, 2, 5), 3))$p.value (FEXACT network algorithm)
        var table = new long[,] { { 3, 1, 0 }, { 1, 4, 2 }, { 0, 1, 5 } };
        var r = ContingencyTests.Independence(table);
        Assert.Equal("Fisher–Freeman–Halton exact test", r.Method);
        Close.Rel(0.024677773207185005, r.PValue);
    }

    [Fact]
    public void Exact_FFH_matches_R_on_profile_shaped_tables()
    {
        // R: fisher.test(matrix(c(5, 2, 1, 0, 120, 150, 95, 60), 4))$p.value — four profiles by a rare outcome.
        Close.Rel(0.28297001168211872, FisherFreemanHaltonExact.TryTest(new long[,] { { 5, 120 }, { 2, 150 }, { 1, 95 }, { 0, 60 } })!.PValue);
        // R: fisher.test(matrix(c(2, 7, 3, 1, 0, 6), 2))$p.value
        Close.Rel(0.057275541795665096, FisherFreemanHaltonExact.TryTest(new long[,] { { 2, 3, 0 }, { 7, 1, 6 } })!.PValue);
    }

    [Fact]
    public void Exact_FFH_gives_up_beyond_the_cap_and_Monte_Carlo_agrees_with_it()
    {
        var table = new long[,] { { 3, 1, 0 }, { 1, 4, 2 }, { 0, 1, 5 } };
        Assert.Null(FisherFreemanHaltonExact.TryTest(table, maxTables: 3));
        var mc = FisherFreemanHalton.MonteCarlo(table, seed: 7, replicates: 20_000);
        // Monte-Carlo SE at p ≈ 0.025 with B = 20 000 is ≈ 0.0011; allow 4 SE around R's exact value.
        Close.Abs(0.024677773207185005, mc.PValue, 0.0045);
    }

    [Fact]
    public void Monte_Carlo_is_reproducible_for_a_seed_and_varies_with_it()
    {
        var table = new long[,] { { 3, 1, 0 }, { 1, 4, 2 }, { 0, 1, 5 } };
        var a = FisherFreemanHalton.MonteCarlo(table, seed: 11, replicates: 2000);
        var b = FisherFreemanHalton.MonteCarlo(table, seed: 11, replicates: 2000);
        var c = FisherFreemanHalton.MonteCarlo(table, seed: 12, replicates: 2000);
        Assert.Equal(a.PValue, b.PValue);
        Assert.NotEqual(a.PValue, c.PValue);
    }

    [Fact]
    public void Constant_margin_gives_no_test()
    {
        var r = ContingencyTests.Independence(new long[,] { { 0, 10 }, { 0, 12 } });
        Assert.Equal(1.0, r.PValue);
        Assert.StartsWith("No test", r.Method);
    }

    [Fact]
    public void Proportions_across_groups_builds_the_k_by_2_table()
    {
        // Same counts as R: chisq.test(matrix(c(465, 375, 265, 165, 255, 365), 3), correct = FALSE)
        var r = ContingencyTests.Proportions([465, 375, 265], [630, 630, 630]);
        Close.Rel(131.16753609822175, r.Statistic);
        Close.Rel(3.291026913102569e-29, r.PValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => ContingencyTests.Proportions([5, 700], [630, 630]));
    }

    [Fact]
    public void Large_sparse_table_falls_back_to_Monte_Carlo()
    {
        // Three cohorts of 630 by four categories, one category nearly empty: far too many tables to enumerate.
        var table = new long[,] { { 1, 200, 200, 229 }, { 0, 210, 190, 230 }, { 2, 180, 220, 228 } };
        var r = ContingencyTests.Independence(table, seed: 3, replicates: 2000);
        Assert.Equal("Fisher–Freeman–Halton exact test (Monte Carlo)", r.Method);
        Assert.Contains(r.Notes, n => n.Contains("seed 3"));
        Assert.InRange(r.PValue, 0.0, 1.0);
    }

    [Fact]
    public void Monte_Carlo_handles_million_person_margins()
    {
        // Chained hypergeometric dealing costs O(r·c·σ) per table, not O(N); 500 tables of 3 × 10⁶ persons.
        var table = new long[,] { { 1, 300_000, 699_999 }, { 4, 310_000, 689_996 }, { 2, 290_000, 709_998 } };
        var r = FisherFreemanHalton.MonteCarlo(table, seed: 9, replicates: 500);
        Assert.InRange(r.PValue, 1.0 / 501, 1.0);
    }
}
