using Trajectories.Core.Estimation;

namespace Trajectories.Core.Inference;

/// <summary>Settings of <see cref="CrossValidation"/>.</summary>
public sealed record CrossValidationOptions
{
    /// <summary>Number of folds; 0 (the default, crimCV's) leaves out one person at a time.</summary>
    public int Folds { get; init; }

    /// <summary>Seed of the random partition into folds (unused for leave-one-out).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Whether each refit also gets the full random-start search, beside the run from the full-data solution (crimCV's
    /// refit, the default). Removing a person can move the likelihood's best optimum away from the full data's basin;
    /// the local refit then stays in a lower one. About <see cref="FitOptions.Starts"/> times the cost.
    /// </summary>
    public bool FullSearch { get; init; }

    /// <summary>How each refit runs (tolerances); its threads are the folds refitted at once, each on one.</summary>
    public FitOptions Fit { get; init; } = new();

    /// <summary>Where the replicates run (null: on <see cref="FitOptions.Threads"/> local threads); the results do not depend on it.</summary>
    public IReplicateRunner? Runner { get; init; }

    /// <summary>Checks the settings for a panel of <paramref name="persons"/> persons.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The folds are neither 0 nor 2 to the number of persons.</exception>
    public void Validate(int persons)
    {
        if (Folds != 0 && (Folds < 2 || Folds > persons))
        {
            throw new ArgumentOutOfRangeException(nameof(Folds), $"folds must be 0 (leave one out) or 2 to the {persons} persons; got {Folds}.");
        }
    }
}

/// <summary>The outcome of <see cref="CrossValidation"/>.</summary>
public sealed record CrossValidationResult
{
    /// <summary>The model cross-validated.</summary>
    public required string Model { get; init; }

    /// <summary>Folds (the number of persons for leave-one-out).</summary>
    public required int Folds { get; init; }

    /// <summary>Refits run (distinct series for leave-one-out).</summary>
    public required int Refits { get; init; }

    /// <summary>Refits that failed; their held-out persons are left out of the errors (crimCV's <c>errcnt</c>).</summary>
    public required int Failed { get; init; }

    /// <summary>With <see cref="CrossValidationOptions.FullSearch"/>: refits where the search beat the run from the full-data solution.</summary>
    public required int OtherOptimum { get; init; }

    /// <summary>Persons left out of the errors because their refit failed.</summary>
    public required int PersonsLeftOut { get; init; }

    /// <summary>Persons whose predictions enter the errors.</summary>
    public required int Persons { get; init; }

    /// <summary>Person-times whose predictions enter the errors.</summary>
    public required int Observations { get; init; }

    /// <summary>The cross-validation error: mean absolute prediction error (crimCV's <c>cv</c>).</summary>
    public required double Cve { get; init; }

    /// <summary>Mean squared prediction error (crimCV's <c>cv2</c>).</summary>
    public required double Cve2 { get; init; }

    /// <summary>−2 Σ log predictive likelihood of the held-out persons (crimCV's <c>lcv</c>).</summary>
    public required double Lcv { get; init; }

    /// <summary>The settings it ran with.</summary>
    public required CrossValidationOptions Options { get; init; }
}
