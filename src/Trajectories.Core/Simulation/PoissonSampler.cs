namespace Trajectories.Core.Simulation;

/// <summary>Exact Poisson draws from a <see cref="Random"/>.</summary>
/// <remarks>
/// Small means (the usual case for yearly offence counts) use inversion by sequential search, which costs about
/// λ + 1 uniforms; large means use Hörmann's transformed rejection (PTRS, 1993), whose cost does not grow with λ.
/// </remarks>
public static class PoissonSampler
{
    private const double InversionLimit = 10.0;

    /// <summary>One draw from Poisson(<paramref name="lambda"/>); 0 when λ ≤ 0.</summary>
    public static int Draw(Random random, double lambda)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!(lambda > 0))
        {
            return 0;
        }

        return lambda < InversionLimit ? Inversion(random, lambda) : TransformedRejection(random, lambda);
    }

    private static int Inversion(Random random, double lambda)
    {
        var p = Math.Exp(-lambda);
        var cdf = p;
        var u = random.NextDouble();
        var k = 0;
        // The cap guards against u within rounding of 1 never being reached by the summed cdf.
        while (u > cdf && k < 1000)
        {
            k++;
            p *= lambda / k;
            cdf += p;
        }

        return k;
    }

    private static int TransformedRejection(Random random, double lambda)
    {
        var sqrtLambda = Math.Sqrt(lambda);
        var logLambda = Math.Log(lambda);
        var b = 0.931 + (2.53 * sqrtLambda);
        var a = -0.059 + (0.02483 * b);
        var inverseAlpha = 1.1239 + (1.1328 / (b - 3.4));
        var vr = 0.9277 - (3.6224 / (b - 2));
        while (true)
        {
            var u = random.NextDouble() - 0.5;
            var v = random.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((((2 * a / us) + b) * u) + lambda + 0.43);
            if (us >= 0.07 && v <= vr)
            {
                return (int)k;
            }

            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }

            var lhs = Math.Log(v) + Math.Log(inverseAlpha) - Math.Log((a / (us * us)) + b);
            var rhs = -lambda + (k * logLambda) - MathNet.Numerics.SpecialFunctions.FactorialLn((int)k);
            if (lhs <= rhs)
            {
                return (int)k;
            }
        }
    }
}
