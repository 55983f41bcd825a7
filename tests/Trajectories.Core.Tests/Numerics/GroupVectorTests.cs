using FsCheck;
using FsCheck.Xunit;
using Trajectories.Core.Numerics;

namespace Trajectories.Core.Tests.Numerics;

public class GroupVectorTests
{
    /// <summary>The SIMD add must give exactly the scalar sums, for every length (vector part and remainder).</summary>
    [Property(MaxTest = 200)]
    public void AddEqualsScalarLoop(NormalFloat[] a, NormalFloat[] b, PositiveInt offset)
    {
        var n = Math.Min(a.Length, b.Length);
        var off = offset.Get % 5;
        var src = new double[n + off];
        var acc = new double[n];
        var expected = new double[n];
        for (var k = 0; k < n; k++)
        {
            src[off + k] = b[k].Get;
            acc[k] = a[k].Get;
            expected[k] = a[k].Get + b[k].Get;
        }

        GroupVector.Add(acc, src, off, n);
        Assert.Equal(expected, acc);
    }

    [Property(MaxTest = 200)]
    public void AddScaledEqualsScalarLoop(NormalFloat[] a, NormalFloat[] b, NormalFloat w, PositiveInt offset)
    {
        var n = Math.Min(a.Length, b.Length);
        var off = offset.Get % 5;
        var dst = new double[n + off + 3];
        var expected = new double[dst.Length];
        for (var k = 0; k < n; k++)
        {
            dst[off + k] = a[k].Get;
            expected[off + k] = a[k].Get + (w.Get * b[k].Get);
        }

        GroupVector.AddScaled(dst, off, b.Take(n).Select(x => x.Get).ToArray(), w.Get, n);
        Assert.Equal(expected, dst);
    }
}
