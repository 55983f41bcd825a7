using Trajectories.Analysis.Statistics;

namespace Trajectories.Analysis.Tests.Statistics;

public class RatioMeasuresTests
{
    [Fact]
    public void Katz_interval_matches_formula_in_R()
    {
        // R: rr <- (45/630)/(20/630); se <- sqrt(1/45 - 1/630 + 1/20 - 1/630); exp(log(rr) + c(-1, 1) * qnorm(0.975) * se)
        var rr = RatioMeasures.RiskRatio(TwoByTwo.FromProportions(45, 630, 20, 630));
        Assert.Equal(2.25, rr.Estimate, 12);
        Close.Rel(1.3443520807146812, rr.Ci.Low, 1e-12);
        Close.Rel(3.7657545762183715, rr.Ci.High, 1e-12);
        Assert.Empty(rr.Notes);
    }

    [Fact]
    public void Zero_events_use_Haldane_for_interval_only()
    {
        // R: se0 <- sqrt(1/0.5 - 1/631 + 1/20.5 - 1/631); exp(log((0.5/631)/(20.5/631)) + c(-1, 1) * qnorm(0.975) * se0)
        var rr = RatioMeasures.RiskRatio(TwoByTwo.FromProportions(0, 630, 20, 630));
        Assert.Equal(0.0, rr.Estimate);
        Close.Rel(0.0014783809920399862, rr.Ci.Low, 1e-12);
        Close.Rel(0.4023888299589106210, rr.Ci.High, 1e-12);
        Assert.Contains(rr.Notes, n => n.Contains("0.5"));
    }

    [Fact]
    public void Woolf_interval_matches_formula_in_R()
    {
        // R: seor <- sqrt(1/45 + 1/585 + 1/20 + 1/610); exp(log(45*610/(585*20)) + c(-1, 1) * qnorm(0.975) * seor)
        var or = RatioMeasures.OddsRatio(new TwoByTwo(45, 585, 20, 610));
        Close.Rel(45.0 * 610 / (585 * 20), or.Estimate, 1e-14);
        Close.Rel(1.3688621002820651, or.Ci.Low, 1e-12);
        Close.Rel(4.0211777860518243, or.Ci.High, 1e-12);
    }

    [Fact]
    public void Two_proportion_comparison_bundles_rates_ratio_and_chosen_test()
    {
        var c = TwoProportionComparison.Compute(45, 630, 20, 630);
        Assert.Equal(2.25, c.RiskRatio.Estimate, 12);
        Assert.Equal(100.0 * 45 / 630, c.Rate1.Percent, 12);
        Assert.Equal("Pearson's chi-square test", c.Test.Method);
        Assert.True(c.Test.PValue < 0.01);
    }
}
