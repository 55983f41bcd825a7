namespace Trajectories.Analysis.Statistics;

/// <summary>Fisher's exact test for a 2×2 table (R: <c>fisher.test(matrix(c(A, C, B, D), 2))</c>).</summary>
public static class FisherExact
{
    /// <summary>
    /// Two-sided Fisher exact test. The p-value is the sum of hypergeometric probabilities of all tables with the
    /// observed margins whose probability is ≤ that of the observed table times (1 + 1e-7) — the relative tolerance R
    /// uses so that tables equally likely up to rounding are counted. The estimate is the conditional MLE odds ratio
    /// with its exact conditional interval (as R reports), not the sample odds ratio AD/BC.
    /// </summary>
    public static TestResult Test(TwoByTwo table, double level = 0.95)
    {
        if (table.Total == 0)
        {
            throw new ArgumentException("The table is empty.", nameof(table));
        }

        var dist = new NoncentralHypergeometric(table);
        var p = TwoSidedP(dist, table.A);
        return new TestResult(
            "Fisher's exact test (two-sided)",
            table.A,
            p,
            Estimate: dist.ConditionalMle(table.A),
            Ci: dist.ConditionalInterval(table.A, level),
            Notes: ["statistic = observed count in cell A; estimate = conditional MLE odds ratio"]);
    }

    /// <summary>Two-sided p-value only; cheaper than <see cref="Test"/> (no odds-ratio root finding).</summary>
    public static double PValue(TwoByTwo table) =>
        table.Total == 0 ? 1.0 : TwoSidedP(new NoncentralHypergeometric(table), table.A);

    private static double TwoSidedP(NoncentralHypergeometric dist, long observed)
    {
        var logd = dist.LogCentral;
        var obs = logd[(int)(observed - dist.Lo)];
        var max = double.NegativeInfinity;
        foreach (var v in logd)
        {
            max = Math.Max(max, v);
        }

        // d_i ≤ d_obs·(1 + 1e-7) in log space; the normalising constant cancels in the ratio.
        var threshold = obs + Tails.Log1P(BinomialTests.RelativeTolerance);
        double num = 0, den = 0;
        foreach (var v in logd)
        {
            var w = Math.Exp(v - max);
            den += w;
            if (v <= threshold)
            {
                num += w;
            }
        }

        return Math.Min(1.0, num / den);
    }
}
