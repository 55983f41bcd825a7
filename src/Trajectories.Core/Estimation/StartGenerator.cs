using Trajectories.Core.Panels;

namespace Trajectories.Core.Estimation;

/// <summary>
/// Starting partitions for the multi-start search: k-means++ on person features (<see cref="StartFeatures"/>) and
/// random partitions. Each start
/// uses its own <see cref="Random"/> seeded from (seed, start index), so starts are reproducible and independent of
/// the order or thread in which they run.
/// </summary>
internal static class StartGenerator
{
    /// <summary>Hard posteriors (rows × groups) of a weighted k-means++ partition followed by a few Lloyd steps.</summary>
    public static double[] KMeansPlusPlus(StartFeatures x, double[] weights, int groups, Random random)
    {
        var features = x.Values;
        var dim = x.Dim;
        var rows = weights.Length;
        var centers = new double[groups * dim];
        var d2 = new double[rows];
        Array.Fill(d2, double.PositiveInfinity);
        var first = Pick(weights, null, random);
        Array.Copy(features, first * dim, centers, 0, dim);
        for (var g = 1; g < groups; g++)
        {
            for (var i = 0; i < rows; i++)
            {
                d2[i] = Math.Min(d2[i], Distance(features, dim, i, centers, g - 1));
            }

            Array.Copy(features, Pick(weights, d2, random) * dim, centers, g * dim, dim);
        }

        var assign = new int[rows];
        for (var iter = 0; iter < 10; iter++)
        {
            for (var i = 0; i < rows; i++)
            {
                var best = 0;
                for (var g = 1; g < groups; g++)
                {
                    if (Distance(features, dim, i, centers, g) < Distance(features, dim, i, centers, best))
                    {
                        best = g;
                    }
                }

                assign[i] = best;
            }

            var sums = new double[groups * dim];
            var mass = new double[groups];
            for (var i = 0; i < rows; i++)
            {
                mass[assign[i]] += weights[i];
                for (var k = 0; k < dim; k++)
                {
                    sums[(assign[i] * dim) + k] += weights[i] * features[(i * dim) + k];
                }
            }

            for (var g = 0; g < groups; g++)
            {
                for (var k = 0; k < dim && mass[g] > 0; k++)
                {
                    centers[(g * dim) + k] = sums[(g * dim) + k] / mass[g];
                }
            }
        }

        // Label clusters by ascending mean level (log rate), the canonical order, so that a specification with
        // per-group orders meets its groups in the intended slots.
        var level = new double[groups];
        var mass0 = new double[groups];
        for (var i = 0; i < rows; i++)
        {
            level[assign[i]] += weights[i] * x.Level[i];
            mass0[assign[i]] += weights[i];
        }

        var rank = Enumerable.Range(0, groups).OrderBy(g => mass0[g] > 0 ? level[g] / mass0[g] : double.NegativeInfinity).ThenBy(g => g).ToArray();
        var label = new int[groups];
        for (var k = 0; k < groups; k++)
        {
            label[rank[k]] = k;
        }

        for (var i = 0; i < rows; i++)
        {
            assign[i] = label[assign[i]];
        }

        return Hard(assign, groups);
    }

    /// <summary>Hard posteriors of a uniformly random partition.</summary>
    public static double[] RandomPartition(int rows, int groups, Random random)
    {
        var assign = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            assign[i] = random.Next(groups);
        }

        return Hard(assign, groups);
    }

    /// <summary>A reproducible generator for start <paramref name="start"/> of a search seeded with <paramref name="seed"/>.</summary>
    public static Random ForStart(int seed, int start) => new(unchecked((seed * 1_000_003) + (start * 7919) + 17));

    private static double[] Hard(int[] assign, int groups)
    {
        var post = new double[assign.Length * groups];
        for (var i = 0; i < assign.Length; i++)
        {
            post[(i * groups) + assign[i]] = 1.0;
        }

        return post;
    }

    private static int Pick(double[] weights, double[]? d2, Random random)
    {
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            total += weights[i] * (d2?[i] ?? 1.0);
        }

        if (!(total > 0))
        {
            return random.Next(weights.Length);
        }

        var u = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i] * (d2?[i] ?? 1.0);
            if (u <= 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static double Distance(double[] f, int dim, int i, double[] centers, int g)
    {
        var s = 0.0;
        for (var k = 0; k < dim; k++)
        {
            var d = f[(i * dim) + k] - centers[(g * dim) + k];
            s += d * d;
        }

        return s;
    }
}
