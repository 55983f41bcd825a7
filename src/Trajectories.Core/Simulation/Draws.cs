namespace Trajectories.Core.Simulation;

/// <summary>Normal and gamma draws from a seeded <see cref="Random"/> (for the families' samplers).</summary>
public static class Draws
{
    /// <summary>A standard normal draw (Box–Muller, one of the pair).</summary>
    public static double Normal(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A Γ(shape, 1) draw (Marsaglia and Tsang 2000; shapes below 1 by the boost U^{1/shape}).</summary>
    public static double Gamma(Random random, double shape)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!(shape > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(shape), "the gamma shape must be positive.");
        }

        if (shape < 1)
        {
            var boost = Math.Pow(1.0 - random.NextDouble(), 1.0 / shape);
            return Gamma(random, shape + 1) * boost;
        }

        var d = shape - (1.0 / 3);
        var c = 1.0 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = 1.0 - random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }
}
