namespace Trajectories.Core.Families;

/// <summary>One linear predictor of a group, as a family declares it.</summary>
/// <param name="Name">In words, for reports and messages ("log rate", "zero-inflation logit").</param>
/// <param name="Key">snake_case name in results ("log_rate", "inflation", "dispersion").</param>
/// <param name="Link">How the predictor maps to the quantity it models.</param>
public sealed record Predictor(string Name, string Key, PredictorLink Link);

/// <summary>How a family's second predictor is designed per group.</summary>
public enum SecondaryShape
{
    /// <summary>
    /// A polynomial in scaled time whose order each group chooses (PROC TRAJ's IORDER; −1 = absent, then the family
    /// reduces to its base, e.g. ZIP to Poisson).
    /// </summary>
    Polynomial,

    /// <summary>One coefficient per group, always present (a dispersion, a standard deviation).</summary>
    Constant,
}

/// <summary>A family's second predictor ζ (beside the trajectory η).</summary>
/// <param name="Predictor">Its name, key and link.</param>
/// <param name="Shape">How it is designed per group.</param>
/// <param name="Boundary">
/// A value of ζ below which, at every time, the parameter sits at the boundary of its space (ZIP: no excess zeros;
/// NB: no overdispersion): its block of the information is then numerically zero, and the covariance holds it fixed
/// (<c>BoundaryCovariance</c>). −∞ when the family has no such boundary.
/// </param>
/// <param name="Off">
/// The value of ζ that makes the predictor absent to double precision (ZIP: logit −745, π = 5e-324), used to embed a
/// model without it exactly; NaN when the predictor cannot be absent (<see cref="SecondaryShape.Constant"/>).
/// </param>
public sealed record SecondaryPredictor(Predictor Predictor, SecondaryShape Shape, double Boundary, double Off);
