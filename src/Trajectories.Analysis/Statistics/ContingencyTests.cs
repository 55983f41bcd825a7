namespace Trajectories.Analysis.Statistics;

/// <summary>
/// "Fisher exact or chi-square as counts require": the chooser the comparisons use for every group-by-outcome table.
/// </summary>
public static class ContingencyTests
{
    /// <summary>Expected count below which the chi-square approximation is not trusted (Cochran 1954).</summary>
    public const double MinimumExpected = 5.0;

    /// <summary>Seed used for Monte-Carlo p-values when the caller gives none, so that reports are reproducible.</summary>
    public const int DefaultSeed = 20_240_601;

    /// <summary>
    /// Rule: if every expected count is ≥ 5, Pearson's chi-square without continuity correction
    /// (R: <c>chisq.test(correct = FALSE)</c>). Otherwise, for a 2×2 table, Fisher's exact test; for a k×2 (or 2×k)
    /// table, the exact Fisher–Freeman–Halton test by the network algorithm (<see cref="FisherFreemanHaltonKx2"/>, any
    /// size within its node cap); for other tables the exact test by enumeration when at most
    /// <see cref="FisherFreemanHaltonExact.DefaultMaxTables"/> tables have the observed margins; else the same test by
    /// Monte Carlo with a fixed seed (whose p-values have a floor of 1/(replicates + 1)). The returned
    /// <see cref="TestResult.Method"/> names the test used and a note states why it was chosen.
    /// </summary>
    public static TestResult Independence(long[,] table, int seed = DefaultSeed, int replicates = FisherFreemanHalton.DefaultReplicates)
    {
        var (clean, _) = ChiSquareTest.DropEmptyMargins(table);
        if (clean.GetLength(0) < 2 || clean.GetLength(1) < 2)
        {
            // One outcome level (e.g. nobody victimised in any group): no evidence of a difference.
            return new TestResult("No test (a margin is constant)", 0.0, 1.0, Notes: ["all observations fall in one row or column"]);
        }

        var (min, _) = ContingencyTable.ExpectedSummary(clean);
        var reason = $"minimum expected count {min:G3}";
        TestResult result;
        if (min >= MinimumExpected)
        {
            result = ChiSquareTest.Pearson(clean);
            reason += " ≥ 5: chi-square";
        }
        else if (clean.GetLength(0) == 2 && clean.GetLength(1) == 2)
        {
            result = FisherExact.Test(new TwoByTwo(clean[0, 0], clean[0, 1], clean[1, 0], clean[1, 1]));
            reason += " < 5: Fisher's exact test";
        }
        else if (KByTwo(clean) is { } network)
        {
            result = network;
            reason += " < 5: Fisher–Freeman–Halton exact test (network algorithm)";
        }
        else if (FisherFreemanHaltonExact.TryTest(clean) is { } exact)
        {
            result = exact;
            reason += " < 5: Fisher–Freeman–Halton exact test";
        }
        else
        {
            result = FisherFreemanHalton.MonteCarlo(clean, seed, replicates);
            reason += $" < 5: Fisher–Freeman–Halton by Monte Carlo (more than {FisherFreemanHaltonExact.DefaultMaxTables} tables to enumerate)";
        }

        return result with { Notes = [.. result.Notes, reason] };
    }

    /// <summary>
    /// Do k groups share one proportion? E.g. the LVB rate across the four profiles ("differences among the four
    /// profiles p &lt; 0.01"). Builds the k×2 table (events, non-events) and applies <see cref="Independence(long[,], int, int)"/>.
    /// </summary>
    public static TestResult Proportions(IReadOnlyList<long> events, IReadOnlyList<long> sizes, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(sizes);
        if (events.Count != sizes.Count || events.Count < 2)
        {
            throw new ArgumentException("Need matching events and sizes for at least two groups.", nameof(sizes));
        }

        var table = new long[events.Count, 2];
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] < 0 || events[i] > sizes[i])
            {
                throw new ArgumentOutOfRangeException(nameof(events), "Need 0 ≤ events ≤ size in every group.");
            }

            (table[i, 0], table[i, 1]) = (events[i], sizes[i] - events[i]);
        }

        return Independence(table, seed);
    }

    // A k×2 (or 2×k) table: the exact test at any size by branch and bound; null for other shapes or too much work.
    private static TestResult? KByTwo(long[,] table)
    {
        var (r, c) = (table.GetLength(0), table.GetLength(1));
        if (c != 2 && r != 2)
        {
            return null;
        }

        var byRows = c == 2;
        var groups = byRows ? r : c;
        var events = new long[groups];
        var sizes = new long[groups];
        for (var g = 0; g < groups; g++)
        {
            var (a, b) = byRows ? (table[g, 0], table[g, 1]) : (table[0, g], table[1, g]);
            (events[g], sizes[g]) = (a, a + b);
        }

        return FisherFreemanHaltonKx2.TryTest(events, sizes);
    }

    /// <summary>The chooser for a 2×2 table.</summary>
    public static TestResult Independence(TwoByTwo table) => Independence(table.ToArray());
}
