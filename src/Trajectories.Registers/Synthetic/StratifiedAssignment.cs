namespace Trajectories.Registers.Synthetic;

/// <summary>
/// Assigns each of N indices to a category so that the category counts are the exact largest-remainder rounding of
/// N × share, in a random order that any index can compute on its own (a keyed pseudo-random permutation).
/// </summary>
/// <remarks>
/// Why: at the study size (N = 630) independent draws would miss the published profile shares by several points,
/// while exact counts reproduce them; and because the category of index i needs no other index, chunks of matches
/// can be generated in parallel with bit-identical results. The permutation is a 4-round Feistel network on the
/// smallest even power of two ≥ N, with cycle walking back into [0, N).
/// </remarks>
internal sealed class StratifiedAssignment
{
    private const int Rounds = 4;
    private readonly long count;
    private readonly int halfBits;
    private readonly ulong halfMask;
    private readonly ulong[] roundKeys;
    private readonly long[] upperBounds;

    /// <summary>Builds the assignment of <paramref name="count"/> indices to categories with these shares.</summary>
    public StratifiedAssignment(long count, IReadOnlyList<double> shares, ulong key)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        this.count = count;
        var bits = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(count - 1));
        halfBits = Math.Max(1, (bits + 1) / 2);
        halfMask = (1UL << halfBits) - 1;
        roundKeys = new ulong[Rounds];
        for (var r = 0; r < Rounds; r++)
        {
            roundKeys[r] = RandomStream.Hash(key, (ulong)r + 1);
        }

        Counts = LargestRemainder(count, shares);
        upperBounds = Cumulative(Counts);
    }

    /// <summary>Number of indices in each category.</summary>
    public long[] Counts { get; }

    /// <summary>Category of index <paramref name="index"/> (0 ≤ index &lt; N).</summary>
    public int CategoryOf(long index) => CategoryOf(index, out _);

    /// <summary>
    /// Category of <paramref name="index"/> and its rank among that category's indices (0 ≤ rank &lt; count),
    /// in permuted order: a random rank, which a second-level stratification can cut into exact sub-counts.
    /// </summary>
    public int CategoryOf(long index, out long rank)
    {
        var position = Permute(index);
        return Locate(upperBounds, position, out rank);
    }

    /// <summary>The category whose cumulative range holds <paramref name="position"/>, and the offset within it.</summary>
    public static int Locate(long[] upperBounds, long position, out long offset)
    {
        long lower = 0;
        for (var k = 0; k < upperBounds.Length; k++)
        {
            if (position < upperBounds[k])
            {
                offset = position - lower;
                return k;
            }

            lower = upperBounds[k];
        }

        offset = position - lower;
        return upperBounds.Length - 1;
    }

    /// <summary>Cumulative upper bounds of counts (for <see cref="Locate"/>).</summary>
    public static long[] Cumulative(long[] counts)
    {
        var bounds = new long[counts.Length];
        long cumulative = 0;
        for (var k = 0; k < counts.Length; k++)
        {
            cumulative += counts[k];
            bounds[k] = cumulative;
        }

        return bounds;
    }

    /// <summary>Largest-remainder (Hamilton) rounding of <paramref name="total"/> × shares; ties go to the first.</summary>
    public static long[] LargestRemainder(long total, IReadOnlyList<double> shares)
    {
        var sum = shares.Sum();
        var counts = new long[shares.Count];
        var remainders = new double[shares.Count];
        long assigned = 0;
        for (var k = 0; k < shares.Count; k++)
        {
            var exact = total * shares[k] / sum;
            counts[k] = (long)Math.Floor(exact);
            remainders[k] = exact - counts[k];
            assigned += counts[k];
        }

        var order = Enumerable.Range(0, shares.Count).OrderByDescending(k => remainders[k]).ThenBy(k => k).ToArray();
        for (var i = 0; assigned < total; i++, assigned++)
        {
            counts[order[i % order.Length]]++;
        }

        return counts;
    }

    private long Permute(long index)
    {
        var x = (ulong)index;
        do
        {
            x = Encrypt(x);
        }
        while (x >= (ulong)count);

        return (long)x;
    }

    private ulong Encrypt(ulong x)
    {
        var left = (x >> halfBits) & halfMask;
        var right = x & halfMask;
        for (var r = 0; r < Rounds; r++)
        {
            var next = left ^ (RandomStream.Hash(roundKeys[r], right) & halfMask);
            left = right;
            right = next;
        }

        return (left << halfBits) | right;
    }
}
