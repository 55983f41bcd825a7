namespace Trajectories.Core.Panels;

/// <summary>
/// Yearly outcomes per person in structure-of-arrays (CSR) form: the input of every estimator. An outcome is a count,
/// a 0/1 indicator or a real number, as the family to be fitted needs (its <c>OutcomeProblem</c> says which).
/// </summary>
/// <remarks>
/// Person <c>i</c> owns observations <c>RowStart[i] .. RowStart[i+1]-1</c>. Each observation is a time index into
/// <see cref="Times"/> (sorted ascending within a person), an outcome value (finite) and optionally an exposure in (0, 1].
/// Unobserved person-years simply have no observation: they are skipped by the likelihood, never treated as zero.
/// The arrays are owned by the panel and must not be mutated after construction; build one with
/// <see cref="CountPanelBuilder"/>.
/// </remarks>
public sealed class CountPanel
{
    /// <summary>Most distinct time points of a panel: an observation's time is stored as a <see cref="short"/> index (<see cref="TimeIndex"/>).</summary>
    public const int MaxTimes = short.MaxValue;

    /// <summary>Creates a panel from its arrays after checking their shapes (see <see cref="CountPanelBuilder"/>).</summary>
    public CountPanel(
        string[] personIds,
        double[] times,
        int[] rowStart,
        short[] timeIndex,
        double[] values,
        float[]? exposure,
        PersonCovariates? covariates = null,
        ObservationCovariates? timeCovariates = null)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(rowStart);
        ArgumentNullException.ThrowIfNull(timeIndex);
        ArgumentNullException.ThrowIfNull(values);
        if (rowStart.Length != personIds.Length + 1)
        {
            throw new ArgumentException("rowStart must have one entry more than personIds.", nameof(rowStart));
        }

        if (rowStart[0] != 0 || rowStart[^1] != values.Length || timeIndex.Length != values.Length)
        {
            throw new ArgumentException("rowStart, timeIndex and values disagree on the number of observations.");
        }

        if (exposure is not null && exposure.Length != values.Length)
        {
            throw new ArgumentException("exposure must have one entry per observation.", nameof(exposure));
        }

        if (times.Length > MaxTimes)
        {
            throw new ArgumentException("too many distinct time points.", nameof(times));
        }

        if (covariates is not null && covariates.PersonCount != personIds.Length)
        {
            throw new ArgumentException("covariates must have one row per person.", nameof(covariates));
        }

        if (timeCovariates is not null && timeCovariates.ObservationCount != values.Length)
        {
            throw new ArgumentException("time-varying covariates must have one row per observation.", nameof(timeCovariates));
        }

        PersonIds = personIds;
        Covariates = covariates;
        TimeCovariates = timeCovariates;
        Times = times;
        RowStart = rowStart;
        TimeIndex = timeIndex;
        Values = values;
        Exposure = exposure;
    }

    /// <summary>Person identifiers, one per series, in panel order.</summary>
    public string[] PersonIds { get; }

    /// <summary>The distinct time values (e.g. ages), ascending.</summary>
    public double[] Times { get; }

    /// <summary>CSR offsets: person i owns observations RowStart[i] .. RowStart[i+1]-1.</summary>
    public int[] RowStart { get; }

    /// <summary>Index into <see cref="Times"/> of each observation.</summary>
    public short[] TimeIndex { get; }

    /// <summary>The outcome of each observation: a count, 0/1, or a real number (see the family's outcome check).</summary>
    public double[] Values { get; }

    /// <summary>Time at risk of each observation in (0, 1], or null when every observation has exposure 1.</summary>
    public float[]? Exposure { get; }

    /// <summary>Person covariates (risk factors of the membership model), or null when there are none.</summary>
    public PersonCovariates? Covariates { get; }

    /// <summary>Time-varying covariates per observation (PROC TRAJ's TCOV), or null when there are none.</summary>
    public ObservationCovariates? TimeCovariates { get; }

    /// <summary>The same observations with <paramref name="covariates"/> attached (arrays are shared, not copied).</summary>
    public CountPanel WithCovariates(PersonCovariates? covariates) =>
        new(PersonIds, Times, RowStart, TimeIndex, Values, Exposure, covariates, TimeCovariates);

    /// <summary>The same observations with time-varying <paramref name="covariates"/> attached (arrays are shared).</summary>
    public CountPanel WithTimeCovariates(ObservationCovariates? covariates) =>
        new(PersonIds, Times, RowStart, TimeIndex, Values, Exposure, Covariates, covariates);

    /// <summary>Number of persons (series).</summary>
    public int PersonCount => PersonIds.Length;

    /// <summary>Number of observed person-times.</summary>
    public int ObservationCount => Values.Length;

    /// <summary>Number of distinct time points.</summary>
    public int TimeCount => Times.Length;

    /// <summary>The observations of person <paramref name="person"/>: time indices, values and exposure (empty when none).</summary>
    public PersonSeries Series(int person)
    {
        var start = RowStart[person];
        var length = RowStart[person + 1] - start;
        return new PersonSeries(
            TimeIndex.AsSpan(start, length),
            Values.AsSpan(start, length),
            Exposure is null ? ReadOnlySpan<float>.Empty : Exposure.AsSpan(start, length));
    }
}

/// <summary>One person's observations, as views into a <see cref="CountPanel"/>.</summary>
public readonly ref struct PersonSeries
{
    /// <summary>Creates a view.</summary>
    public PersonSeries(ReadOnlySpan<short> timeIndex, ReadOnlySpan<double> values, ReadOnlySpan<float> exposure)
    {
        TimeIndex = timeIndex;
        Values = values;
        Exposure = exposure;
    }

    /// <summary>Time indices, ascending.</summary>
    public ReadOnlySpan<short> TimeIndex { get; }

    /// <summary>Outcome values.</summary>
    public ReadOnlySpan<double> Values { get; }

    /// <summary>Exposure per observation, or empty when the panel has none (exposure 1).</summary>
    public ReadOnlySpan<float> Exposure { get; }

    /// <summary>Number of observations.</summary>
    public int Length => Values.Length;
}
