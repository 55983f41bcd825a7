namespace Trajectories.Registers.Synthetic;

/// <summary>Settings of <see cref="SyntheticRegisterGenerator"/>.</summary>
public sealed record GeneratorOptions
{
    /// <summary>Number of offenders N (the register holds N offenders and N + N matched controls). The study: 630.</summary>
    public int Offenders { get; init; } = 630;

    /// <summary>Random seed; the same seed and N give the same register on any machine and thread count.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Worker threads; 0 means <see cref="Environment.ProcessorCount"/>. Does not change the output.</summary>
    public int Threads { get; init; }

    /// <summary>Matches generated per work item; bounds memory (about threads × 2 chunks are in flight).</summary>
    public int ChunkSize { get; init; } = 4096;

    /// <summary>
    /// Whether to simulate detention and write the optional <c>exposure</c> table. Off by default: the study's
    /// figures come from counts without exposure, and the counts are then plain Poisson counts with no exposure
    /// offset to model. On, heavy offenders may be detained part of the next year and offend less in it.
    /// </summary>
    public bool Detention { get; init; }

    /// <summary>Name written into register.json.</summary>
    public string Name { get; init; } = "synthetic";
}
