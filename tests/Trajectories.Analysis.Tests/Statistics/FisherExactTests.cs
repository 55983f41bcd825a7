using Trajectories.Analysis.Statistics;

namespace Trajectories.Analysis.Tests.Statistics;

public class FisherExactTests
{
    [Fact]
    public void Symmetric_table_counts_equally_likely_tables_with_tolerance()
    {
        // R: fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value — tables 3 and 1 have equal probability; both count.
        Close.Rel(0.48571428571428582, FisherExact.PValue(new TwoByTwo(3, 1, 1, 3)));
    }

    [Fact]
    public void Small_table_matches_R_p_estimate_and_interval()
    {
        // R: f <- fisher.test(matrix(c(10, 3, 2, 15), 2)); f$p.value; f$estimate; f$conf.int
        var r = FisherExact.Test(new TwoByTwo(10, 2, 3, 15));
        Close.Rel(0.00053672411914343593, r.PValue);
        // fisher.test solves the conditional MLE and bounds with uniroot(tol ≈ 1.2e-4) (est 21.30533, ci 2.75344 –
        // 300.683), so its digits past ~1e-3 are noise. reference/references.R re-solves the same equations with
        // tol = 1e-13 ("tight"); we match those, and R's loose values to 5e-3.
        Close.Rel(21.305317556750339, r.Estimate!.Value, 1e-8);
        Close.Rel(2.7533827882493225, r.Ci!.Low, 1e-8);
        Close.Rel(301.46233797151672, r.Ci.High, 1e-8);
        Close.Rel(300.6827874193978118, r.Ci.High, 5e-3);
        Assert.Equal("Fisher's exact test (two-sided)", r.Method);
    }

    [Fact]
    public void Zero_cell_gives_zero_lower_bound()
    {
        // R: f <- fisher.test(matrix(c(0, 5, 10, 5), 2)); f$p.value; f$conf.int
        var r = FisherExact.Test(new TwoByTwo(0, 10, 5, 5));
        Close.Rel(0.032507739938080538, r.PValue);
        Assert.Equal(0.0, r.Estimate);
        Assert.Equal(0.0, r.Ci!.Low);
        Close.Rel(0.83654284250200173, r.Ci.High, 1e-3);
    }

    [Fact]
    public void Study_sized_table_matches_R()
    {
        // R: fisher.test(matrix(c(45, 20, 585, 610), 2))$p.value
        Close.Rel(0.0020174020225332979, FisherExact.PValue(new TwoByTwo(45, 585, 20, 610)));
    }

    [Fact]
    public void Million_scale_margins_do_not_overflow()
    {
        // R: fisher.test(matrix(c(60000, 50000, 940000, 950000), 2))$p.value
        // ln Γ at 2e6 is ≈ 2.7e7, so its ~1e-16 relative error is ~1e-9 absolute in log-probabilities; the tail sum of
        // ~1e4 terms keeps that, so agreement to 1e-6 relative is the honest expectation here.
        var p = FisherExact.PValue(new TwoByTwo(60000, 940000, 50000, 950000));
        Close.Rel(1.9191617409341652e-211, p, 1e-6);
    }

    [Fact]
    public void P_value_is_one_for_independent_table()
    {
        Assert.Equal(1.0, FisherExact.PValue(new TwoByTwo(5, 5, 5, 5)), 12);
    }

    [Fact]
    public void Large_table_estimate_and_interval_match_R()
    {
        // R: f <- fisher.test(matrix(c(6000, 5000, 94000, 95000), 2)); f$p.value; f$estimate; f$conf.int
        // R's uniroot stops within ~1.2e-4 of the root (in ψ near 1), hence 1e-4 relative on estimate and bounds.
        var r = FisherExact.Test(new TwoByTwo(6000, 94000, 5000, 95000));
        Close.Rel(1.0749278198069553e-22, r.PValue, 1e-7);
        Close.Rel(1.2127624326335105, r.Estimate!.Value, 1e-4);
        Close.Rel(1.1666609092986722, r.Ci!.Low, 1e-4);
        Close.Rel(1.2607503671415168, r.Ci.High, 1e-4);
    }
}
