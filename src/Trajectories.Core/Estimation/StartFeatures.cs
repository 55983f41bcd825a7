using Trajectories.Core.Panels;

namespace Trajectories.Core.Estimation;

/// <summary>
/// Person (pattern) features that k-means starts cluster on: <see cref="Dim"/> standardised values per row, and each
/// row's level log(1 + rate), by which clusters are put in canonical order.
/// </summary>
internal sealed record StartFeatures(double[] Values, int Dim, double[] Level)
{
    /// <summary>Per pattern: log(1 + rate), log(1 + early rate), log(1 + late rate), scaled time of the peak.</summary>
    public static StartFeatures Summary(PatternPanel panel)
    {
        var p = panel.Patterns;
        var mid = (p.TimeCount - 1) / 2.0;
        var f = new double[p.PersonCount * 4];
        for (var i = 0; i < p.PersonCount; i++)
        {
            var s = p.Series(i);
            double sy = 0, se = 0, ey = 0, ee = 0, ly = 0, le = 0, peak = mid;
            var best = -1;
            for (var k = 0; k < s.Length; k++)
            {
                var e = s.Exposure.IsEmpty ? 1.0 : s.Exposure[k];
                var y = s.Counts[k];
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
                    peak = best > 0 ? s.TimeIndex[k] : mid;
                }
            }

            f[(i * 4) + 0] = Math.Log(1 + (se > 0 ? sy / se : 0));
            f[(i * 4) + 1] = Math.Log(1 + (ee > 0 ? ey / ee : sy / Math.Max(se, 1)));
            f[(i * 4) + 2] = Math.Log(1 + (le > 0 ? ly / le : sy / Math.Max(se, 1)));
            f[(i * 4) + 3] = (peak - mid) / Math.Max(mid, 1);
        }

        var level = Levels(panel);
        Standardize(f, panel.Weights, 4);
        return new StartFeatures(f, 4, level);
    }

    private static double[] Levels(PatternPanel panel)
    {
        var p = panel.Patterns;
        var level = new double[p.PersonCount];
        for (var i = 0; i < p.PersonCount; i++)
        {
            var s = p.Series(i);
            double sy = 0, se = 0;
            for (var k = 0; k < s.Length; k++)
            {
                sy += s.Counts[k];
                se += s.Exposure.IsEmpty ? 1.0 : s.Exposure[k];
            }

            level[i] = Math.Log(1 + (se > 0 ? sy / se : 0));
        }

        return level;
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
