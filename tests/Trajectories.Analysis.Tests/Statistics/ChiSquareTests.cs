using Trajectories.Analysis.Statistics;

namespace Trajectories.Analysis.Tests.Statistics;

public class ChiSquareTests
{
    [Fact]
    public void Three_by_two_ever_victim_table_matches_R()
    {
        // R: chisq.test(matrix(c(465, 375, 265, 165, 255, 365), 3), correct = FALSE) — the A2 "ever victim" counts.
        var r = ChiSquareTest.Pearson(new long[,] { { 465, 165 }, { 375, 255 }, { 265, 365 } });
        Close.Rel(131.16753609822175, r.Statistic);
        Close.Rel(3.291026913102569e-29, r.PValue);
        Assert.Equal(2.0, r.DegreesOfFreedom);
    }

    [Fact]
    public void Three_by_three_matches_R()
    {
        // R: chisq.test(matrix(c(12, 5, 7, 9, 20, 11, 4, 8, 15), 3), correct = FALSE)
        var r = ChiSquareTest.Pearson(new long[,] { { 12, 9, 4 }, { 5, 20, 8 }, { 7, 11, 15 } });
        Close.Rel(14.304260381593714, r.Statistic);
        Close.Rel(0.006384699049514074, r.PValue);
        Assert.Equal(4.0, r.DegreesOfFreedom);
    }

    [Fact]
    public void Yates_correction_matches_R_default()
    {
        // R: chisq.test(matrix(c(45, 20, 585, 610), 2))
        var r = ChiSquareTest.Pearson(new TwoByTwo(45, 585, 20, 610), yates: true);
        Close.Rel(9.3435468297392994, r.Statistic);
        Close.Rel(0.0022377201936059103, r.PValue);
        Assert.Contains("Yates", r.Method);
    }

    [Fact]
    public void Tiny_p_value_keeps_relative_precision()
    {
        // R: chisq.test(matrix(c(500, 100, 100, 500), 2), correct = FALSE)$p.value
        var r = ChiSquareTest.Pearson(new TwoByTwo(500, 100, 100, 500));
        Close.Rel(5.3182449538973566e-118, r.PValue, 1e-10);
    }

    [Fact]
    public void Zero_margin_is_dropped_and_noted()
    {
        var withEmpty = ChiSquareTest.Pearson(new long[,] { { 12, 0, 9, 4 }, { 5, 0, 20, 8 }, { 7, 0, 11, 15 } });
        Close.Rel(14.304260381593714, withEmpty.Statistic);
        Assert.Contains(withEmpty.Notes, n => n.Contains("dropped"));
    }
}
