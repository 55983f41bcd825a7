namespace Trajectories.Registers.Model;

/// <summary>An inclusive range of calendar years.</summary>
public readonly record struct YearRange(int First, int Last)
{
    /// <summary>True when <paramref name="year"/> lies in the range.</summary>
    public bool Contains(int year) => year >= First && year <= Last;

    /// <summary>Number of years in the range.</summary>
    public int Length => Last - First + 1;
}

/// <summary>How a synthetic register was generated.</summary>
/// <param name="GeneratorVersion">Version string of the generator.</param>
/// <param name="Seed">Random seed.</param>
/// <param name="Scale">Number of offenders generated (N; the register has 3N persons).</param>
public sealed record SyntheticInfo(string GeneratorVersion, ulong Seed, int Scale);

/// <summary>The contents of <c>register.json</c> (INTERFACES.md §1).</summary>
public sealed record RegisterMetadata
{
    /// <summary>Short name.</summary>
    public required string Name { get; init; }

    /// <summary>Free text.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Years with case data (the study: 2001–2021).</summary>
    public YearRange CaseYears { get; init; } = new(2001, 2021);

    /// <summary>Years with victimisation data (the study: 2010–2023).</summary>
    public YearRange VictimisationYears { get; init; } = new(2010, 2023);

    /// <summary>Years with LVB data per source (the study: AO 2015–2021, CIZ 2017–2021, WSW 2015–2021).</summary>
    public IReadOnlyDictionary<LvbSource, YearRange> LvbYears { get; init; } = DefaultLvbYears;

    /// <summary>Minimum age at which a person-year enters the trajectory panel (the study: 12).</summary>
    public int MinAge { get; init; } = 12;

    /// <summary>Generator settings for synthetic registers; null for a real register.</summary>
    public SyntheticInfo? Synthetic { get; init; }

    /// <summary>The study's LVB windows.</summary>
    public static IReadOnlyDictionary<LvbSource, YearRange> DefaultLvbYears { get; } =
        new Dictionary<LvbSource, YearRange>
        {
            [LvbSource.AO] = new(2015, 2021),
            [LvbSource.CIZ] = new(2017, 2021),
            [LvbSource.WSW] = new(2015, 2021),
        };
}
