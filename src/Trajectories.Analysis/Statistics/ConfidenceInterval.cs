namespace Trajectories.Analysis.Statistics;

/// <summary>A two-sided confidence interval.</summary>
/// <param name="Low">Lower bound (may be 0 or negative infinity where the estimate is unbounded below).</param>
/// <param name="High">Upper bound (may be positive infinity, e.g. a ratio with a zero denominator cell).</param>
/// <param name="Level">Coverage, e.g. 0.95.</param>
public sealed record ConfidenceInterval(double Low, double High, double Level)
{
    /// <summary>True when <paramref name="value"/> lies inside the closed interval.</summary>
    public bool Contains(double value) => value >= Low && value <= High;
}
