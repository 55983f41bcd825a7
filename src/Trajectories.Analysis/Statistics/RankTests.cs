namespace Trajectories.Analysis.Statistics;

/// <summary>
/// Rank tests for counts among victims (zero-truncated, skewed, heavily tied): no distributional assumption, and
/// the tie correction matters because counts such as 1, 2, 3 repeat hundreds of times.
/// </summary>
public static class RankTests
{
    /// <summary>
    /// Wilcoxon rank-sum / Mann–Whitney U test, normal approximation with tie correction
    /// (R: <c>wilcox.test(x, y, exact = FALSE, correct = continuity)</c>). W = R_x − n_x(n_x + 1)/2 (the U of x);
    /// σ² = n_x·n_y/12 · (N + 1 − Σ(t³ − t)/(N(N − 1))); z = (W − n_x·n_y/2 − CC)/σ with CC = ½·sign when
    /// <paramref name="continuity"/>; two-sided p = 2·min(Φ(z), 1 − Φ(z)).
    /// Estimate: the common-language effect size W/(n_x·n_y) = P(X &gt; Y) + ½P(X = Y).
    /// </summary>
    public static TestResult MannWhitney(ReadOnlySpan<double> x, ReadOnlySpan<double> y, bool continuity = true)
    {
        if (x.IsEmpty || y.IsEmpty)
        {
            throw new ArgumentException("Both samples must be non-empty.");
        }

        double nx = x.Length, ny = y.Length, n = nx + ny;
        var pooled = new double[x.Length + y.Length];
        x.CopyTo(pooled);
        y.CopyTo(pooled.AsSpan(x.Length));
        var (ranks, tieSum) = Ranks.MidRanks(pooled);
        double rx = 0;
        for (var i = 0; i < x.Length; i++)
        {
            rx += ranks[i];
        }

        var w = rx - nx * (nx + 1) / 2.0;
        var centred = w - nx * ny / 2.0;
        var sigma = Math.Sqrt(nx * ny / 12.0 * (n + 1 - tieSum / (n * (n - 1))));
        if (sigma == 0)
        {
            return new TestResult("Wilcoxon rank-sum test (all values tied)", w, 1.0, Estimate: 0.5, Notes: ["all values tied: no evidence of a difference"]);
        }

        var cc = continuity ? 0.5 * Math.Sign(centred) : 0.0;
        var z = (centred - cc) / sigma;
        var method = continuity
            ? "Wilcoxon rank-sum test (normal approximation, tie- and continuity-corrected)"
            : "Wilcoxon rank-sum test (normal approximation, tie-corrected)";
        return new TestResult(method, w, Tails.NormalTwoSided(z), Estimate: w / (nx * ny), Notes: [$"z = {z:G6}; statistic = W (Mann–Whitney U of the first sample); estimate = P(X > Y) + ½P(X = Y)"]);
    }

    /// <summary>
    /// Kruskal–Wallis test for k ≥ 2 groups, tie-corrected (R: <c>kruskal.test</c>):
    /// H = [12/(N(N + 1)) Σ R_i²/n_i − 3(N + 1)] / [1 − Σ(t³ − t)/(N³ − N)], compared with χ²_{k−1}.
    /// Empty groups are ignored (they contribute no ranks and no degree of freedom).
    /// </summary>
    public static TestResult KruskalWallis(IReadOnlyList<double[]> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var nonEmpty = groups.Where(g => g.Length > 0).ToArray();
        if (nonEmpty.Length < 2)
        {
            throw new ArgumentException("Need at least two non-empty groups.", nameof(groups));
        }

        var pooled = nonEmpty.SelectMany(g => g).ToArray();
        double n = pooled.Length;
        var (ranks, tieSum) = Ranks.MidRanks(pooled);
        double sum = 0;
        var offset = 0;
        foreach (var g in nonEmpty)
        {
            double r = 0;
            for (var i = 0; i < g.Length; i++)
            {
                r += ranks[offset + i];
            }

            sum += r * r / g.Length;
            offset += g.Length;
        }

        double df = nonEmpty.Length - 1;
        var correction = 1.0 - tieSum / (n * n * n - n);
        if (correction <= 0)
        {
            return new TestResult("Kruskal–Wallis rank-sum test (all values tied)", 0.0, 1.0, df, Notes: ["all values tied: no evidence of a difference"]);
        }

        var h = (12.0 / (n * (n + 1)) * sum - 3.0 * (n + 1)) / correction;
        return new TestResult("Kruskal–Wallis rank-sum test (tie-corrected)", h, Tails.ChiSquareUpper(h, df), df);
    }
}
