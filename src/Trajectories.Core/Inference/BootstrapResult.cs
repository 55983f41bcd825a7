namespace Trajectories.Core.Inference;

/// <summary>What a bootstrap interval is of.</summary>
public enum BootstrapQuantity
{
    /// <summary>A group's share π_g.</summary>
    Share,

    /// <summary>A group's expected outcome at one time (the trajectory that is plotted).</summary>
    Trajectory,

    /// <summary>A group's trajectory coefficient of one power of scaled time.</summary>
    Coefficient,

    /// <summary>A group's coefficient of its second predictor (inflation, dispersion, σ, frailty variance).</summary>
    SecondaryCoefficient,
}

/// <summary>
/// One bootstrap interval: the reference fit's estimate, the bootstrap standard error (the standard deviation over the
/// aligned samples) and the percentile interval.
/// </summary>
/// <param name="Quantity">What it is of.</param>
/// <param name="Group">The reference fit's group (1-based).</param>
/// <param name="Index">The time (for <see cref="BootstrapQuantity.Trajectory"/>) or the power (coefficients); 0 for shares.</param>
/// <param name="Estimate">The reference fit's value.</param>
/// <param name="Se">The bootstrap standard error.</param>
/// <param name="Lower">Lower percentile limit.</param>
/// <param name="Upper">Upper percentile limit.</param>
public sealed record BootstrapInterval(BootstrapQuantity Quantity, int Group, double Index, double Estimate, double Se, double Lower, double Upper);

/// <summary>The outcome of a nonparametric bootstrap (<see cref="Bootstrap"/>).</summary>
public sealed record BootstrapResult
{
    /// <summary>The model, as fitted to the data.</summary>
    public required string Model { get; init; }

    /// <summary>Samples drawn.</summary>
    public required int Replicates { get; init; }

    /// <summary>Samples whose fit was aligned clearly and entered the intervals.</summary>
    public required int Used { get; init; }

    /// <summary>Samples whose groups could not be matched to the reference's (<see cref="Alignment.Clear"/>), left out.</summary>
    public required int Unmatched { get; init; }

    /// <summary>Samples on which the model could not be fitted, left out.</summary>
    public required int Failed { get; init; }

    /// <summary>Samples used whose best fit was not the run from the reference (only with a full search): a sign of several optima.</summary>
    public required int OtherOptimum { get; init; }

    /// <summary>The intervals, by quantity, group and index.</summary>
    public required IReadOnlyList<BootstrapInterval> Intervals { get; init; }

    /// <summary>The settings it ran with.</summary>
    public required BootstrapOptions Options { get; init; }
}
