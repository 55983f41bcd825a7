using Trajectories.Analysis.Statistics;

namespace Trajectories.Analysis.Tests.Statistics;

public class MatchedPairsTests
{
    [Fact]
    public void Many_discordant_pairs_use_corrected_chi_square_as_R()
    {
        // R: mcnemar.test(matrix(c(500, 22, 40, 68), 2)) — b = 40 case-only, c = 22 control-only.
        var r = MatchedPairs.McNemar(40, 22);
        Assert.Equal("McNemar's chi-square test with continuity correction", r.Method);
        Close.Rel(4.661290322580645, r.Statistic);
        Close.Rel(0.030849999436875133, r.PValue);
        Assert.Equal(40.0 / 22.0, r.Estimate!.Value, 12);
        // Log interval exp(ln(b/c) ± 1.959964·√(1/40 + 1/22)).
        var se = Math.Sqrt(1.0 / 40 + 1.0 / 22);
        Close.Rel(Math.Exp(Math.Log(40.0 / 22) - 1.959963984540054 * se), r.Ci!.Low, 1e-9);
    }

    [Fact]
    public void Few_discordant_pairs_use_exact_binomial_as_R()
    {
        // R: b <- binom.test(9, 11); b$p.value; b$conf.int  (OR bounds are π/(1 − π))
        var r = MatchedPairs.McNemar(9, 2);
        Assert.Equal("McNemar's exact test (binomial)", r.Method);
        Close.Rel(0.065429687500000042, r.PValue);
        Close.Rel(0.48224414763982737 / (1 - 0.48224414763982737), r.Ci!.Low, 1e-8);
        Close.Rel(0.97716880170004039 / (1 - 0.97716880170004039), r.Ci.High, 1e-7);
        Assert.Equal(4.5, r.Estimate);
    }

    [Fact]
    public void Zero_control_only_pairs_give_infinite_odds_ratio_with_exact_bound()
    {
        var or = MatchedPairs.ConditionalOddsRatio(6, 0);
        Assert.True(double.IsPositiveInfinity(or.Estimate));
        Assert.True(double.IsPositiveInfinity(or.Ci.High));
        Assert.True(or.Ci.Low > 0);
    }

    [Fact]
    public void Tabulate_counts_pair_types()
    {
        var (a, b, c, d) = MatchedPairs.Tabulate([(true, true), (true, false), (true, false), (false, true), (false, false)]);
        Assert.Equal((1L, 2L, 1L, 1L), (a, b, c, d));
    }

    [Fact]
    public void Paired_risk_ratio_uses_paired_variance()
    {
        // (a + b)/(a + c) = 30/18; Var(ln RR) = (b + c)/((a + b)(a + c)) = 20/540.
        var rr = MatchedPairs.RiskRatio(14, 16, 4);
        Close.Rel(30.0 / 18.0, rr.Estimate, 1e-14);
        Close.Rel(Math.Exp(Math.Log(30.0 / 18) + 1.959963984540054 * Math.Sqrt(20.0 / 540)), rr.Ci.High, 1e-9);
    }

    [Fact]
    public void Paired_risk_ratio_with_no_control_events_is_infinite_with_unbounded_interval()
    {
        var rr = MatchedPairs.RiskRatio(0, 5, 0);
        Assert.True(double.IsPositiveInfinity(rr.Estimate));
        Assert.True(double.IsPositiveInfinity(rr.Ci.High));
        Assert.True(double.IsNaN(MatchedPairs.RiskRatio(0, 0, 0).Estimate));
    }

    [Theory]
    [InlineData(40, 18, 2.2222222222222201, 1.2740803577067847, 3.8759498763693752, 0.0058256778283683908)]
    [InlineData(27, 9, 2.9999999999987534, 1.4108915355377962, 6.3789453500137023, 0.004606532263391778)]
    public void Conditional_odds_ratio_and_mcnemar_match_clogit_and_mcnemar_test(long b, long c, double or, double low, double high, double p)
    {
        // R: survival::clogit(case ~ y + strata(id)) and mcnemar.test on the pairs ("clogit a,b,c,d" in references.R;
        // clogit's estimate is iterated to 1e-9, hence the tolerance).
        var estimate = MatchedPairs.ConditionalOddsRatio(b, c);
        Close.Rel(or, estimate.Estimate, 1e-9);
        Close.Rel(low, estimate.Ci.Low, 1e-9);
        Close.Rel(high, estimate.Ci.High, 1e-9);
        Close.Rel(p, MatchedPairs.McNemar(b, c).PValue, 1e-12);
    }
}
