using Trajectories.Core.Panels;

namespace Trajectories.Core.Estimation;

/// <summary>
/// Starting values from a partition of the persons: every parameter block is set from it, not only the rate curves.
/// Shares are the partition's; each group's rate curve is its M-step from a flat log rate; each zero-inflated group's
/// inflation polynomial is the best of several M-steps started from different inflation shapes.
/// </summary>
/// <remarks>
/// The zero-inflated likelihood of a group is not concave in (β, γ): from a flat inflation start the M-step finds the
/// "a few extra zeros everywhere" solution, while on real careers the better one is often "structural zeros early (or
/// late), none later" — on the Toronto data with exposure, to2 K = 2 order 3 iorder 1 has its optimum 41 log-likelihood
/// units above the flat-start one, with π ≈ 1 at age 9 and ≈ 0 after 20 in one group. Each start therefore tries a flat
/// inflation, structural zeros early, structural zeros late and one random shape (from the start's own generator, so
/// starts differ), and keeps whichever gives the group's complete-data objective Q_g its highest value.
/// </remarks>
internal static class StartValues
{
    /// <summary>Newton steps of each group's M-step from a starting partition.</summary>
    public const int PartitionNewtonSteps = 30;

    /// <summary>ψ from hard (or soft) posteriors, rows × groups.</summary>
    public static double[] FromPartition(MixtureLikelihood model, double[] posteriors, double baseRate, Random random)
    {
        var p = model.Parameters;
        var psi = new double[p.Total];
        model.SetPosteriors(posteriors);
        model.Spec.Membership.Maximize(model.State.Posteriors, model.Layout.Weights, p.Groups, psi.AsSpan(0, p.MembershipCount));
        for (var g = 0; g < p.Groups; g++)
        {
            var width = p.GroupWidth(g);
            var coef = psi.AsSpan(p.BetaOffset[g], width);
            var pz = p.InflationOrders[g] + 1;
            if (pz == 0)
            {
                coef.Clear();
                coef[0] = baseRate;
                model.MaximizeGroup(psi, g, PartitionNewtonSteps);
                continue;
            }

            var best = new double[width];
            var bestQ = double.NaN;
            foreach (var shape in InflationShapes(pz, random))
            {
                coef.Clear();
                coef[0] = baseRate;
                shape.CopyTo(coef.Slice(p.Orders[g] + 1));
                model.MaximizeGroup(psi, g, PartitionNewtonSteps);
                var q = model.GroupValue(psi, g);
                if (double.IsNaN(bestQ) || q > bestQ)
                {
                    bestQ = q;
                    coef.CopyTo(best);
                }
            }

            best.CopyTo(coef);
        }

        return psi;
    }

    /// <summary>
    /// Inflation logit coefficients (on scaled time u ∈ [−1, 1]) to start from: flat π ≈ 0.12; structural zeros early
    /// (π ≈ 0.95 → 0.05 across the grid) and late (the reverse) when the polynomial has a slope; one random shape.
    /// </summary>
    public static IEnumerable<double[]> InflationShapes(int width, Random random)
    {
        var flat = new double[width];
        flat[0] = -2.0;
        yield return flat;
        if (width > 1)
        {
            // Structural zeros before (or after) a random change point c: logit π = ∓b(u − c), π from ≈1 to ≈0 over
            // about a sixth of the grid, as in careers that start (or stop) at different ages.
            const double b = 6.0;
            var c = -0.8 + (1.2 * random.NextDouble());
            var early = new double[width];
            early[0] = b * c;
            early[1] = -b;
            yield return early;
            c = -0.4 + (1.2 * random.NextDouble());
            var late = new double[width];
            late[0] = -b * c;
            late[1] = b;
            yield return late;
        }

        var shape = new double[width];
        shape[0] = -3.0 + (4.0 * random.NextDouble());
        for (var k = 1; k < width; k++)
        {
            shape[k] = 3.0 * StartGenerator.Normal(random) / k;
        }

        yield return shape;
    }

    /// <summary>The overall log rate Σy / Σexposure (the flat start of every rate curve).</summary>
    public static double BaseLogRate(PatternPanel panel)
    {
        double y = 0, e = 0;
        var p = panel.Patterns;
        for (var i = 0; i < p.PersonCount; i++)
        {
            var s = p.Series(i);
            for (var k = 0; k < s.Length; k++)
            {
                y += panel.Weights[i] * s.Counts[k];
                e += panel.Weights[i] * (s.Exposure.IsEmpty ? 1.0 : s.Exposure[k]);
            }
        }

        return Math.Log(Math.Max(y, 0.5) / Math.Max(e, 1.0));
    }
}
