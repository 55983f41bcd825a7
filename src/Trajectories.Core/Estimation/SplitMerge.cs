namespace Trajectories.Core.Estimation;

/// <summary>
/// Split-and-merge moves from a converged solution (Ueda, Nakano, Ghahramani and Hinton 2000, "SMEM algorithm for
/// mixture models", Neural Computation 12:2109–2128): two groups that describe the same persons are merged and the
/// freed group splits another one in two. A local optimum of a trajectory mixture is typically of exactly that kind —
/// two groups share one career shape while another group lumps together persons of different levels or onsets — and
/// no small perturbation of the coefficients leaves it.
/// </summary>
/// <remarks>
/// Merges are ranked by the normalised overlap of the two groups' posteriors, Σ w p_i p_j / (‖p_i‖‖p_j‖); the group
/// to split by its expected size (a large group has the most room to hide two). The split divides the group's
/// persons at their posterior-weighted median of one summary of their own series, alternately the level (log mean
/// count) and the timing (late minus early level), so that both "low and high rate" and "early and late" splits are
/// tried. The new groups' coefficients are M-steps from the old ones; the untouched groups keep theirs.
/// </remarks>
internal static class SplitMerge
{
    /// <summary>
    /// Up to <paramref name="count"/> starting vectors from the converged <paramref name="psi"/> (K ≥ 3). The model's
    /// state is left at an M-step, not at an E-step of ψ.
    /// </summary>
    public static List<double[]> Moves(MixtureLikelihood model, double[] psi, double[] features, int count)
    {
        var p = model.Parameters;
        var k = p.Groups;
        var moves = new List<double[]>();
        if (k < 3 || count <= 0)
        {
            return moves;
        }

        model.EStep(psi);
        var post = model.State.Posteriors.ToArray();
        var weights = model.Layout.Weights;
        var rows = weights.Length;
        var pairs = MergeRanking(post, weights, k);
        var sizes = model.GroupSizes();
        var splitOrder = Enumerable.Range(0, k).OrderByDescending(g => sizes[g]).ThenBy(g => g).ToArray();
        var feature = 0;
        foreach (var (i, j) in pairs)
        {
            foreach (var s in splitOrder)
            {
                if (s == i || s == j || !SameShape(p, s, j))
                {
                    continue;
                }

                // i takes both merged groups' persons; j, now free, takes one half of s; s keeps the other half.
                var level = feature++ % 2 == 0;
                var next = post.ToArray();
                var high = UpperHalf(post, weights, features, s, k, level);
                for (var r = 0; r < rows; r++)
                {
                    next[(r * k) + i] = post[(r * k) + i] + post[(r * k) + j];
                    next[(r * k) + j] = high[r] ? post[(r * k) + s] : 0.0;
                    next[(r * k) + s] = high[r] ? 0.0 : post[(r * k) + s];
                }

                moves.Add(FromPosteriors(model, psi, next, i, j, s));
                if (moves.Count >= count)
                {
                    return moves;
                }
            }
        }

        return moves;
    }

    /// <summary>Group pairs by descending posterior overlap (ties by index).</summary>
    private static List<(int I, int J)> MergeRanking(double[] post, double[] weights, int k)
    {
        var cross = new double[k * k];
        for (var r = 0; r < weights.Length; r++)
        {
            for (var a = 0; a < k; a++)
            {
                var pa = weights[r] * post[(r * k) + a];
                for (var b = a; b < k; b++)
                {
                    cross[(a * k) + b] += pa * post[(r * k) + b];
                }
            }
        }

        var pairs = new List<(int, int, double)>();
        for (var a = 0; a < k; a++)
        {
            for (var b = a + 1; b < k; b++)
            {
                var norm = Math.Sqrt(cross[(a * k) + a] * cross[(b * k) + b]);
                pairs.Add((a, b, norm > 0 ? cross[(a * k) + b] / norm : 0.0));
            }
        }

        return pairs.OrderByDescending(x => x.Item3).ThenBy(x => x.Item1).ThenBy(x => x.Item2).Select(x => (x.Item1, x.Item2)).ToList();
    }

    /// <summary>Rows above group s's posterior-weighted median of the level (or timing) summary.</summary>
    private static bool[] UpperHalf(double[] post, double[] weights, double[] features, int s, int k, bool level)
    {
        var rows = weights.Length;
        var value = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            value[r] = level ? features[r * 4] : features[(r * 4) + 2] - features[(r * 4) + 1];
        }

        var order = Enumerable.Range(0, rows).OrderBy(r => value[r]).ThenBy(r => r).ToArray();
        var total = 0.0;
        for (var r = 0; r < rows; r++)
        {
            total += weights[r] * post[(r * k) + s];
        }

        var high = new bool[rows];
        var below = 0.0;
        foreach (var r in order)
        {
            high[r] = below >= total / 2;
            below += weights[r] * post[(r * k) + s];
        }

        return high;
    }

    /// <summary>
    /// ψ for the new posteriors: shares from them; groups i, j and s re-estimated by M-steps started from the
    /// coefficients of i (for i) and s (for j and s); the others as in ψ.
    /// </summary>
    private static double[] FromPosteriors(MixtureLikelihood model, double[] psi, double[] posteriors, int i, int j, int s)
    {
        var p = model.Parameters;
        var start = psi.ToArray();
        Array.Copy(psi, p.BetaOffset[s], start, p.BetaOffset[j], p.GroupWidth(s));
        model.SetPosteriors(posteriors);
        model.Membership.Maximize(model.State, model.Layout.Weights, p.Groups, start.AsSpan(0, p.MembershipCount));
        foreach (var g in new[] { i, j, s })
        {
            model.MaximizeGroup(start, g, StartValues.PartitionNewtonSteps);
        }

        return start;
    }

    /// <summary>Whether two groups have the same orders, so one's coefficients fit the other's slot.</summary>
    private static bool SameShape(ParameterLayout p, int a, int b) =>
        p.Orders[a] == p.Orders[b] && p.SecondaryOrders[a] == p.SecondaryOrders[b];
}
