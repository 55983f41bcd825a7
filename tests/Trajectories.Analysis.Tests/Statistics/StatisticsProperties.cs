using FsCheck;
using FsCheck.Xunit;
using Trajectories.Analysis.Statistics;

namespace Trajectories.Analysis.Tests.Statistics;

/// <summary>Invariants that must hold for any input, checked on random tables and samples.</summary>
public class StatisticsProperties
{
    [Property]
    public bool Binomial_p_equals_brute_force_sum_over_as_likely_outcomes(PositiveInt size, NonNegativeInt k, PositiveInt pp)
    {
        // Direct transcription of the definition (sum of all P(X = i) ≤ P(X = x)·(1 + 1e-7)) against the binary-search
        // implementation.
        var n = size.Get % 60;
        var x = k.Get % (n + 1);
        var p = (pp.Get % 99 + 1) / 100.0;
        var threshold = Tails.BinomialLogPmf(x, n, p) + Tails.Log1P(BinomialTests.RelativeTolerance);
        double brute = 0;
        for (var i = 0; i <= n; i++)
        {
            var ld = Tails.BinomialLogPmf(i, n, p);
            brute += ld <= threshold ? Math.Exp(ld) : 0.0;
        }

        var fast = BinomialTests.TwoSidedP(x, n, p);
        return x == n * p ? fast == 1.0 : Math.Abs(fast - Math.Min(1.0, brute)) <= 1e-12 + 1e-9 * brute;
    }

    [Property]
    public bool Fisher_p_is_a_probability_and_symmetric_under_row_swap(NonNegativeInt a, NonNegativeInt b, NonNegativeInt c, NonNegativeInt d)
    {
        var t = new TwoByTwo(a.Get % 40, b.Get % 40, c.Get % 40, d.Get % 40);
        if (t.Total == 0)
        {
            return true;
        }

        var p = FisherExact.PValue(t);
        var swapped = FisherExact.PValue(new TwoByTwo(t.C, t.D, t.A, t.B));
        return p > 0 && p <= 1 && Math.Abs(p - swapped) <= 1e-12;
    }

    [Property]
    public bool McNemar_is_symmetric_in_discordant_counts(NonNegativeInt b, NonNegativeInt c)
    {
        var x = MatchedPairs.McNemar(b.Get % 200, c.Get % 200);
        var y = MatchedPairs.McNemar(c.Get % 200, b.Get % 200);
        return Math.Abs(x.PValue - y.PValue) <= 1e-12 && x.PValue is > 0 and <= 1;
    }

    [Property]
    public bool Rank_sum_p_is_unchanged_when_samples_swap(NonEmptyArray<byte> xs, NonEmptyArray<byte> ys)
    {
        var x = xs.Get.Select(v => (double)(v % 8)).ToArray();
        var y = ys.Get.Select(v => (double)(v % 8)).ToArray();
        var a = RankTests.MannWhitney(x, y);
        var b = RankTests.MannWhitney(y, x);
        return Math.Abs(a.PValue - b.PValue) <= 1e-12;
    }

    [Property]
    public bool Wilson_interval_contains_the_estimate_within_unit_interval(PositiveInt size, NonNegativeInt k)
    {
        var n = size.Get % 5000 + 1;
        var x = k.Get % (n + 1);
        var ci = ProportionIntervals.Wilson(x, n);
        return ci.Low >= 0 && ci.High <= 1 && ci.Contains((double)x / n);
    }

    [Property]
    public bool Risk_ratio_interval_contains_a_finite_estimate(PositiveInt n1, PositiveInt n2, NonNegativeInt x1, NonNegativeInt x2)
    {
        long a = n1.Get % 2000 + 1, b = n2.Get % 2000 + 1;
        var rr = RatioMeasures.RiskRatio(TwoByTwo.FromProportions(x1.Get % (a + 1), a, x2.Get % (b + 1), b));
        return !double.IsFinite(rr.Estimate) || rr.Estimate == 0 || rr.Ci.Contains(rr.Estimate);
    }
}
