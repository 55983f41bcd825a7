using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Trajectories.Core.Numerics;

/// <summary>
/// Element-wise operations on the short per-group vectors of the E-step (length G, typically 2–8), four lanes at a
/// time where the hardware has 256-bit vectors. Every lane does exactly the scalar operation, so the result is the
/// same to the last bit with or without SIMD, on any machine.
/// </summary>
internal static class GroupVector
{
    /// <summary>acc[0..n) += src[offset..offset+n).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(Span<double> acc, double[] src, int offset, int n)
    {
        ref var a = ref MemoryMarshal.GetReference(acc);
        ref var s = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(src), offset);
        var g = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; g <= n - 4; g += 4)
            {
                var v = Vector256.LoadUnsafe(ref a, (nuint)g) + Vector256.LoadUnsafe(ref s, (nuint)g);
                v.StoreUnsafe(ref a, (nuint)g);
            }
        }

        for (; g < n; g++)
        {
            Unsafe.Add(ref a, g) += Unsafe.Add(ref s, g);
        }
    }

    /// <summary>dst[offset..offset+n) += w · src[0..n), with w · src rounded before the addition (no fused multiply-add).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled(double[] dst, int offset, ReadOnlySpan<double> src, double w, int n)
    {
        ref var d = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(dst), offset);
        ref var s = ref MemoryMarshal.GetReference(src);
        var g = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var wv = Vector256.Create(w);
            for (; g <= n - 4; g += 4)
            {
                var v = Vector256.LoadUnsafe(ref d, (nuint)g) + (wv * Vector256.LoadUnsafe(ref s, (nuint)g));
                v.StoreUnsafe(ref d, (nuint)g);
            }
        }

        for (; g < n; g++)
        {
            Unsafe.Add(ref d, g) += w * Unsafe.Add(ref s, g);
        }
    }
}
