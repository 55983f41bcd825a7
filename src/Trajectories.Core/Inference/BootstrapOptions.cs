using Trajectories.Core.Estimation;

namespace Trajectories.Core.Inference;

/// <summary>Settings of the nonparametric bootstrap (<see cref="Bootstrap"/>).</summary>
public sealed record BootstrapOptions
{
    /// <summary>Bootstrap samples drawn.</summary>
    public int Replicates { get; init; } = 200;

    /// <summary>The run's seed; sample r is drawn from <see cref="Replicates.Seed"/>(Seed, r).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The intervals' confidence level.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>
    /// Whether each sample also gets the full random-start search (as the data's fit), beside the run from the reference
    /// solution. Off by default: the reference's solution is the standard start of a mixture bootstrap, and the label
    /// alignment then rarely has work; on, the intervals also carry the search's uncertainty at about
    /// <see cref="FitOptions.Starts"/> times the cost.
    /// </summary>
    public bool FullSearch { get; init; }

    /// <summary>How each sample is fitted; its threads are the samples fitted at once, each fit on one.</summary>
    public FitOptions Fit { get; init; } = new();

    /// <summary>Where the replicates run (null: on <see cref="FitOptions.Threads"/> local threads); the results do not depend on it.</summary>
    public IReplicateRunner? Runner { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (Replicates < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Replicates), "the bootstrap needs at least 2 samples.");
        }

        if (!(Level > 0 && Level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Level), "the confidence level must lie in (0, 1).");
        }
    }
}
