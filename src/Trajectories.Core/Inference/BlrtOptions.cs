using Trajectories.Core.Estimation;

namespace Trajectories.Core.Inference;

/// <summary>
/// Settings of the bootstrap likelihood-ratio test. Replicates run in batches of <see cref="Batch"/>; after each batch,
/// once <see cref="MinReplicates"/> have run, the test stops when the Monte Carlo p-value's
/// <see cref="DecisionConfidence"/> Wilson interval lies wholly above or below <see cref="Alpha"/> (the decision can no
/// longer change, as Mplus TECH14's sequential rule), or its Monte Carlo standard error is at most
/// <see cref="Precision"/>; it never runs more than <see cref="MaxReplicates"/>. The stopping rule is evaluated only at
/// batch ends, so the number of replicates, like every replicate, does not depend on the thread count.
/// </summary>
public sealed record BlrtOptions
{
    /// <summary>The level the p-value is compared with.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>The target Monte Carlo standard error of the p-value.</summary>
    public double Precision { get; init; } = 0.01;

    /// <summary>The confidence with which the decision at <see cref="Alpha"/> must be settled before stopping early.</summary>
    public double DecisionConfidence { get; init; } = 0.95;

    /// <summary>Fewest replicates before any stop.</summary>
    public int MinReplicates { get; init; } = 20;

    /// <summary>Most replicates.</summary>
    public int MaxReplicates { get; init; } = 500;

    /// <summary>Replicates between checks of the stopping rule.</summary>
    public int Batch { get; init; } = 10;

    /// <summary>The run's seed; replicate r draws and starts from <see cref="Replicates.Seed"/>(Seed, r).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How each replicate's models are fitted (starts, tolerances); its threads are the replicates run at once, each fit on one.</summary>
    public FitOptions Fit { get; init; } = new() { Starts = 10 };

    /// <summary>Where the replicates run (null: on <see cref="FitOptions.Threads"/> local threads); the results do not depend on it.</summary>
    public IReplicateRunner? Runner { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (!(Alpha > 0 && Alpha < 1) || !(Precision > 0 && Precision < 1) || !(DecisionConfidence > 0.5 && DecisionConfidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), "alpha and precision must lie in (0, 1), the decision confidence in (0.5, 1).");
        }

        if (MinReplicates < 1 || MaxReplicates < MinReplicates || Batch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinReplicates), "need 1 ≤ min replicates ≤ max replicates and a batch of at least 1.");
        }
    }
}

/// <summary>Why a bootstrap likelihood-ratio test stopped.</summary>
public enum BlrtStop
{
    /// <summary>The p-value's interval lies wholly on one side of alpha.</summary>
    Decision,

    /// <summary>The p-value's Monte Carlo standard error reached the target.</summary>
    Precision,

    /// <summary>The most replicates allowed ran.</summary>
    Limit,
}

/// <summary>Progress of a replicated computation: replicates done of at most <paramref name="Total"/>.</summary>
public readonly record struct ReplicateProgress(int Done, int Total);
