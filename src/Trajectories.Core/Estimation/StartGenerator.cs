using Trajectories.Core.Families;
using Trajectories.Core.Panels;

namespace Trajectories.Core.Estimation;

/// <summary>
/// Starting partitions for the multi-start search: k-means++ on person summaries and random partitions. Each start
/// uses its own <see cref="Random"/> seeded from (seed, start index), so starts are reproducible and independent of
/// the order or thread in which they run.
/// </summary>
internal static class StartGenerator
{
    /// <summary>
    /// Per pattern: level, early level, late level (log(1 + mean) of counts and 0/1 outcomes, the plain mean of
    /// continuous ones, which may be negative), and the scaled time of the peak (of the first positive maximum for
    /// counts and 0/1, the middle when there is none; of the first maximum for continuous outcomes).
    /// </summary>
    public static double[] Features(PatternPanel panel, OutcomeKind outcome)
    {
        var p = panel.Patterns;
        var continuous = outcome == OutcomeKind.Continuous;
        Func<double, double> level = continuous ? m => m : m => Math.Log(1 + m);
        var mid = (p.TimeCount - 1) / 2.0;
        var f = new double[p.PersonCount * 4];
        for (var i = 0; i < p.PersonCount; i++)
        {
            var s = p.Series(i);
            double sy = 0, se = 0, ey = 0, ee = 0, ly = 0, le = 0, peak = mid;
            var best = double.NegativeInfinity;
            for (var k = 0; k < s.Length; k++)
            {
                var e = s.Exposure.IsEmpty ? 1.0 : s.Exposure[k];
                var y = s.Values[k];
                sy += y;
                se += e;
                if (s.TimeIndex[k] <= mid)
                {
                    ey += y;
                    ee += e;
                }
                else
                {
                    ly += y;
                    le += e;
                }

                if (y > best)
                {
                    best = y;
                    peak = continuous || best > 0 ? s.TimeIndex[k] : mid;
                }
            }

            f[(i * 4) + 0] = level(se > 0 ? sy / se : 0);
            f[(i * 4) + 1] = level(ee > 0 ? ey / ee : sy / Math.Max(se, 1));
            f[(i * 4) + 2] = level(le > 0 ? ly / le : sy / Math.Max(se, 1));
            f[(i * 4) + 3] = (peak - mid) / Math.Max(mid, 1);
        }

        Standardize(f, panel.Weights, 4);
        return f;
    }

    /// <summary>Hard posteriors (rows × groups) of a weighted k-means++ partition followed by a few Lloyd steps.</summary>
    public static double[] KMeansPlusPlus(double[] features, double[] weights, int groups, Random random)
    {
        const int dim = 4;
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
                d2[i] = Math.Min(d2[i], Distance(features, i, centers, g - 1));
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
                    if (Distance(features, i, centers, g) < Distance(features, i, centers, best))
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

        // Label clusters by ascending mean count (feature 0), the canonical order, so that a specification with
        // per-group orders meets its groups in the intended slots.
        var rank = Enumerable.Range(0, groups).OrderBy(g => centers[g * dim]).ThenBy(g => g).ToArray();
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

    /// <summary>
    /// Hard posteriors of a random partition with random group sizes: the shares are drawn from a flat Dirichlet, so
    /// the starts explore unequal shares (a small chronic group beside a large low-rate one) as well as equal ones.
    /// </summary>
    public static double[] RandomSharesPartition(int rows, int groups, Random random)
    {
        var cumulative = new double[groups];
        var total = 0.0;
        for (var g = 0; g < groups; g++)
        {
            // Exponential(1) draws normalised: a uniform point on the simplex.
            total += -Math.Log(1.0 - random.NextDouble());
            cumulative[g] = total;
        }

        var assign = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var u = random.NextDouble() * total;
            var g = 0;
            while (g < groups - 1 && u > cumulative[g])
            {
                g++;
            }

            assign[i] = g;
        }

        return Hard(assign, groups);
    }

    /// <summary>A standard normal draw (Box–Muller, one of the pair).</summary>
    public static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
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

    private static double Distance(double[] f, int i, double[] centers, int g)
    {
        var s = 0.0;
        for (var k = 0; k < 4; k++)
        {
            var d = f[(i * 4) + k] - centers[(g * 4) + k];
            s += d * d;
        }

        return s;
    }

    private static void Standardize(double[] f, double[] w, int dim)
    {
        var total = w.Sum();
        for (var k = 0; k < dim; k++)
        {
            double m = 0, v = 0;
            for (var i = 0; i < w.Length; i++)
            {
                m += w[i] * f[(i * dim) + k];
            }

            m /= total;
            for (var i = 0; i < w.Length; i++)
            {
                var d = f[(i * dim) + k] - m;
                v += w[i] * d * d;
            }

            var sd = Math.Sqrt(v / total);
            for (var i = 0; i < w.Length; i++)
            {
                f[(i * dim) + k] = sd > 0 ? (f[(i * dim) + k] - m) / sd : 0;
            }
        }
    }
}
