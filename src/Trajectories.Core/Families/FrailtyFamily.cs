namespace Trajectories.Core.Families;

/// <summary>
/// Poisson counts with a person-level gamma frailty within each group (negative multinomial; see
/// <see cref="GammaFrailty"/>): mean e·exp(η) as in Poisson, and one multiplier u ~ Gamma(a, a) per person shared by
/// all their years, ζ = log Var u = −log a one per group. The model for registers where persons of one profile offend
/// at persistently different levels; no peer package (PROC TRAJ, traj, crimCV, flexmix, lcmm) offers it.
/// </summary>
/// <remarks>
/// Per observation the family gives only the observation's own term of the person's log-likelihood, y·(η + log e)
/// (<see cref="LogDensity"/>, <see cref="Derivatives"/>); the person-level term T_a(Y) − (a + Y)·log1p(Λ/a), which
/// holds every rate through Λ = Σ μ, and the frailty's posterior are added by the estimator because
/// <see cref="HasPersonFrailty"/> is true. Keeping the −μ terms out of the cells matters: a Poisson sum −Λ plus a
/// correction +Λ would cancel to nothing where a rate explodes. ζ has no per-observation derivative: its score comes
/// from the person-level part alone. Below ζ = −10 (Var u &lt; 5e-5) the group is Poisson to the data's precision:
/// the variance is at its boundary.
/// </remarks>
public sealed class FrailtyFamily : CountFamily
{
    /// <summary>The shared instance (the family is stateless).</summary>
    public static FrailtyFamily Instance { get; } = new();

    private static readonly SecondaryPredictor Variance = new(
        new Predictor("log frailty variance", "frailty_variance", PredictorLink.Log), SecondaryShape.Constant, -10.0, double.NaN);

    /// <inheritdoc/>
    public override string Name => "frailty";

    /// <inheritdoc/>
    public override bool HasPersonFrailty => true;

    /// <inheritdoc/>
    public override SecondaryPredictor? Secondary => Variance;

    /// <inheritdoc/>
    /// <remarks>y·(η + log e): the observation's own term; the rates enter the person-level term (see the class remarks).</remarks>
    public override double LogDensity(double y, double logExposure, double eta, double zeta) =>
        y == 0 ? 0.0 : y * (eta + logExposure);

    /// <inheritdoc/>
    /// <remarks>The derivatives of <see cref="LogDensity"/>: y in η, nothing else.</remarks>
    public override ObservationDerivatives Derivatives(double y, double logExposure, double eta, double zeta) =>
        new(LogDensity(y, logExposure, eta, zeta), y, 0.0, 0.0, 0.0, 0.0);

    /// <inheritdoc/>
    public override double Mean(double eta, double zeta) => Math.Exp(eta);

    /// <inheritdoc/>
    public override (double Value, double Eta, double Zeta) LinkedMean(double eta, double zeta) => (eta, 1.0, 0.0);

    /// <inheritdoc/>
    /// <remarks>
    /// The moment estimate of the extra-Poisson variance, (variance − mean)/mean², clamped to [e^−3, e^0.5]: it also
    /// holds the spread between groups, so it overstates the frailty, and the M-steps correct it.
    /// </remarks>
    public override double StartSecondary(OutcomeSummary data) => Math.Clamp(Counts.LogExtraVariance(data), -3.0, 0.5);

    /// <inheritdoc/>
    /// <remarks>
    /// One observation at frailty 1: a simulator draws the person's frailty once (<see cref="DrawFrailty"/>) and passes
    /// it in as a factor of the exposure, so that all the person's years share it.
    /// </remarks>
    public override double Sample(Random random, double exposure, double eta, double zeta) =>
        PoissonFamily.Instance.Sample(random, exposure, eta, zeta);

    /// <inheritdoc/>
    public override double DrawFrailty(Random random, double zeta)
    {
        ArgumentNullException.ThrowIfNull(random);
        var a = GammaFrailty.Shape(zeta);
        return Simulation.Draws.Gamma(random, a) / a;
    }
}
