using Trajectories.Core.Numerics;

namespace Trajectories.Core.Families;

/// <summary>
/// A continuous outcome censored at a minimum and a maximum (PROC TRAJ's CNORM with MIN and MAX): a latent
/// y* ~ N(μ, σ²) with μ = η on the data scale and σ = exp(ζ) per group; y = min when y* ≤ min, max when y* ≥ max.
/// </summary>
/// <remarks>
/// <para>Inside (min, max): log f = −ζ − z²/2 − log √(2π), z = (y − μ)/σ; ∂μ = z/σ, ∂ζ = z² − 1, ∂μμ = −1/σ²,
/// ∂μζ = −2z/σ, ∂ζζ = −2z².</para>
/// <para>At min: log f = log Φ(a), a = (min − μ)/σ; with the Mills ratio m = φ(a)/Φ(a) and ∂a/∂μ = −1/σ,
/// ∂a/∂ζ = −a: ∂μ = −m/σ, ∂ζ = −am, ∂μμ = −m(a + m)/σ², ∂μζ = m(1 − a(a + m))/σ, ∂ζζ = am(1 − a(a + m)).
/// At max the same with b = (μ − max)/σ and the sign of ∂μ and ∂μζ reversed.</para>
/// <para>PROC TRAJ fits one σ for all groups unless told otherwise (SIGMAGROUP); here each group has its own, as in
/// flexmix's Gaussian mixtures: the model nests PROC TRAJ's default and lets a noisy group be noisy.</para>
/// <para>The trajectory reported is the expected observed value E[y] = min·Φ(a) + max·Φ(b) + μ(Φ(−b) − Φ(a)) +
/// σ(φ(a) − φ(b)), which is what the posterior-weighted observed means estimate, with a band on the data scale
/// (∂E/∂μ = Φ(−b) − Φ(a), ∂E/∂ζ = σ(φ(a) − φ(b))).</para>
/// </remarks>
public sealed class CensoredNormalFamily : ITrajectoryFamily
{
    private const double LogSqrt2Pi = 0.91893853320467274178;

    private static readonly Predictor MeanPredictor = new("mean", "mean", PredictorLink.Identity);

    private static readonly SecondaryPredictor Sigma = new(
        new Predictor("log sigma", "sigma", PredictorLink.Log), SecondaryShape.Constant, double.NegativeInfinity, double.NaN);

    /// <summary>A family censored at <paramref name="min"/> and <paramref name="max"/> (finite, min &lt; max).</summary>
    /// <exception cref="ArgumentException">When the bounds are not finite or not increasing.</exception>
    public CensoredNormalFamily(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || !(min < max))
        {
            throw new ArgumentException($"the censoring bounds must be finite with min < max (got min {Counts.Show(min)}, max {Counts.Show(max)}).");
        }

        Min = min;
        Max = max;
    }

    /// <summary>The censoring minimum: observations at or below it are "≤ min".</summary>
    public double Min { get; }

    /// <summary>The censoring maximum: observations at or above it are "≥ max".</summary>
    public double Max { get; }

    /// <inheritdoc/>
    public string Name => "cnorm";

    /// <summary>Two censored-normal families are the same model when their bounds are.</summary>
    public override bool Equals(object? obj) => obj is CensoredNormalFamily other && other.Min == Min && other.Max == Max;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Min, Max);

    /// <inheritdoc/>
    public OutcomeKind Outcome => OutcomeKind.Continuous;

    /// <inheritdoc/>
    public IReadOnlyList<KeyValuePair<string, double>> Settings => [new("min", Min), new("max", Max)];

    /// <inheritdoc/>
    public bool UsesExposure => false;

    /// <inheritdoc/>
    public Predictor Trajectory => MeanPredictor;

    /// <inheritdoc/>
    public SecondaryPredictor? Secondary => Sigma;

    /// <inheritdoc/>
    public double TrajectoryBound => double.PositiveInfinity;

    /// <inheritdoc/>
    /// <remarks>
    /// A group whose σ shrinks below a millionth of the range sits on the singularity every normal mixture has
    /// (a group fitted to one repeated value: its likelihood grows without bound).
    /// </remarks>
    public double SecondaryFloor => Math.Log(1e-6 * (Max - Min));

    /// <inheritdoc/>
    public PredictorLink MeanLink => PredictorLink.Identity;

    /// <inheritdoc/>
    public string? OutcomeProblem(double y) =>
        double.IsFinite(y) && y >= Min && y <= Max
            ? null
            : $"{Counts.Show(y)} is outside the censoring range [{Counts.Show(Min)}, {Counts.Show(Max)}] given by --min and --max.";

    /// <inheritdoc/>
    public double LogConstant(double y) => y > Min && y < Max ? -LogSqrt2Pi : 0.0;

    /// <inheritdoc/>
    public double LogDensity(double y, double logExposure, double eta, double zeta)
    {
        var sigma = Math.Exp(zeta);
        if (y <= Min)
        {
            return NormalDistribution.LogCdf((Min - eta) / sigma);
        }

        if (y >= Max)
        {
            return NormalDistribution.LogCdf((eta - Max) / sigma);
        }

        var z = (y - eta) / sigma;
        return -zeta - (0.5 * z * z);
    }

    /// <inheritdoc/>
    public ObservationDerivatives Derivatives(double y, double logExposure, double eta, double zeta)
    {
        var sigma = Math.Exp(zeta);
        if (y <= Min || y >= Max)
        {
            // Lower tail at a = (min − μ)/σ; the upper tail is the lower tail of b = (μ − max)/σ, with ∂b/∂μ = +1/σ.
            var lower = y <= Min;
            var a = lower ? (Min - eta) / sigma : (eta - Max) / sigma;
            var sign = lower ? -1.0 : 1.0;
            var m = NormalDistribution.Mills(a);
            var c = 1.0 - (a * (a + m));
            return new ObservationDerivatives(
                NormalDistribution.LogCdf(a),
                sign * m / sigma,
                -a * m,
                -m * (a + m) / (sigma * sigma),
                -sign * m * c / sigma,
                a * m * c);
        }

        var z = (y - eta) / sigma;
        return new ObservationDerivatives(-zeta - (0.5 * z * z), z / sigma, (z * z) - 1.0, -1.0 / (sigma * sigma), -2.0 * z / sigma, -2.0 * z * z);
    }

    /// <inheritdoc/>
    public double Mean(double eta, double zeta) => LinkedMean(eta, zeta).Value;

    /// <inheritdoc/>
    public (double Value, double Eta, double Zeta) LinkedMean(double eta, double zeta)
    {
        var sigma = Math.Exp(zeta);
        double a = (Min - eta) / sigma, b = (Max - eta) / sigma;
        double fa = NormalDistribution.Cdf(a), fb = NormalDistribution.Cdf(-b);
        double pa = NormalDistribution.Pdf(a), pb = NormalDistribution.Pdf(b);
        var inside = 1.0 - fa - fb;
        var value = (Min * fa) + (Max * fb) + (eta * inside) + (sigma * (pa - pb));
        return (value, inside, sigma * (pa - pb));
    }

    /// <inheritdoc/>
    public double StartTrajectory(OutcomeSummary data) => data.Mean;

    /// <inheritdoc/>
    public double StartSecondary(OutcomeSummary data) =>
        Math.Log(Math.Max(Math.Sqrt(Math.Max(data.Variance, 0)), 1e-3 * (Max - Min)));

    /// <inheritdoc/>
    public double Sample(Random random, double exposure, double eta, double zeta) =>
        Math.Clamp(eta + (Math.Exp(zeta) * Simulation.Draws.Normal(random)), Min, Max);
}
