namespace Trajectories.Core.Families;

/// <summary>
/// Zero-inflated Poisson as defined by PROC TRAJ / Stata traj: with probability π = logistic(ζ) a structural zero,
/// otherwise Poisson(e·exp(η)).
/// </summary>
/// <remarks>
/// With λ = e·exp(η): y = 0 has log f = log(π + (1−π)e^{−λ}) = logsumexp(ζ, −λ) − softplus(ζ), which stays finite
/// for extreme ζ and λ; y &gt; 0 has log f = −softplus(ζ) + y log λ − λ − log y!. Writing q = 1/(1 + e^{ζ+λ}) for the
/// posterior probability that a zero is a Poisson zero, the derivatives at y = 0 are
/// ∂η = −λq, ∂ζ = (1−q) − π, ∂ηη = −λq + λ²q(1−q), ∂ηζ = λq(1−q), ∂ζζ = q(1−q) − π(1−π)
/// (Lambert 1992, Technometrics 34:1–14). A group with ζ = −∞ (iorder −1) is plain Poisson.
/// </remarks>
public sealed class ZipFamily : CountFamily
{
    /// <summary>The shared instance (the family is stateless).</summary>
    public static ZipFamily Instance { get; } = new();

    /// <summary>
    /// The zero-inflation logit: IORDER; below −8 at every time (π &lt; 0.03 %) it is at its boundary; −745 makes
    /// π = 5e-324, which embeds a group without inflation exactly.
    /// </summary>
    private static readonly SecondaryPredictor Inflation = new(
        new Predictor("zero-inflation logit", "inflation", PredictorLink.Logit), SecondaryShape.Polynomial, InflationBoundary, -745.0);

    /// <summary>An inflation logit below this at every time point (π &lt; 0.03 %) is at the boundary "no excess zeros".</summary>
    public const double InflationBoundary = -8.0;

    /// <inheritdoc/>
    public override string Name => "zip";

    /// <inheritdoc/>
    public override SecondaryPredictor? Secondary => Inflation;

    /// <inheritdoc/>
    public override double LogDensity(double y, double logExposure, double eta, double zeta)
    {
        if (double.IsNegativeInfinity(zeta))
        {
            return PoissonFamily.Instance.LogDensity(y, logExposure, eta, zeta);
        }

        var offsetEta = eta + logExposure;
        var lambda = Math.Exp(offsetEta);
        return y == 0
            ? LogSumExp(zeta, -lambda) - Softplus(zeta)
            : -Softplus(zeta) + (y * offsetEta) - lambda;
    }

    /// <inheritdoc/>
    public override ObservationDerivatives Derivatives(double y, double logExposure, double eta, double zeta)
    {
        if (double.IsNegativeInfinity(zeta))
        {
            return PoissonFamily.Instance.Derivatives(y, logExposure, eta, zeta);
        }

        var offsetEta = eta + logExposure;
        var lambda = Math.Exp(offsetEta);
        var pi = Logistic(zeta);
        var pq = pi * (1.0 - pi);
        if (y > 0)
        {
            return new ObservationDerivatives(-Softplus(zeta) + (y * offsetEta) - lambda, y - lambda, -pi, -lambda, 0.0, -pq);
        }

        var q = Logistic(-(zeta + lambda));
        var qq = q * (1.0 - q);
        return new ObservationDerivatives(
            LogSumExp(zeta, -lambda) - Softplus(zeta),
            -lambda * q,
            (1.0 - q) - pi,
            (-lambda * q) + (lambda * lambda * qq),
            lambda * qq,
            qq - pq);
    }

    /// <inheritdoc/>
    public override double Mean(double eta, double zeta) =>
        double.IsNegativeInfinity(zeta) ? Math.Exp(eta) : (1.0 - Logistic(zeta)) * Math.Exp(eta);

    /// <inheritdoc/>
    /// <remarks>log μ = η + log(1 − π): ∂/∂η = 1, ∂/∂ζ = −π.</remarks>
    public override (double Value, double Eta, double Zeta) LinkedMean(double eta, double zeta) =>
        double.IsNegativeInfinity(zeta) ? (eta, 1.0, 0.0) : (eta - Softplus(zeta), 1.0, -Logistic(zeta));

    /// <inheritdoc/>
    public override double StartSecondary(OutcomeSummary data) => -2.0;

    /// <inheritdoc/>
    /// <remarks>The structural-zero draw comes first and only where π &gt; 0, as in <c>GbtmSimulator</c>'s fixed draw order.</remarks>
    public override double Sample(Random random, double exposure, double eta, double zeta)
    {
        ArgumentNullException.ThrowIfNull(random);
        var pi = double.IsNegativeInfinity(zeta) ? 0.0 : 1.0 / (1.0 + Math.Exp(-zeta));
        if (pi > 0 && random.NextDouble() < pi)
        {
            return 0;
        }

        return Simulation.PoissonSampler.Draw(random, Math.Exp(eta) * exposure);
    }

    /// <summary>1 / (1 + e^{−x}), without overflow.</summary>
    public static double Logistic(double x) => x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x));

    /// <summary>log(1 + e^x), without overflow.</summary>
    public static double Softplus(double x) => x > 0 ? x + Math.Log(1.0 + Math.Exp(-x)) : Math.Log(1.0 + Math.Exp(x));

    /// <summary>log(e^a + e^b), without overflow.</summary>
    internal static double LogSumExp(double a, double b)
    {
        var m = Math.Max(a, b);
        return m + Math.Log(Math.Exp(a - m) + Math.Exp(b - m));
    }
}
