using Trajectories.Core.Estimation;

namespace Trajectories.Core.Inference;

/// <summary>Settings of <see cref="EstimatorStudy"/>.</summary>
public sealed record StudyOptions
{
    /// <summary>Data sets drawn.</summary>
    public int Replicates { get; init; } = 100;

    /// <summary>The study's seed; data set r is drawn and fitted with <see cref="Inference.Replicates.Seed"/>(Seed, r).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Numbers of groups among which BIC (persons) chooses on every data set (every group of the largest order planted); null or empty: no selection.</summary>
    public IReadOnlyList<int>? SelectGroups { get; init; }

    /// <summary>How each data set is fitted; its threads are the data sets fitted at once, each fit on one.</summary>
    public FitOptions Fit { get; init; } = new() { Starts = 10 };

    /// <summary>Where the replicates run (null: on <see cref="FitOptions.Threads"/> local threads); the results do not depend on it.</summary>
    public IReplicateRunner? Runner { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 data sets, or a number of groups below 1.</exception>
    public void Validate()
    {
        if (Replicates < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Replicates), "a study needs at least 2 data sets.");
        }

        if (SelectGroups is { } ks && ks.Any(k => k < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SelectGroups), "numbers of groups must be at least 1.");
        }
    }
}

/// <summary>What a study parameter is.</summary>
public enum StudyParameterKind
{
    /// <summary>A group's share.</summary>
    Share,

    /// <summary>A group's trajectory coefficient of one power of scaled time.</summary>
    Coefficient,
}

/// <summary>One planted parameter's behaviour over the study's aligned data sets.</summary>
/// <param name="Kind">Share or coefficient.</param>
/// <param name="Group">Planted group (1-based, canonical order).</param>
/// <param name="Power">The power of scaled time (coefficients; 0 for shares).</param>
/// <param name="Truth">The planted value.</param>
/// <param name="Mean">Mean estimate.</param>
/// <param name="Bias">Mean estimate − truth.</param>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="MeanSe">Mean reported standard error (observed information).</param>
/// <param name="EmpiricalSd">Standard deviation of the estimates (what <paramref name="MeanSe"/> should match).</param>
/// <param name="Coverage">Share of data sets whose 95 % Wald interval holds the truth (among those with a standard error).</param>
/// <param name="Count">Data sets behind the figures.</param>
public sealed record StudyParameter(
    StudyParameterKind Kind, int Group, int Power, double Truth, double Mean, double Bias, double Rmse, double MeanSe, double EmpiricalSd, double Coverage, int Count);

/// <summary>The outcome of <see cref="EstimatorStudy"/>.</summary>
public sealed record StudyResult
{
    /// <summary>The planted model.</summary>
    public required string Model { get; init; }

    /// <summary>Data sets drawn.</summary>
    public required int Replicates { get; init; }

    /// <summary>Data sets whose fit was aligned to the truth and entered the figures.</summary>
    public required int Used { get; init; }

    /// <summary>Data sets whose groups could not be matched to the planted ones (a group lost, merged or split).</summary>
    public required int Unmatched { get; init; }

    /// <summary>Data sets the planted model could not be fitted to.</summary>
    public required int Failed { get; init; }

    /// <summary>Used data sets whose fit stopped without converging (kept in the figures, as a user would see them).</summary>
    public required int NotConverged { get; init; }

    /// <summary>Per planted parameter: bias, RMSE, SE calibration and coverage.</summary>
    public required IReadOnlyList<StudyParameter> Parameters { get; init; }

    /// <summary>How often BIC chose each number of groups (empty without selection).</summary>
    public required IReadOnlyDictionary<int, int> Selected { get; init; }

    /// <summary>The settings it ran with.</summary>
    public required StudyOptions Options { get; init; }
}
