namespace Trajectories.Core.Families;

/// <summary>
/// Negative binomial counts (NB2: mean μ = e·exp(η), variance μ + αμ², one dispersion α = exp(ζ) per group): the
/// family for counts that vary more within a group than Poisson allows. PROC TRAJ and Stata traj do not offer it.
/// </summary>
/// <remarks>
/// With r = 1/α: log f = Σ_{k&lt;y} log((r + k)/(r + μ)) + y log μ − r·log1p(μ/r) − log y!, which is
/// lnΓ(y + r) − lnΓ(r) + r log(r/(r + μ)) + y log(μ/(r + μ)) − log y! rearranged so that no large terms cancel as
/// r → ∞ (the Poisson limit). Derivatives, with D = ∂ log f/∂r = Σ 1/(r + k) − log1p(μ/r) + (μ − y)/(r + μ) and
/// D' = −Σ 1/(r + k)² + μ/(r(r + μ)) − (μ − y)/(r + μ)², and ∂r/∂ζ = −r:
/// ∂η = r(y − μ)/(r + μ), ∂ηη = −rμ(y + r)/(r + μ)², ∂ζ = −rD, ∂ζζ = rD + r²D', ∂ηζ = −r(y − μ)μ/(r + μ)².
/// As ζ → −∞ the group becomes Poisson and ζ's score vanishes: below ζ = −10 (α &lt; 5e-5) the dispersion is at
/// its boundary.
/// </remarks>
public sealed class NegativeBinomialFamily : CountFamily
{
    /// <summary>The shared instance (the family is stateless).</summary>
    public static NegativeBinomialFamily Instance { get; } = new();

    /// <summary>Counts above this use log-gamma and digamma instead of the exact finite sums.</summary>
    private const int SumLimit = 256;

    private static readonly SecondaryPredictor Dispersion = new(
        new Predictor("log dispersion", "dispersion", PredictorLink.Log), SecondaryShape.Constant, -10.0, double.NaN);

    /// <inheritdoc/>
    public override string Name => "nb";

    /// <inheritdoc/>
    public override SecondaryPredictor? Secondary => Dispersion;

    /// <inheritdoc/>
    public override double LogDensity(double y, double logExposure, double eta, double zeta)
    {
        var mu = Math.Exp(eta + logExposure);
        var r = Math.Exp(-zeta);
        return Core(y, mu, r, eta + logExposure);
    }

    /// <inheritdoc/>
    public override ObservationDerivatives Derivatives(double y, double logExposure, double eta, double zeta)
    {
        var mu = Math.Exp(eta + logExposure);
        var r = Math.Exp(-zeta);
        var value = Core(y, mu, r, eta + logExposure);
        var (s1, s2) = Sums(y, r);
        var rm = r + mu;
        var d = s1 - Numerics.LogOnePlus.Of(mu / r) + ((mu - y) / rm);
        var dd = -s2 + (mu / (r * rm)) - ((mu - y) / (rm * rm));
        return new ObservationDerivatives(
            value,
            r * (y - mu) / rm,
            -r * d,
            -r * mu * (y + r) / (rm * rm),
            -r * (y - mu) * mu / (rm * rm),
            (r * d) + (r * r * dd));
    }

    /// <inheritdoc/>
    public override double Mean(double eta, double zeta) => Math.Exp(eta);

    /// <inheritdoc/>
    public override (double Value, double Eta, double Zeta) LinkedMean(double eta, double zeta) => (eta, 1.0, 0.0);

    /// <inheritdoc/>
    /// <remarks>
    /// The moment estimate α = (variance − mean)/mean² of the pooled data, clamped to [e^−4, e^2]: the pooled variance
    /// also holds the spread between groups, so this overstates a group's dispersion, and each start's M-step
    /// corrects it.
    /// </remarks>
    public override double StartSecondary(OutcomeSummary data) => Math.Clamp(Counts.LogExtraVariance(data), -4.0, 2.0);

    /// <inheritdoc/>
    /// <remarks>A gamma-mixed Poisson: λ ~ Γ(shape r, scale μ/r), y ~ Poisson(λ).</remarks>
    public override double Sample(Random random, double exposure, double eta, double zeta)
    {
        var r = Math.Exp(-zeta);
        var lambda = Simulation.Draws.Gamma(random, r) * Math.Exp(eta) * exposure / r;
        return Simulation.PoissonSampler.Draw(random, lambda);
    }

    private static double Core(double y, double mu, double r, double logMu)
    {
        var value = -r * Numerics.LogOnePlus.Of(mu / r);
        if (y == 0)
        {
            return value;
        }

        value += y * logMu;
        if (y <= SumLimit)
        {
            var rm = r + mu;
            for (var k = 0; k < y; k++)
            {
                value += Math.Log((r + k) / rm);
            }

            return value;
        }

        return value + MathNet.Numerics.SpecialFunctions.GammaLn(y + r) - MathNet.Numerics.SpecialFunctions.GammaLn(r) - (y * Math.Log(r + mu));
    }

    /// <summary>Σ_{k&lt;y} 1/(r + k) and Σ_{k&lt;y} 1/(r + k)² (ψ(y + r) − ψ(r) and ψ'(r) − ψ'(y + r)).</summary>
    private static (double S1, double S2) Sums(double y, double r)
    {
        if (y <= SumLimit)
        {
            double s1 = 0, s2 = 0;
            for (var k = 0; k < y; k++)
            {
                var v = 1.0 / (r + k);
                s1 += v;
                s2 += v * v;
            }

            return (s1, s2);
        }

        return (
            MathNet.Numerics.SpecialFunctions.DiGamma(y + r) - MathNet.Numerics.SpecialFunctions.DiGamma(r),
            Numerics.Polygamma.Trigamma(r) - Numerics.Polygamma.Trigamma(y + r));
    }
}
