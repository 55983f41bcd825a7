namespace Trajectories.Core.Membership;

/// <summary>
/// The arithmetic every membership model shares: priors of a θ block at a row, and the re-expression of θ when the
/// groups are relabelled or duplicated (the model's distributions unchanged).
/// </summary>
public static class MultinomialLogit
{
    /// <summary>log π_g = θ_g'x − log Σ_h exp(θ_h'x), θ_1 = 0, by a stable log-softmax.</summary>
    public static void LogPriors(ReadOnlySpan<double> theta, ReadOnlySpan<double> x, Span<double> logPriors)
    {
        var width = x.Length;
        var groups = logPriors.Length;
        logPriors[0] = 0.0;
        var max = 0.0;
        for (var g = 1; g < groups; g++)
        {
            var s = 0.0;
            var block = theta.Slice((g - 1) * width, width);
            for (var k = 0; k < width; k++)
            {
                s += block[k] * x[k];
            }

            logPriors[g] = s;
            max = Math.Max(max, s);
        }

        var sum = 0.0;
        for (var g = 0; g < groups; g++)
        {
            sum += Math.Exp(logPriors[g] - max);
        }

        var log = max + Math.Log(sum);
        for (var g = 0; g < groups; g++)
        {
            logPriors[g] -= log;
        }
    }

    /// <summary>
    /// θ for the same model with groups relabelled: new group g is old group <paramref name="order"/>[g]. Each block
    /// becomes θ_order[g] − θ_order[0], so the new first group is the reference again.
    /// </summary>
    public static double[] Permute(ReadOnlySpan<double> theta, IReadOnlyList<int> order, int width)
    {
        var groups = order.Count;
        var result = new double[(groups - 1) * width];
        for (var g = 1; g < groups; g++)
        {
            for (var k = 0; k < width; k++)
            {
                result[((g - 1) * width) + k] = Block(theta, order[g], width, k) - Block(theta, order[0], width, k);
            }
        }

        return result;
    }

    /// <summary>
    /// θ of a model with more groups, outer group g a copy of inner group <paramref name="map"/>[g]: the copies of a
    /// group share its prior equally (intercept − log copies), so every row's distribution is the inner one.
    /// </summary>
    public static double[] Embed(ReadOnlySpan<double> inner, IReadOnlyList<int> map, int innerGroups, int width)
    {
        var copies = new int[innerGroups];
        foreach (var j in map)
        {
            copies[j]++;
        }

        var outer = map.Count;
        var result = new double[(outer - 1) * width];
        for (var g = 1; g < outer; g++)
        {
            for (var k = 0; k < width; k++)
            {
                var value = Block(inner, map[g], width, k) - Block(inner, map[0], width, k);
                if (k == 0)
                {
                    value += Math.Log(copies[map[0]]) - Math.Log(copies[map[g]]);
                }

                result[((g - 1) * width) + k] = value;
            }
        }

        return result;
    }

    /// <summary>
    /// θ (blocks of <paramref name="width"/>, group 1 the reference) giving every row the group shares
    /// <paramref name="shares"/>: intercepts log(π_g/π_1), floored at <see cref="ConstantMembership.ShareFloor"/>, slopes 0.
    /// </summary>
    public static void FromShares(ReadOnlySpan<double> shares, Span<double> theta, int width)
    {
        theta.Clear();
        var reference = Math.Log(Math.Max(shares[0], ConstantMembership.ShareFloor));
        for (var g = 1; g < shares.Length; g++)
        {
            theta[(g - 1) * width] = Math.Log(Math.Max(shares[g], ConstantMembership.ShareFloor)) - reference;
        }
    }

    private static double Block(ReadOnlySpan<double> theta, int group, int width, int k) =>
        group == 0 ? 0.0 : theta[((group - 1) * width) + k];
}
