namespace Trajectories.Analysis.Statistics;

/// <summary>
/// Draws from the hypergeometric distribution (successes among <c>draws</c> taken without replacement from a population
/// of <c>population</c> holding <c>successes</c> successes) by inversion searching outward from the mode
/// ("chop-down from the mode", Kachitvichyanukul &amp; Schmeiser 1985, §2). Expected work is O(standard deviation), not
/// O(draws): a table of a million persons costs a few thousand steps, so Monte-Carlo tests stay usable at that scale.
/// </summary>
internal static class HypergeometricSampler
{
    public static long Sample(long population, long successes, long draws, Random rng)
    {
        var lo = Math.Max(0, draws - (population - successes));
        var hi = Math.Min(draws, successes);
        if (lo == hi)
        {
            return lo;
        }

        // Mode of the hypergeometric: floor((n + 1)(K + 1)/(N + 2)), clamped to the support.
        var mode = (long)Math.Floor((draws + 1.0) * (successes + 1.0) / (population + 2.0));
        mode = Math.Clamp(mode, lo, hi);
        var pMode = Math.Exp(
            Tails.LogChoose(successes, mode) + Tails.LogChoose(population - successes, draws - mode)
            - Tails.LogChoose(population, draws));
        var failures = population - successes;
        while (true)
        {
            var u = rng.NextDouble() - pMode;
            if (u <= 0)
            {
                return mode;
            }

            long up = mode, down = mode;
            double pUp = pMode, pDown = pMode;
            while (up < hi || down > lo)
            {
                if (up < hi)
                {
                    // P(x + 1)/P(x) = (K − x)(n − x) / ((x + 1)(N − K − n + x + 1)).
                    pUp *= (successes - up) * (double)(draws - up) / ((up + 1.0) * (failures - draws + up + 1.0));
                    up++;
                    u -= pUp;
                    if (u <= 0)
                    {
                        return up;
                    }
                }

                if (down > lo)
                {
                    // P(x − 1)/P(x) = x(N − K − n + x) / ((K − x + 1)(n − x + 1)).
                    pDown *= down * (double)(failures - draws + down) / ((successes - down + 1.0) * (draws - down + 1.0));
                    down--;
                    u -= pDown;
                    if (u <= 0)
                    {
                        return down;
                    }
                }
            }

            // Rounding left a sliver of probability unassigned (u was within ~1e-15 of 1): draw again.
        }
    }
}
