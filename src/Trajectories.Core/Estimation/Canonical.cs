using Trajectories.Core.Membership;

namespace Trajectories.Core.Estimation;

/// <summary>
/// Canonical group labels: groups sorted by their mean predicted count over the times where they have persons
/// (<see cref="GroupSupport"/>; the whole grid for a group without any), ascending (ties by current label), so that the
/// same model fitted twice reads the same way whatever start won, and a curve's extrapolation beyond its group's ages
/// does not decide its place. With per-group
/// orders, groups are only sorted among those of the same (order, iorder); list the orders of a specification
/// from the lowest to the highest group, which is also how the starting partitions are labelled.
/// </summary>
internal static class Canonical
{
    /// <summary>ψ with its groups permuted into canonical order (ψ itself is not changed).</summary>
    public static double[] Reorder(MixtureLikelihood model, double[] psi)
    {
        var p = model.Parameters;
        model.EStep(psi);
        var support = GroupSupport.Of(model);
        var t = model.Tables.Time;
        var means = new double[p.Groups];
        for (var g = 0; g < p.Groups; g++)
        {
            var n = 0;
            for (var k = 0; k < t; k++)
            {
                if (support.Judges(g, k))
                {
                    means[g] += model.Spec.Family.Mean(model.Tables.Eta[(g * t) + k], model.Tables.Zeta[(g * t) + k]);
                    n++;
                }
            }

            means[g] /= n;
        }

        // Only groups with the same (order, iorder) may swap labels, or the permuted ψ would be another model:
        // within each such class the groups are sorted by mean and put back into the class's positions.
        var order = Enumerable.Range(0, p.Groups).ToArray();
        foreach (var cls in Enumerable.Range(0, p.Groups).GroupBy(g => (p.Orders[g], p.SecondaryOrders[g])))
        {
            var positions = cls.ToArray();
            var sorted = positions.OrderBy(g => means[g]).ThenBy(g => g).ToArray();
            for (var k = 0; k < positions.Length; k++)
            {
                order[positions[k]] = sorted[k];
            }
        }

        if (order.SequenceEqual(Enumerable.Range(0, p.Groups)))
        {
            return psi.ToArray();
        }

        // The membership coefficients are re-referenced to the new first group: the same priors for every row.
        var result = new double[psi.Length];
        MultinomialLogit.Permute(psi.AsSpan(0, p.MembershipCount), order, model.Membership.Width).CopyTo(result, 0);
        for (var g = 0; g < p.Groups; g++)
        {
            var from = order[g];
            Array.Copy(psi, p.BetaOffset[from], result, p.BetaOffset[g], p.GroupWidth(from));
        }

        return result;
    }
}
