using Trajectories.Core.Results;

namespace Trajectories.Core.Inference;

/// <summary>The outcome of a bootstrap likelihood-ratio test (<see cref="BootstrapLikelihoodRatio"/>).</summary>
public sealed record BlrtResult
{
    /// <summary>The smaller model (the null hypothesis), as fitted to the data.</summary>
    public required string NullModel { get; init; }

    /// <summary>The larger model (the alternative), as fitted to the data.</summary>
    public required string AlternativeModel { get; init; }

    /// <summary>The smaller model's number of groups.</summary>
    public required int NullGroups { get; init; }

    /// <summary>The larger model's number of groups.</summary>
    public required int AlternativeGroups { get; init; }

    /// <summary>The data's log-likelihoods, smaller and larger model.</summary>
    public required (double Null, double Alternative) LogLikelihood { get; init; }

    /// <summary>The data's likelihood ratio 2(ℓ₁ − ℓ₀).</summary>
    public required double Statistic { get; init; }

    /// <summary>The Monte Carlo p-value (1 + #{replicate ≥ observed}) / (1 + replicates), never 0.</summary>
    public required double PValue { get; init; }

    /// <summary>The p-value's Monte Carlo standard error.</summary>
    public required double MonteCarloError { get; init; }

    /// <summary>The p-value's Wilson interval at the options' decision confidence.</summary>
    public required (double Lower, double Upper) Interval { get; init; }

    /// <summary>Replicates whose ratio counts.</summary>
    public required int Replicates { get; init; }

    /// <summary>Replicates with a ratio at least the observed.</summary>
    public required int Exceedances { get; init; }

    /// <summary>Replicates on which a model could not be fitted (excluded from the p-value).</summary>
    public required int Failed { get; init; }

    /// <summary>Why the replicates stopped.</summary>
    public required BlrtStop Stop { get; init; }

    /// <summary>Every replicate's ratio, in replicate order (failed ones left out).</summary>
    public required IReadOnlyList<double> ReplicateStatistics { get; init; }

    /// <summary>The settings it ran with.</summary>
    public required BlrtOptions Options { get; init; }

    /// <summary>Whether the larger model is preferred at the options' alpha.</summary>
    public bool Rejects => PValue < Options.Alpha;

    internal static BlrtResult From(
        TrajectoryFit smaller, TrajectoryFit larger, double observed, List<double> statistics, int failed, BlrtStop stop, BlrtOptions options)
    {
        var n = statistics.Count;
        var exceed = statistics.Count(s => s >= observed);
        return new BlrtResult
        {
            NullModel = smaller.Model.Label,
            AlternativeModel = larger.Model.Label,
            NullGroups = smaller.Model.Groups,
            AlternativeGroups = larger.Model.Groups,
            LogLikelihood = (smaller.LogLikelihood, larger.LogLikelihood),
            Statistic = observed,
            PValue = (1.0 + exceed) / (1.0 + n),
            MonteCarloError = StandardError(exceed, n),
            Interval = n == 0 ? (0, 1) : Wilson(exceed, n, options.DecisionConfidence),
            Replicates = n,
            Exceedances = exceed,
            Failed = failed,
            Stop = stop,
            ReplicateStatistics = statistics.ToArray(),
            Options = options,
        };
    }

    /// <summary>The standard error of the Monte Carlo p-value (1 + x)/(1 + n), √(p(1 − p)/n).</summary>
    internal static double StandardError(int exceed, int n)
    {
        if (n == 0)
        {
            return double.PositiveInfinity;
        }

        var p = (1.0 + exceed) / (1.0 + n);
        return Math.Sqrt(p * (1 - p) / n);
    }

    /// <summary>Wilson's score interval for a proportion x/n at the given two-sided confidence.</summary>
    internal static (double Lower, double Upper) Wilson(int x, int n, double confidence)
    {
        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + (confidence / 2));
        var p = (double)x / n;
        var z2 = z * z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / (1 + (z2 / n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
