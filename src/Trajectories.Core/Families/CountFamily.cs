using Trajectories.Core.Panels;

namespace Trajectories.Core.Families;

/// <summary>
/// What the count families (Poisson, ZIP, negative binomial, gamma frailty) share: counts as the outcome, a log-rate trajectory with
/// a log-exposure offset, the log-rate bound that marks a degenerate group, and the −log y! constant. A family
/// derived from it states only its name, its second predictor and its density.
/// </summary>
public abstract class CountFamily : ITrajectoryFamily
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public OutcomeKind Outcome => OutcomeKind.Count;

    /// <inheritdoc/>
    public bool UsesExposure => true;

    /// <inheritdoc/>
    public Predictor Trajectory => PoissonFamily.LogRate;

    /// <inheritdoc/>
    public abstract SecondaryPredictor? Secondary { get; }

    /// <inheritdoc/>
    public double TrajectoryBound => Counts.LogRateBound;

    /// <inheritdoc/>
    public double SecondaryFloor => double.NegativeInfinity;

    /// <inheritdoc/>
    public PredictorLink MeanLink => PredictorLink.Log;

    /// <inheritdoc/>
    public string? OutcomeProblem(double y) => Counts.Problem(y);

    /// <inheritdoc/>
    public double LogConstant(double y) => -LogFactorial.Of((int)y);

    /// <inheritdoc/>
    public abstract double LogDensity(double y, double logExposure, double eta, double zeta);

    /// <inheritdoc/>
    public abstract ObservationDerivatives Derivatives(double y, double logExposure, double eta, double zeta);

    /// <inheritdoc/>
    public abstract double Mean(double eta, double zeta);

    /// <inheritdoc/>
    public abstract (double Value, double Eta, double Zeta) LinkedMean(double eta, double zeta);

    /// <inheritdoc/>
    public double StartTrajectory(OutcomeSummary data) => Counts.StartLogRate(data);

    /// <inheritdoc/>
    public abstract double StartSecondary(OutcomeSummary data);

    /// <inheritdoc/>
    public abstract double Sample(Random random, double exposure, double eta, double zeta);

    /// <inheritdoc/>
    public virtual bool HasPersonFrailty => false;

    /// <inheritdoc/>
    public virtual double DrawFrailty(Random random, double zeta) => 1.0;
}
