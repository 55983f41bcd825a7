using Trajectories.Core.Membership;

namespace Trajectories.Core.Estimation;

/// <summary>
/// Canonical group labels: groups sorted by their mean predicted count over the time grid, ascending (ties by
/// current label), so that the same model fitted twice reads the same way whatever start won.
/// </summary>
internal static class Canonical
{
    /// <summary>ψ with its groups permuted into canonical order (ψ itself is not changed).</summary>
    public static double[] Reorder(MixtureLikelihood model, double[] psi)
    {
        var p = model.Parameters;
        model.Tables.Update(psi, 1);
        var t = model.Tables.Time;
        var means = new double[p.Groups];
        for (var g = 0; g < p.Groups; g++)
        {
            for (var k = 0; k < t; k++)
            {
                means[g] += model.Spec.Family.Mean(model.Tables.Eta[(g * t) + k], model.Tables.Zeta[(g * t) + k]) / t;
            }
        }

        var order = Enumerable.Range(0, p.Groups).OrderBy(g => means[g]).ThenBy(g => g).ToArray();
        if (order.SequenceEqual(Enumerable.Range(0, p.Groups)))
        {
            return psi.ToArray();
        }

        if (model.Spec.Membership is not ConstantMembership)
        {
            // A covariate membership model must re-reference its coefficient blocks; not needed before one exists.
            return psi.ToArray();
        }

        // Groups may have different orders, so the permuted model would be a different specification; only
        // relabel when every group has the same orders (always the case for a broadcast specification).
        if (p.Orders.Distinct().Count() > 1 || p.InflationOrders.Distinct().Count() > 1)
        {
            return psi.ToArray();
        }

        var shares = ConstantMembership.Shares(psi.AsSpan(0, p.MembershipCount));
        var permutedShares = order.Select(g => shares[g]).ToArray();
        var result = new double[psi.Length];
        model.Spec.Membership.FromShares(permutedShares, result.AsSpan(0, p.MembershipCount));
        for (var g = 0; g < p.Groups; g++)
        {
            var from = order[g];
            Array.Copy(psi, p.BetaOffset[from], result, p.BetaOffset[g], p.GroupWidth(from));
        }

        return result;
    }
}
