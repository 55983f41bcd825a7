using Trajectories.Core.Basis;
using Trajectories.Core.Panels;

namespace Trajectories.Core.Tests.Support;

/// <summary>Simulates Poisson / ZIP trajectory panels with known parameters (test-local, seeded).</summary>
internal sealed record SimulationSpec(double[] Shares, double[][] Beta, double[][] Gamma, double[] Times)
{
    /// <summary>Each person observes a random contiguous window of at least this many times (unbalanced), or all.</summary>
    public int? MinWindow { get; init; }

    /// <summary>Whether exposures are drawn uniformly from (0.3, 1] for a fifth of the observations.</summary>
    public bool Exposure { get; init; }

    /// <summary>Whether some persons miss isolated years inside their window (non-contiguous series).</summary>
    public bool Gaps { get; init; }

    public CountPanel Simulate(int persons, int seed, out int[] truth)
    {
        var rng = new Random(seed);
        var scale = TimeScale.FromGrid(Times);
        var builder = new CountPanelBuilder(Times, persons * Times.Length);
        truth = new int[persons];
        for (var i = 0; i < persons; i++)
        {
            var g = Draw(rng);
            truth[i] = g;
            int a = 0, b = Times.Length;
            if (MinWindow is { } w)
            {
                a = rng.Next(0, Times.Length - w + 1);
                b = rng.Next(a + w, Times.Length + 1);
            }

            builder.BeginPerson($"s{i:D6}");
            for (var t = a; t < b; t++)
            {
                if (Gaps && i % 7 == 0 && rng.NextDouble() < 0.2)
                {
                    continue;
                }

                var u = scale.Apply(Times[t]);
                var e = Exposure && rng.NextDouble() < 0.2 ? 0.3 + (0.7 * rng.NextDouble()) : 1.0;
                var eta = Poly(Beta[g], u);
                var zeroInflated = Gamma[g].Length > 0 && rng.NextDouble() < 1.0 / (1.0 + Math.Exp(-Poly(Gamma[g], u)));
                var y = zeroInflated ? 0 : Poisson(rng, e * Math.Exp(eta));
                builder.Add(Times[t], y, e);
            }
        }

        return builder.Build();
    }

    private int Draw(Random rng)
    {
        var u = rng.NextDouble();
        for (var g = 0; g < Shares.Length - 1; g++)
        {
            u -= Shares[g];
            if (u < 0)
            {
                return g;
            }
        }

        return Shares.Length - 1;
    }

    private static double Poly(double[] c, double u)
    {
        double s = 0, p = 1;
        foreach (var v in c)
        {
            s += v * p;
            p *= u;
        }

        return s;
    }

    private static int Poisson(Random rng, double mean)
    {
        // Knuth's product method; means in these tests are small.
        var l = Math.Exp(-mean);
        var k = 0;
        var p = rng.NextDouble();
        while (p > l)
        {
            k++;
            p *= rng.NextDouble();
        }

        return k;
    }
}
