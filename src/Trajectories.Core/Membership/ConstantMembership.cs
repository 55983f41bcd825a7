namespace Trajectories.Core.Membership;

/// <summary>
/// Group shares without covariates: π_g = exp(θ_g) / Σ_h exp(θ_h) with θ_1 = 0 (the first group is the reference),
/// so θ holds K − 1 free logits, as in PROC TRAJ's multinomial parameterisation.
/// </summary>
public sealed class ConstantMembership : IMembershipModel
{
    /// <summary>The smallest share the M-step returns; keeps log π finite so a vanishing group is still reported.</summary>
    public const double ShareFloor = 1e-300;

    /// <summary>The shared instance (the model is stateless).</summary>
    public static ConstantMembership Instance { get; } = new();

    private static readonly double[] Intercept = [1.0];

    /// <inheritdoc/>
    public int Width => 1;

    /// <inheritdoc/>
    public bool IsConstant => true;

    /// <inheritdoc/>
    public int ParameterCount(int groups) => groups - 1;

    /// <inheritdoc/>
    public ReadOnlySpan<double> Row(int row) => Intercept;

    /// <inheritdoc/>
    public void LogPriors(ReadOnlySpan<double> theta, int row, Span<double> logPriors) => LogShares(theta, logPriors);

    /// <inheritdoc/>
    public void AddCurvature(ReadOnlySpan<double> theta, ReadOnlySpan<double> weights, int groups, Span<double> hessian, int n)
    {
        // −N (diag π − ππᵀ) over groups 2…K.
        var shares = Shares(theta);
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        for (var a = 0; a < groups - 1; a++)
        {
            for (var b = 0; b < groups - 1; b++)
            {
                hessian[(a * n) + b] -= total * ((a == b ? shares[a + 1] : 0.0) - (shares[a + 1] * shares[b + 1]));
            }
        }
    }

    /// <inheritdoc/>
    public double[] Shares(ReadOnlySpan<double> theta, ReadOnlySpan<double> weights, int groups) => Shares(theta);

    /// <inheritdoc/>
    /// <remarks>∂π_g/∂θ_j = π_g(δ_{g,j+1} − π_{j+1}).</remarks>
    public double[] ShareJacobian(ReadOnlySpan<double> theta, ReadOnlySpan<double> weights, int groups)
    {
        var shares = Shares(theta);
        var m = groups - 1;
        var j = new double[groups * m];
        for (var g = 0; g < groups; g++)
        {
            for (var a = 0; a < m; a++)
            {
                j[(g * m) + a] = shares[g] * ((g == a + 1 ? 1 : 0) - shares[a + 1]);
            }
        }

        return j;
    }

    /// <summary>log π for θ, by a numerically stable log-softmax.</summary>
    public static void LogShares(ReadOnlySpan<double> theta, Span<double> logShares)
    {
        var max = 0.0;
        foreach (var t in theta)
        {
            max = Math.Max(max, t);
        }

        var sum = Math.Exp(-max);
        foreach (var t in theta)
        {
            sum += Math.Exp(t - max);
        }

        var log = max + Math.Log(sum);
        logShares[0] = -log;
        for (var g = 1; g < logShares.Length; g++)
        {
            logShares[g] = theta[g - 1] - log;
        }
    }

    /// <summary>π for θ.</summary>
    public static double[] Shares(ReadOnlySpan<double> theta)
    {
        var s = new double[theta.Length + 1];
        LogShares(theta, s);
        for (var g = 0; g < s.Length; g++)
        {
            s[g] = Math.Exp(s[g]);
        }

        return s;
    }

    /// <inheritdoc/>
    public void AddGradient(ReadOnlySpan<double> theta, IMembershipStatistics statistics, ReadOnlySpan<double> weights, Span<double> gradient)
    {
        // ∂/∂θ_g Σ_i w_i log Σ_h π_h f_ih = Σ_i w_i (p_ig − π_g), g ≥ 2: the group sums of the posteriors alone.
        ArgumentNullException.ThrowIfNull(statistics);
        var groups = theta.Length + 1;
        var shares = Shares(theta);
        var total = Total(weights);
        var sums = statistics.GroupSums;
        for (var g = 1; g < groups; g++)
        {
            gradient[g - 1] += sums[g] - (total * shares[g]);
        }
    }

    /// <inheritdoc/>
    public void Maximize(IMembershipStatistics statistics, ReadOnlySpan<double> weights, int groups, Span<double> theta)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var total = Total(weights);
        Span<double> shares = stackalloc double[groups];
        for (var g = 0; g < groups; g++)
        {
            shares[g] = Math.Max(statistics.GroupSums[g] / total, ShareFloor);
        }

        FromShares(shares, theta);
    }

    private static double Total(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        return total;
    }

    /// <inheritdoc/>
    public void FromShares(ReadOnlySpan<double> shares, Span<double> theta) => MultinomialLogit.FromShares(shares, theta, 1);
}
