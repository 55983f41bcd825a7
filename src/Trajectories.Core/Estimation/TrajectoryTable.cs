using Trajectories.Core.Results;

namespace Trajectories.Core.Estimation;

/// <summary>Predicted trajectories with delta-method bands, and posterior-weighted observed means, per group × time.</summary>
internal static class TrajectoryTable
{
    /// <summary>
    /// log μ_gt = η_gt + log(1 − π_gt) (the second term only with inflation); its gradient is x_t for β and −π_gt·z_t
    /// for γ, so Var(log μ) = aᵀ Σ_g a with Σ_g the group's block of the covariance. Reads the model's last E-step.
    /// </summary>
    public static IReadOnlyList<TrajectoryPoint> Build(MixtureLikelihood model, double[] times, double[]? cov, GroupSupport support)
    {
        var p = model.Parameters;
        var tab = model.Tables;
        var layout = model.Layout;
        var groups = p.Groups;
        var time = tab.Time;
        var sumY = new double[groups * time];
        for (var c = 0; c < layout.CellCount; c++)
        {
            var t = layout.CellTime[c];
            for (var g = 0; g < groups; g++)
            {
                sumY[(g * time) + t] += model.State.CellWeights[(c * groups) + g] * layout.CellY[c];
            }
        }

        var points = new List<TrajectoryPoint>(groups * time);
        for (var g = 0; g < groups; g++)
        {
            int pb = p.Orders[g] + 1, pz = p.InflationOrders[g] + 1, n = pb + pz, off = p.BetaOffset[g];
            var a = new double[n];
            for (var t = 0; t < time; t++)
            {
                var eta = tab.Eta[(g * time) + t];
                var zeta = tab.Zeta[(g * time) + t];
                // A degenerate group's rate can overflow; keep outputs finite (the group is flagged elsewhere).
                var mu = Math.Min(model.Spec.Family.Mean(eta, zeta), double.MaxValue);
                var pi = pz == 0 ? 0.0 : Families.ZipFamily.Logistic(zeta);
                for (var k = 0; k < pb; k++)
                {
                    a[k] = tab.Designs[g][(t * pb) + k];
                }

                for (var k = 0; k < pz; k++)
                {
                    a[pb + k] = -pi * tab.InflationDesigns[g][(t * pz) + k];
                }

                double? lower = null, upper = null;
                if (cov is not null)
                {
                    var v = 0.0;
                    for (var j = 0; j < n; j++)
                    {
                        for (var k = 0; k < n; k++)
                        {
                            v += a[j] * cov[((off + j) * p.Total) + off + k] * a[k];
                        }
                    }

                    var se = Math.Sqrt(Math.Max(v, 0));
                    lower = Finite(mu * Math.Exp(-1.959963984540054 * se));
                    upper = Finite(mu * Math.Exp(1.959963984540054 * se));
                }

                var w = support.Persons(g, t);
                points.Add(new TrajectoryPoint(g + 1, times[t], mu, lower, upper, w > 0 ? sumY[(g * time) + t] / w : null, w, support.Covers(g, t)));
            }
        }

        return points;
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;
}
