namespace Trajectories.Core.Families;

/// <summary>
/// The distribution of one observation given its group, and everything the estimator, the standard errors, the bands
/// and the outputs need to know of it. The driver never asks which family it has: a new family is one class here
/// plus its entry in <see cref="FamilyCatalog"/>.
/// </summary>
/// <remarks>
/// A group's density at time t depends on at most two linear predictors: the trajectory η = x_t'β (the
/// <see cref="Trajectory"/> predictor: log rate, logit, mean) and the <see cref="Secondary"/> predictor ζ = z_t'γ
/// (zero inflation, dispersion, standard deviation; <see cref="double.NegativeInfinity"/> when a group has none).
/// Implementations must be stateless and thread-safe.
/// </remarks>
public interface ITrajectoryFamily
{
    /// <summary>The family's name as written on the command line and in results ("poisson", "zip", "nb", "frailty", "logit", "cnorm").</summary>
    string Name { get; }

    /// <summary>What an observation is (count, 0/1, real number).</summary>
    OutcomeKind Outcome { get; }

    /// <summary>The family's settings by their results name (cnorm: "min", "max"); empty for a family without any.</summary>
    IReadOnlyList<KeyValuePair<string, double>> Settings => [];

    /// <summary>Whether exposure (time at risk) enters as a log offset of the trajectory; false: exposure is refused.</summary>
    bool UsesExposure { get; }

    /// <summary>The trajectory predictor η (coefficients β, polynomial of the group's order).</summary>
    Predictor Trajectory { get; }

    /// <summary>The second predictor ζ, or null when the family has none.</summary>
    SecondaryPredictor? Secondary { get; }

    /// <summary>
    /// A group whose largest η on its support lies outside ±this has collapsed or diverged (rates 0 or ∞,
    /// probabilities 0 or 1); +∞ when no value of η is degenerate (a mean on the data scale).
    /// </summary>
    double TrajectoryBound { get; }

    /// <summary>A group whose ζ falls below this has degenerated (a standard deviation → 0); −∞ when none does.</summary>
    double SecondaryFloor { get; }

    /// <summary>Why <paramref name="y"/> cannot be an observation of this family, or null when it can.</summary>
    string? OutcomeProblem(double y);

    /// <summary>The part of log f(y) that does not depend on the parameters (−log y! for counts).</summary>
    double LogConstant(double y);

    /// <summary>log f(y | η, ζ) minus <see cref="LogConstant"/>, with exposure entering as offset log e where it is used.</summary>
    double LogDensity(double y, double logExposure, double eta, double zeta);

    /// <summary>The log-density and its derivatives in η and ζ (see <see cref="ObservationDerivatives"/>).</summary>
    ObservationDerivatives Derivatives(double y, double logExposure, double eta, double zeta);

    /// <summary>The expected observation at exposure 1 (the trajectory that is plotted).</summary>
    double Mean(double eta, double zeta);

    /// <summary>The scale on which the mean's confidence band is symmetric (log for counts, logit for 0/1).</summary>
    PredictorLink MeanLink { get; }

    /// <summary>The mean on the <see cref="MeanLink"/> scale and its derivatives in η and ζ (for delta-method bands).</summary>
    (double Value, double Eta, double Zeta) LinkedMean(double eta, double zeta);

    /// <summary>η of a flat trajectory at the data's overall mean (the first start of every trajectory).</summary>
    double StartTrajectory(OutcomeSummary data);

    /// <summary>ζ to start from when the second predictor is <see cref="SecondaryShape.Constant"/>.</summary>
    double StartSecondary(OutcomeSummary data);

    /// <summary>One random observation at the given exposure (ignored by families without exposure), for simulation.</summary>
    double Sample(Random random, double exposure, double eta, double zeta);

    /// <summary>
    /// Whether a person's observations share one mean-one gamma frailty within their group, ζ = log of its variance
    /// (<see cref="FrailtyFamily"/>). <see cref="LogDensity"/> and <see cref="Derivatives"/> then give only each
    /// observation's own term of the person's log-likelihood, and the estimator adds the person-level part
    /// (<see cref="GammaFrailty"/>): each row's term in Σ y and Σ μ, the frailty's posterior in the M-step, and ζ's score.
    /// </summary>
    bool HasPersonFrailty => false;

    /// <summary>A person's frailty in a group with second predictor ζ, drawn once per person by a simulator (1 without one).</summary>
    double DrawFrailty(Random random, double zeta) => 1.0;
}

/// <summary>The data's overall outcome, from which flat starting values are set.</summary>
/// <param name="Total">Σ y over all observations.</param>
/// <param name="Exposure">Σ exposure over all observations (their number when there is no exposure).</param>
/// <param name="Mean">Σ y / number of observations.</param>
/// <param name="Variance">The variance of y over all observations.</param>
public readonly record struct OutcomeSummary(double Total, double Exposure, double Mean, double Variance);
