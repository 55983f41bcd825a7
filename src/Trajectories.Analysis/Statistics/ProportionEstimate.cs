namespace Trajectories.Analysis.Statistics;

/// <summary>A proportion with its Wilson score interval.</summary>
/// <param name="Successes">Numerator.</param>
/// <param name="Trials">Denominator.</param>
/// <param name="Proportion">Successes / Trials (NaN when Trials is 0).</param>
/// <param name="Ci">Wilson interval (null when Trials is 0).</param>
public sealed record ProportionEstimate(long Successes, long Trials, double Proportion, ConfidenceInterval? Ci)
{
    /// <summary>The proportion as a percentage.</summary>
    public double Percent => 100.0 * Proportion;

    /// <summary>Estimates x/n with a Wilson interval.</summary>
    public static ProportionEstimate Compute(long x, long n, double level = 0.95) =>
        n == 0
            ? new ProportionEstimate(x, n, double.NaN, null)
            : new ProportionEstimate(x, n, (double)x / n, ProportionIntervals.Wilson(x, n, level));
}
