namespace Trajectories.Core.Families;

/// <summary>
/// A 0/1 outcome per time (PROC TRAJ's LOGIT: any registered case that year): P(y = 1) = logistic(η),
/// log f = yη − log(1 + e^η); ∂η = y − p, ∂ηη = −p(1 − p). No exposure, no second predictor.
/// </summary>
public sealed class LogitFamily : ITrajectoryFamily
{
    /// <summary>The shared instance (the family is stateless).</summary>
    public static LogitFamily Instance { get; } = new();

    private static readonly Predictor Logit = new("logit", "logit", PredictorLink.Logit);

    /// <inheritdoc/>
    public string Name => "logit";

    /// <inheritdoc/>
    public OutcomeKind Outcome => OutcomeKind.Binary;

    /// <inheritdoc/>
    public bool UsesExposure => false;

    /// <inheritdoc/>
    public Predictor Trajectory => Logit;

    /// <inheritdoc/>
    public SecondaryPredictor? Secondary => null;

    /// <inheritdoc/>
    /// <remarks>Beyond logit ±20 (p within 2e-9 of 0 or 1) the estimate has run off to infinity.</remarks>
    public double TrajectoryBound => 20.0;

    /// <inheritdoc/>
    public double SecondaryFloor => double.NegativeInfinity;

    /// <inheritdoc/>
    public PredictorLink MeanLink => PredictorLink.Logit;

    /// <inheritdoc/>
    public string? OutcomeProblem(double y) =>
        y is 0 or 1 ? null : $"{Counts.Show(y)} is not a 0/1 outcome (the logit family models whether something happened at each time).";

    /// <inheritdoc/>
    public double LogConstant(double y) => 0.0;

    /// <inheritdoc/>
    public double LogDensity(double y, double logExposure, double eta, double zeta) => (y * eta) - ZipFamily.Softplus(eta);

    /// <inheritdoc/>
    public ObservationDerivatives Derivatives(double y, double logExposure, double eta, double zeta)
    {
        var p = ZipFamily.Logistic(eta);
        return new ObservationDerivatives((y * eta) - ZipFamily.Softplus(eta), y - p, 0.0, -p * (1.0 - p), 0.0, 0.0);
    }

    /// <inheritdoc/>
    public double Mean(double eta, double zeta) => ZipFamily.Logistic(eta);

    /// <inheritdoc/>
    public (double Value, double Eta, double Zeta) LinkedMean(double eta, double zeta) => (eta, 1.0, 0.0);

    /// <inheritdoc/>
    public double StartTrajectory(OutcomeSummary data)
    {
        var p = Math.Clamp(data.Mean, 1e-4, 1 - 1e-4);
        return Math.Log(p / (1 - p));
    }

    /// <inheritdoc/>
    public double StartSecondary(OutcomeSummary data) => double.NegativeInfinity;

    /// <inheritdoc/>
    public double Sample(Random random, double exposure, double eta, double zeta)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.NextDouble() < ZipFamily.Logistic(eta) ? 1 : 0;
    }
}
