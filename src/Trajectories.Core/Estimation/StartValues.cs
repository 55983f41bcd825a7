using Trajectories.Core.Families;
using Trajectories.Core.Panels;

namespace Trajectories.Core.Estimation;

/// <summary>
/// Starting values from a partition of the persons: every parameter block is set from it, not only the rate curves.
/// Shares are the partition's; each group's trajectory is its M-step from a flat one at the data's mean; a second
/// predictor is its M-step from the family's start (a dispersion, a σ) or, for a zero inflation, from an inflation
/// shape drawn for the start.
/// </summary>
/// <remarks>
/// The zero-inflated likelihood of a group is not concave in (β, γ), and on real careers the optimum is often not
/// "a few extra zeros everywhere" but "structural zeros early (or late), none later": on the Toronto data with
/// exposure, to2 K = 2 order 3 iorder 1 has its optimum 41 log-likelihood units above the one reached from flat
/// inflation starts, with π ≈ 1 at age 9 and ≈ 0 after 20 in one group. Each zero-inflated group of each start
/// therefore draws its inflation start from four shapes — flat, structural zeros before a random age, after a random
/// age, a random polynomial (<see cref="InflationShapes"/>). Drawing keeps the starts diverse: taking for every group
/// the shape whose M-step scored best made most starts alike and, over the Toronto sweep (48 models × 3 seeds), missed
/// the best optimum in 17 fits against 12.
/// </remarks>
internal static class StartValues
{
    /// <summary>Newton steps of each group's M-step from a starting partition.</summary>
    public const int PartitionNewtonSteps = 30;

    /// <summary>ψ from hard (or soft) posteriors, rows × groups.</summary>
    public static double[] FromPartition(MixtureLikelihood model, double[] posteriors, OutcomeSummary data, Random random)
    {
        var p = model.Parameters;
        var family = model.Spec.Family;
        var psi = new double[p.Total];
        model.SetPosteriors(posteriors);
        model.Membership.Maximize(model.State, model.Layout.Weights, p.Groups, psi.AsSpan(0, p.MembershipCount));
        var trajectory = family.StartTrajectory(data);
        for (var g = 0; g < p.Groups; g++)
        {
            var coef = psi.AsSpan(p.BetaOffset[g], p.GroupWidth(g));
            coef.Clear();
            coef[0] = trajectory;
            var pz = p.SecondaryOrders[g] + 1;
            if (pz > 0 && family.Secondary?.Shape == SecondaryShape.Polynomial)
            {
                var shapes = InflationShapes(pz, random).ToArray();
                shapes[random.Next(shapes.Length)].CopyTo(coef.Slice(p.TrajectoryWidth(g)));
            }
            else if (pz > 0)
            {
                coef[p.TrajectoryWidth(g)] = family.StartSecondary(data);
            }

            model.MaximizeGroup(psi, g, PartitionNewtonSteps);
        }

        return psi;
    }

    /// <summary>
    /// Inflation logit coefficients (on scaled time u ∈ [−1, 1]) to start from: flat π ≈ 0.12; when the polynomial has
    /// a slope, structural zeros before and after a random change point; one random polynomial.
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

    /// <summary>
    /// A local move on the inflation block: the converged ψ with one zero-inflated group's inflation replaced by a
    /// structural-zero shape (<see cref="InflationShapes"/>, the flat one skipped) and that group's M-step redone from
    /// there at ψ's posteriors. Groups take turns by <paramref name="turn"/>, largest expected size first; null when
    /// no group has zero inflation. The model's state is left at an M-step.
    /// </summary>
    public static double[]? InflationMove(MixtureLikelihood model, double[] psi, int turn, Random random)
    {
        var p = model.Parameters;
        model.EStep(psi);
        var sizes = model.GroupSizes();
        if (model.Spec.Family.Secondary?.Shape != SecondaryShape.Polynomial)
        {
            return null;
        }

        var inflated = Enumerable.Range(0, p.Groups).Where(g => p.SecondaryOrders[g] >= 0).OrderByDescending(g => sizes[g]).ThenBy(g => g).ToArray();
        if (inflated.Length == 0)
        {
            return null;
        }

        var g = inflated[turn % inflated.Length];
        var width = p.SecondaryOrders[g] + 1;
        var shapes = InflationShapes(width, random).Skip(1).ToArray();
        var shape = shapes[(turn / inflated.Length) % shapes.Length];
        var start = psi.ToArray();
        var gamma = start.AsSpan(p.GammaOffset[g], width);
        gamma.Clear();
        shape.CopyTo(gamma);
        model.MaximizeGroup(start, g, PartitionNewtonSteps);
        return start;
    }

    /// <summary>The data's overall outcome (Σy, Σexposure, mean and variance of y), from which flat starts are set.</summary>
    public static OutcomeSummary Summary(PatternPanel panel)
    {
        double y = 0, e = 0, n = 0, yy = 0;
        var p = panel.Patterns;
        for (var i = 0; i < p.PersonCount; i++)
        {
            var s = p.Series(i);
            var w = panel.Weights[i];
            for (var k = 0; k < s.Length; k++)
            {
                y += w * s.Values[k];
                yy += w * s.Values[k] * s.Values[k];
                e += w * (s.Exposure.IsEmpty ? 1.0 : s.Exposure[k]);
                n += w;
            }
        }

        var mean = n > 0 ? y / n : 0.0;
        return new OutcomeSummary(y, e, mean, n > 0 ? Math.Max((yy / n) - (mean * mean), 0.0) : 0.0);
    }
}
