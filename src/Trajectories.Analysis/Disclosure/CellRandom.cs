using System.Text;

namespace Trajectories.Analysis.Disclosure;

/// <summary>
/// A uniform number in [0, 1) determined by (seed, cell key) alone, stable across processes, machines and .NET
/// versions. WHY not <see cref="string.GetHashCode()"/> or <see cref="Random"/>: the former is randomised per process and
/// the latter's stream is an implementation detail; a published table must round the same way every time it is made.
/// Construction: FNV-1a 64-bit over the key's UTF-8 bytes, mixed with the seed through the SplitMix64 finaliser
/// (Steele, Lea &amp; Flood 2014), top 53 bits scaled to [0, 1).
/// </summary>
internal static class CellRandom
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public static double Uniform(ulong seed, string cellKey)
    {
        var h = FnvOffset;
        foreach (var b in Encoding.UTF8.GetBytes(cellKey))
        {
            h = (h ^ b) * FnvPrime;
        }

        var z = Mix(h ^ Mix(seed + 0x9E3779B97F4A7C15UL));
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    // SplitMix64 finaliser: a bijective avalanche so that neighbouring keys give unrelated draws.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
