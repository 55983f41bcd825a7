namespace Trajectories.Analysis.Statistics;

/// <summary>
/// Analyses for 1:1 matched pairs (each offender with the control matched on sex and birth year) and a binary
/// outcome. Pair types: a = both have it, b = case only, c = control only, d = neither. Only the discordant pairs
/// b and c carry information about the within-pair difference.
/// </summary>
public static class MatchedPairs
{
    /// <summary>Below this many discordant pairs the exact binomial McNemar test is used.</summary>
    public const long ExactBelowDiscordant = 25;

    /// <summary>Counts the four pair types from (case, control) outcome pairs.</summary>
    public static (long A, long B, long C, long D) Tabulate(IEnumerable<(bool Case, bool Control)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        long a = 0, b = 0, c = 0, d = 0;
        foreach (var (x, y) in pairs)
        {
            _ = (x, y) switch
            {
                (true, true) => a++,
                (true, false) => b++,
                (false, true) => c++,
                _ => d++,
            };
        }

        return (a, b, c, d);
    }

    /// <summary>
    /// McNemar's test of marginal homogeneity. When b + c &lt; 25 the exact version is used: under H0 b ~ Bin(b + c, ½),
    /// two-sided p as R's <c>binom.test(b, b + c)</c> (for p = ½ this is min(1, 2·P(X ≤ min(b, c)))). Otherwise the
    /// chi-square version with continuity correction, X² = (|b − c| − 1)² / (b + c) on 1 df, as R's
    /// <c>mcnemar.test</c> (Edwards 1948). WHY the switch at 25: the usual rule that the chi-square approximation needs
    /// about 25 discordant pairs (e.g. Rosner, Fundamentals of Biostatistics). The estimate is the conditional odds
    /// ratio b/c (see <see cref="ConditionalOddsRatio"/>).
    /// </summary>
    public static TestResult McNemar(long b, long c, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        var n = b + c;
        var or = ConditionalOddsRatio(b, c, level);
        if (n == 0)
        {
            return new TestResult("McNemar's test (no discordant pairs)", 0.0, 1.0, Estimate: or.Estimate, Ci: or.Ci, Notes: ["no discordant pairs"]);
        }

        if (n < ExactBelowDiscordant)
        {
            return new TestResult(
                "McNemar's exact test (binomial)",
                b,
                BinomialTests.TwoSidedP(b, n, 0.5),
                Estimate: or.Estimate,
                Ci: or.Ci,
                Notes: [$"{n} discordant pairs < {ExactBelowDiscordant}: exact binomial version; statistic = b", .. or.Notes]);
        }

        var dev = Math.Abs(b - c) - 1.0;
        var x2 = dev * dev / n;
        return new TestResult(
            "McNemar's chi-square test with continuity correction",
            x2,
            Tails.ChiSquareUpper(x2, 1.0),
            1.0,
            or.Estimate,
            or.Ci,
            [$"{n} discordant pairs ≥ {ExactBelowDiscordant}: chi-square version", .. or.Notes]);
    }

    /// <summary>
    /// Conditional (matched-pairs) odds ratio ψ = b/c. Interval: exact when b + c &lt; 25 or a discordant count is zero —
    /// the Clopper–Pearson interval (π_L, π_U) for π = b/(b + c) mapped through ψ = π/(1 − π) (Breslow &amp; Day 1980,
    /// §7.2); otherwise the log interval exp(ln(b/c) ± z·√(1/b + 1/c)).
    /// </summary>
    public static RatioEstimate ConditionalOddsRatio(long b, long c, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        var n = b + c;
        if (n == 0)
        {
            return new RatioEstimate("conditional odds ratio", double.NaN, new ConfidenceInterval(0.0, double.PositiveInfinity, level), "none", ["no discordant pairs"]);
        }

        var estimate = c == 0 ? double.PositiveInfinity : (double)b / c;
        if (n < ExactBelowDiscordant || b == 0 || c == 0)
        {
            var p = BinomialTests.ClopperPearson(b, n, level);
            var ci = new ConfidenceInterval(Odds(p.Low), Odds(p.High), level);
            return new RatioEstimate("conditional odds ratio", estimate, ci, "exact (Clopper–Pearson on b/(b+c))", []);
        }

        return new RatioEstimate(
            "conditional odds ratio",
            estimate,
            RatioMeasures.LogWald(Math.Log(estimate), Math.Sqrt(1.0 / b + 1.0 / c), level),
            "log (Wald)",
            []);
    }

    /// <summary>
    /// Ratio of the two matched proportions, (a + b)/(a + c) — e.g. the LVB rate of cases over that of their own
    /// controls — with the log interval for paired data: Var(ln RR) = (b + c)/((a + b)(a + c)) (Agresti, Categorical Data Analysis, matched-pairs chapter).
    /// </summary>
    public static RatioEstimate RiskRatio(long a, long b, long c, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        double p1 = a + b, p2 = a + c;
        if (p1 == 0 || p2 == 0)
        {
            // 0/0 is undefined; x/0 is +∞ and 0/x is 0, and the log interval cannot be formed either way.
            var estimate = p1 == 0 && p2 == 0 ? double.NaN : p1 / p2;
            return new RatioEstimate("paired risk ratio", estimate, new ConfidenceInterval(0.0, double.PositiveInfinity, level), "log (paired)", ["no events in one member of the pairs: interval unbounded"]);
        }

        var se = Math.Sqrt((b + c) / (p1 * p2));
        return new RatioEstimate("paired risk ratio", p1 / p2, RatioMeasures.LogWald(Math.Log(p1 / p2), se, level), "log (paired)", []);
    }

    private static double Odds(double p) => p >= 1.0 ? double.PositiveInfinity : p / (1.0 - p);
}
