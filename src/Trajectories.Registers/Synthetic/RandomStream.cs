namespace Trajectories.Registers.Synthetic;

/// <summary>
/// xoshiro256** generator seeded through SplitMix64. Every person draws from its own stream keyed by
/// (seed, match index, role), so the register does not depend on the order or thread in which matches are generated.
/// </summary>
/// <remarks>
/// A mutable struct on purpose: it lives on the stack of the code that generates one person and is passed by
/// <c>ref</c>, so generation allocates nothing for randomness.
/// </remarks>
internal struct RandomStream
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    private RandomStream(ulong key)
    {
        // SplitMix64 expands the 64-bit key into the 256-bit state, as recommended by the xoshiro authors;
        // it never yields the all-zero state.
        s0 = SplitMix64(ref key);
        s1 = SplitMix64(ref key);
        s2 = SplitMix64(ref key);
        s3 = SplitMix64(ref key);
    }

    /// <summary>The stream of one (seed, match, role) triple.</summary>
    public static RandomStream For(ulong seed, long match, int role)
    {
        // Hash the three parts through SplitMix64 steps so that neighbouring matches get unrelated states.
        var key = seed;
        var mixed = SplitMix64(ref key);
        key = mixed ^ ((ulong)match * 0xD1B54A32D192ED03UL);
        mixed = SplitMix64(ref key);
        key = mixed ^ ((ulong)(role + 1) * 0xAEF17502108EF2D9UL);
        return new RandomStream(SplitMix64(ref key));
    }

    /// <summary>A keyed 64-bit hash (one SplitMix64 step); used for the stratified permutations.</summary>
    public static ulong Hash(ulong key, ulong value)
    {
        var state = key ^ (value * 0x9E3779B97F4A7C15UL);
        return SplitMix64(ref state);
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextULong()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Bernoulli(double p) => NextDouble() < p;

    /// <summary>Uniform integer in [<paramref name="low"/>, <paramref name="high"/>] (inclusive).</summary>
    public int Between(int low, int high) => low + (int)(NextDouble() * (high - low + 1));

    /// <summary>Standard normal by Box–Muller (one value per call; the sibling is discarded for simplicity).</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Poisson variate; inversion for the small means of yearly counts, normal approximation above 500.</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 500)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Normal())));
        }

        var u = NextDouble();
        var p = Math.Exp(-mean);
        var cumulative = p;
        var k = 0;
        while (u > cumulative && p > 0)
        {
            k++;
            p *= mean / k;
            cumulative += p;
        }

        return k;
    }

    /// <summary>Gamma(shape, scale = 1/shape): a mean-one frailty with variance 1/shape (Marsaglia–Tsang).</summary>
    public double MeanOneGamma(double shape)
    {
        if (double.IsPositiveInfinity(shape))
        {
            return 1.0;
        }

        var boost = 1.0;
        var a = shape;
        if (a < 1)
        {
            // Gamma(a) = Gamma(a + 1) * U^(1/a).
            boost = Math.Pow(1.0 - NextDouble(), 1.0 / a);
            a += 1;
        }

        var d = a - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9 * d);
        while (true)
        {
            double x;
            double v;
            do
            {
                x = Normal();
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = 1.0 - NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return boost * d * v / shape;
            }
        }
    }

    /// <summary>Index drawn with probability proportional to <paramref name="weights"/> (all ≥ 0, sum &gt; 0).</summary>
    public int Pick(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var u = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        // Rounding can leave u at ~0 after the loop: return the last index with positive weight.
        for (var i = weights.Length - 1; i >= 0; i--)
        {
            if (weights[i] > 0)
            {
                return i;
            }
        }

        throw new ArgumentException("All weights are zero.", nameof(weights));
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
