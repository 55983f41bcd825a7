using Trajectories.Analysis.Statistics;

namespace Trajectories.Analysis.Tests.Statistics;

public class BinomialTestsTests
{
    [Fact]
    public void Asymmetric_null_matches_R()
    {
        // R: b <- binom.test(7, 20, 0.2); b$p.value; b$conf.int
        var r = BinomialTests.Exact(7, 20, 0.2);
        Close.Rel(0.098221728613468728, r.PValue);
        Close.Rel(0.15390920478454115, r.Ci!.Low, 1e-9);
        Close.Rel(0.59218853453282816, r.Ci.High, 1e-9);
        Assert.Equal(0.35, r.Estimate);
    }

    [Fact]
    public void Lower_tail_case_matches_R()
    {
        // R: b <- binom.test(3, 30); b$p.value; b$conf.int
        var r = BinomialTests.Exact(3, 30);
        Close.Rel(8.4303319454193217e-06, r.PValue);
        Close.Rel(0.02111713702972258, r.Ci!.Low, 1e-9);
        Close.Rel(0.26528845047420813, r.Ci.High, 1e-9);
    }

    [Fact]
    public void Upper_side_with_other_null_matches_R()
    {
        // R: binom.test(26, 40, 0.3)$p.value
        Close.Rel(5.7404822603568151e-06, BinomialTests.TwoSidedP(26, 40, 0.3));
    }

    [Fact]
    public void Zero_successes_interval_starts_at_zero()
    {
        // R: binom.test(0, 12)$conf.int
        var ci = BinomialTests.ClopperPearson(0, 12);
        Assert.Equal(0.0, ci.Low);
        Close.Rel(0.26464846939705111, ci.High, 1e-9);
    }

    [Fact]
    public void Wilson_matches_prop_test_without_correction()
    {
        // R: prop.test(45, 630, correct = FALSE)$conf.int
        var ci = ProportionIntervals.Wilson(45, 630);
        Close.Rel(0.053809023102302157, ci.Low, 1e-9);
        Close.Rel(0.094242918774918430, ci.High, 1e-9);
        // R: prop.test(0, 50, correct = FALSE)$conf.int
        var zero = ProportionIntervals.Wilson(0, 50);
        Assert.Equal(0.0, zero.Low);
        Close.Rel(0.071347599133358683, zero.High, 1e-9);
    }

    [Fact]
    public void Million_trials_keep_tiny_p_value_precise()
    {
        // R: binom.test(510000, 1e6)$p.value
        Close.Rel(5.5443632876992246e-89, BinomialTests.TwoSidedP(510_000, 1_000_000, 0.5), 1e-6);
    }

    [Fact]
    public void Clopper_Pearson_at_the_edges_of_a_million_trials()
    {
        // R: binom.test(1, 1e6)$conf.int; binom.test(999999, 1e6)$conf.int
        var low = BinomialTests.ClopperPearson(1, 1_000_000);
        Close.Rel(2.5317807663794211e-08, low.Low, 1e-6);
        Close.Rel(5.5716306551722366e-06, low.High, 1e-8);
        var high = BinomialTests.ClopperPearson(999_999, 1_000_000);
        Close.Rel(0.99999442836934482, high.Low, 1e-12);
        Close.Rel(0.99999997468219237, high.High, 1e-12);
    }
}
