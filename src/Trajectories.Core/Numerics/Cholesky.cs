namespace Trajectories.Core.Numerics;

/// <summary>Cholesky factorisation A = LLᵀ of small dense symmetric matrices (row-major), with solve and inverse.</summary>
public static class Cholesky
{
    /// <summary>Factorises <paramref name="a"/> (n × n) in place into its lower factor; false when A is not positive definite.</summary>
    public static bool Factor(Span<double> a, int n)
    {
        for (var j = 0; j < n; j++)
        {
            var d = a[(j * n) + j];
            for (var k = 0; k < j; k++)
            {
                d -= a[(j * n) + k] * a[(j * n) + k];
            }

            if (!(d > 0) || !double.IsFinite(d))
            {
                return false;
            }

            d = Math.Sqrt(d);
            a[(j * n) + j] = d;
            for (var i = j + 1; i < n; i++)
            {
                var s = a[(i * n) + j];
                for (var k = 0; k < j; k++)
                {
                    s -= a[(i * n) + k] * a[(j * n) + k];
                }

                a[(i * n) + j] = s / d;
            }
        }

        return true;
    }

    /// <summary>Solves LLᵀx = b in place (b becomes x) with the factor from <see cref="Factor"/>.</summary>
    public static void Solve(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        for (var i = 0; i < n; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++)
            {
                s -= l[(i * n) + k] * b[k];
            }

            b[i] = s / l[(i * n) + i];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var s = b[i];
            for (var k = i + 1; k < n; k++)
            {
                s -= l[(k * n) + i] * b[k];
            }

            b[i] = s / l[(i * n) + i];
        }
    }

    /// <summary>
    /// Solves (A + μI)x = b for symmetric A, raising μ from 0 until the matrix is positive definite (Levenberg
    /// damping); null when no μ up to 1e12·scale works or an entry of A or b is not finite. A is not modified.
    /// </summary>
    public static double[]? SolveDamped(ReadOnlySpan<double> a, int n, ReadOnlySpan<double> b)
    {
        // A non-finite entry has no damped solution: without this check an infinite diagonal made the damping loop
        // below run forever (μ ≤ 1e12·∞ holds for every μ).
        foreach (var v in a.Slice(0, n * n))
        {
            if (!double.IsFinite(v))
            {
                return null;
            }
        }

        foreach (var v in b.Slice(0, n))
        {
            if (!double.IsFinite(v))
            {
                return null;
            }
        }

        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            scale = Math.Max(scale, Math.Abs(a[(i * n) + i]));
        }

        scale = Math.Max(scale, 1e-12);
        var work = new double[n * n];
        for (var mu = 0.0; mu <= 1e12 * scale; mu = mu == 0 ? 1e-10 * scale : mu * 10)
        {
            a.CopyTo(work);
            for (var i = 0; i < n; i++)
            {
                work[(i * n) + i] += mu;
            }

            if (Factor(work, n))
            {
                var x = b.ToArray();
                Solve(work, n, x);
                return x;
            }
        }

        return null;
    }

    /// <summary>The inverse of a symmetric positive definite matrix, or null when it is not positive definite.</summary>
    public static double[]? Inverse(ReadOnlySpan<double> a, int n)
    {
        var l = a.ToArray();
        if (!Factor(l, n))
        {
            return null;
        }

        var inv = new double[n * n];
        var col = new double[n];
        for (var j = 0; j < n; j++)
        {
            Array.Clear(col);
            col[j] = 1.0;
            Solve(l, n, col);
            for (var i = 0; i < n; i++)
            {
                inv[(i * n) + j] = col[i];
            }
        }

        return inv;
    }
}
