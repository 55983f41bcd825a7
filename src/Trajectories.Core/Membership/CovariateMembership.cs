using Trajectories.Core.Numerics;

namespace Trajectories.Core.Membership;

/// <summary>
/// PROC TRAJ's RISK: group membership as a multinomial logit on person covariates (risk factors), bound to the rows
/// of a prepared panel (each row's covariates are its persons' — rows are compressed only when these agree).
/// </summary>
/// <remarks>
/// The M-step maximises the concave Σ_i w_i Σ_g p_ig log π_ig(θ) by Newton's method with step halving from the
/// current θ (gradient Σ w (p − π) ⊗ x, Hessian −Σ w (diag π − ππᵀ) ⊗ xxᵀ), so it is a generalised EM step.
/// </remarks>
public sealed class CovariateMembership : IMembershipModel
{
    private const int MaxNewtonSteps = 50;

    /// <summary>Binds the model to row covariates, row-major rows × <paramref name="width"/>, first column all 1.</summary>
    public CovariateMembership(double[] rows, int width)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (width < 1 || rows.Length % width != 0)
        {
            throw new ArgumentException("the covariate rows must be rows × width with width ≥ 1.", nameof(rows));
        }

        Rows = rows;
        Width = width;
    }

    /// <summary>The covariates of every row, row-major, intercept first.</summary>
    public double[] Rows { get; }

    /// <inheritdoc/>
    public int Width { get; }

    /// <inheritdoc/>
    public bool IsConstant => false;

    /// <inheritdoc/>
    public int ParameterCount(int groups) => (groups - 1) * Width;

    /// <inheritdoc/>
    public ReadOnlySpan<double> Row(int row) => Rows.AsSpan(row * Width, Width);

    /// <inheritdoc/>
    public void LogPriors(ReadOnlySpan<double> theta, int row, Span<double> logPriors) =>
        MultinomialLogit.LogPriors(theta, Row(row), logPriors);

    /// <inheritdoc/>
    public void AddGradient(ReadOnlySpan<double> theta, IMembershipStatistics statistics, ReadOnlySpan<double> weights, Span<double> gradient)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        AddGradient(theta, statistics.Posteriors, weights, gradient);
    }

    /// <inheritdoc/>
    public void Maximize(IMembershipStatistics statistics, ReadOnlySpan<double> weights, int groups, Span<double> theta)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        Maximize(statistics.Posteriors, weights, groups, theta);
    }

    private void AddGradient(ReadOnlySpan<double> theta, ReadOnlySpan<double> posteriors, ReadOnlySpan<double> weights, Span<double> gradient)
    {
        var groups = (theta.Length / Width) + 1;
        Span<double> prior = stackalloc double[groups];
        for (var i = 0; i < weights.Length; i++)
        {
            Priors(theta, i, prior);
            var x = Row(i);
            for (var g = 1; g < groups; g++)
            {
                var r = weights[i] * (posteriors[(i * groups) + g] - prior[g]);
                for (var k = 0; k < Width; k++)
                {
                    gradient[((g - 1) * Width) + k] += r * x[k];
                }
            }
        }
    }

    /// <inheritdoc/>
    public void AddCurvature(ReadOnlySpan<double> theta, ReadOnlySpan<double> weights, int groups, Span<double> hessian, int n)
    {
        Span<double> prior = stackalloc double[groups];
        for (var i = 0; i < weights.Length; i++)
        {
            Priors(theta, i, prior);
            var x = Row(i);
            for (var a = 1; a < groups; a++)
            {
                for (var b = 1; b < groups; b++)
                {
                    var c = weights[i] * ((a == b ? prior[a] : 0.0) - (prior[a] * prior[b]));
                    for (var k = 0; k < Width; k++)
                    {
                        var row = ((a - 1) * Width) + k;
                        for (var l = 0; l < Width; l++)
                        {
                            hessian[(row * n) + ((b - 1) * Width) + l] -= c * x[k] * x[l];
                        }
                    }
                }
            }
        }
    }

    private void Maximize(ReadOnlySpan<double> posteriors, ReadOnlySpan<double> weights, int groups, Span<double> theta)
    {
        var m = ParameterCount(groups);
        var gradient = new double[m];
        var info = new double[m * m];
        var trial = new double[m];
        var current = Objective(theta, posteriors, weights, groups);
        for (var step = 0; step < MaxNewtonSteps; step++)
        {
            Array.Clear(gradient);
            Array.Clear(info);
            AddGradient(theta, posteriors, weights, gradient);
            AddCurvature(theta, weights, groups, info, m);
            for (var k = 0; k < info.Length; k++)
            {
                info[k] = -info[k];
            }

            var direction = Cholesky.SolveDamped(info, m, gradient);
            if (direction is null || direction.Max(Math.Abs) < 1e-12)
            {
                return;
            }

            var accepted = false;
            for (var s = 1.0; s > 1e-8; s *= 0.5)
            {
                for (var k = 0; k < m; k++)
                {
                    trial[k] = theta[k] + (s * direction[k]);
                }

                var value = Objective(trial, posteriors, weights, groups);
                if (double.IsFinite(value) && value >= current)
                {
                    accepted = value - current > 1e-13 * Math.Abs(current);
                    current = value;
                    trial.CopyTo(theta);
                    break;
                }
            }

            if (!accepted)
            {
                return;
            }
        }
    }

    /// <inheritdoc/>
    public void FromShares(ReadOnlySpan<double> shares, Span<double> theta) => MultinomialLogit.FromShares(shares, theta, Width);

    /// <inheritdoc/>
    public double[] Shares(ReadOnlySpan<double> theta, ReadOnlySpan<double> weights, int groups)
    {
        var shares = new double[groups];
        Span<double> prior = stackalloc double[groups];
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            Priors(theta, i, prior);
            total += weights[i];
            for (var g = 0; g < groups; g++)
            {
                shares[g] += weights[i] * prior[g];
            }
        }

        for (var g = 0; g < groups; g++)
        {
            shares[g] /= total;
        }

        return shares;
    }

    /// <inheritdoc/>
    /// <remarks>∂π_ig/∂θ_(h,k) = π_ig(δ_gh − π_ih)·x_ik, averaged over the persons.</remarks>
    public double[] ShareJacobian(ReadOnlySpan<double> theta, ReadOnlySpan<double> weights, int groups)
    {
        var m = ParameterCount(groups);
        var jacobian = new double[groups * m];
        Span<double> prior = stackalloc double[groups];
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            Priors(theta, i, prior);
            total += weights[i];
            var x = Row(i);
            for (var g = 0; g < groups; g++)
            {
                for (var h = 1; h < groups; h++)
                {
                    var d = weights[i] * prior[g] * ((g == h ? 1.0 : 0.0) - prior[h]);
                    for (var k = 0; k < Width; k++)
                    {
                        jacobian[(g * m) + ((h - 1) * Width) + k] += d * x[k];
                    }
                }
            }
        }

        for (var k = 0; k < jacobian.Length; k++)
        {
            jacobian[k] /= total;
        }

        return jacobian;
    }

    private void Priors(ReadOnlySpan<double> theta, int row, Span<double> prior)
    {
        LogPriors(theta, row, prior);
        for (var g = 0; g < prior.Length; g++)
        {
            prior[g] = Math.Exp(prior[g]);
        }
    }

    private double Objective(ReadOnlySpan<double> theta, ReadOnlySpan<double> posteriors, ReadOnlySpan<double> weights, int groups)
    {
        Span<double> lp = stackalloc double[groups];
        var value = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            LogPriors(theta, i, lp);
            for (var g = 0; g < groups; g++)
            {
                var p = posteriors[(i * groups) + g];
                if (p > 0)
                {
                    value += weights[i] * p * lp[g];
                }
            }
        }

        return value;
    }
}
