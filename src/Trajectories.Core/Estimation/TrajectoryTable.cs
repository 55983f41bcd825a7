using Trajectories.Core.Results;

namespace Trajectories.Core.Estimation;

/// <summary>Predicted trajectories with delta-method bands, and posterior-weighted observed means, per group × time.</summary>
internal static class TrajectoryTable
{
    /// <summary>
    /// The mean μ_gt the family predicts (the expected observation at exposure 1; with time-varying covariates, at the
    /// persons' mean covariates at that time) with a 95 % band symmetric on the
    /// family's <see cref="Families.ITrajectoryFamily.MeanLink"/> scale: h = link(μ) has gradient a = ∂h/∂η·x_t for β and
    /// ∂h/∂ζ·z_t for γ (for ZIP log μ = η + log(1 − π): 1 and −π), so Var(h) = aᵀ Σ_g a with Σ_g the group's block of
    /// the covariance. Reads the model's last E-step.
    /// </summary>
    public static IReadOnlyList<TrajectoryPoint> Build(MixtureLikelihood model, double[] times, double[]? cov, GroupSupport support)
    {
        var p = model.Parameters;
        var tab = model.Tables;
        var layout = model.Layout;
        var family = model.Spec.Family;
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
            int pb = p.Orders[g] + 1, pt = p.TrajectoryWidth(g), pz = p.SecondaryOrders[g] + 1, n = pt + pz, off = p.BetaOffset[g];
            var a = new double[n];
            for (var t = 0; t < time; t++)
            {
                var eta = tab.Eta[(g * time) + t];
                var zeta = tab.Zeta[(g * time) + t];
                // A degenerate group's rate can overflow; keep outputs finite (the group is flagged elsewhere).
                var mu = Math.Min(family.Mean(eta, zeta), double.MaxValue);
                var (linked, dEta, dZeta) = family.LinkedMean(eta, zeta);
                for (var k = 0; k < pb; k++)
                {
                    a[k] = dEta * tab.Designs[g][(t * pb) + k];
                }

                for (var k = 0; k < pt - pb; k++)
                {
                    // Reported at the covariates of GroupTables.Reported (the persons' mean at this time by default).
                    a[pb + k] = dEta * tab.Reported[(t * (pt - pb)) + k];
                }

                for (var k = 0; k < pz; k++)
                {
                    a[pt + k] = dZeta * tab.SecondaryDesigns[g][(t * pz) + k];
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

                    var half = 1.959963984540054 * Math.Sqrt(Math.Max(v, 0));
                    lower = Finite(Families.Links.Inverse(family.MeanLink, linked - half));
                    upper = Finite(Families.Links.Inverse(family.MeanLink, linked + half));
                }

                var w = support.Persons(g, t);
                points.Add(new TrajectoryPoint(g + 1, times[t], mu, lower, upper, w > 0 ? sumY[(g * time) + t] / w : null, w, support.Covers(g, t)));
            }
        }

        return points;
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;
}
