namespace Trajectories.Registers.Synthetic;

/// <summary>
/// A smooth yearly case-rate curve over age: an asymmetric Gaussian bump on a floor. Separate rise and fall widths
/// give the escalate-then-decline shapes of the study's profiles with few, interpretable parameters.
/// </summary>
/// <param name="Height">Height of the bump above the floor (cases per year at the peak).</param>
/// <param name="PeakAge">Age of the peak.</param>
/// <param name="RiseWidth">Standard deviation of the rising side (years).</param>
/// <param name="FallWidth">Standard deviation of the falling side (years).</param>
/// <param name="Floor">Rate far from the peak.</param>
public readonly record struct AgeCurve(double Height, double PeakAge, double RiseWidth, double FallWidth, double Floor)
{
    /// <summary>Expected cases in a full year at risk at <paramref name="age"/>.</summary>
    public double Rate(int age)
    {
        var d = age - PeakAge;
        var width = d < 0 ? RiseWidth : FallWidth;
        return Floor + (Height * Math.Exp(-(d * d) / (2 * width * width)));
    }
}

/// <summary>A truncated normal mixture component of an integer age distribution.</summary>
/// <param name="Weight">Mixture weight.</param>
/// <param name="Mean">Mean (years).</param>
/// <param name="Sd">Standard deviation (years).</param>
/// <param name="Min">Smallest age (inclusive, after rounding).</param>
/// <param name="Max">Largest age (inclusive, after rounding).</param>
public readonly record struct AgeComponent(double Weight, double Mean, double Sd, int Min, int Max);
