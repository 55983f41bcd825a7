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
    /// figures come from counts without exposure, so there is no exposure offset to model. On, heavy offenders may be
    /// detained part of the next year and offend less in it.
    /// </summary>
    public bool Detention { get; init; }

    /// <summary>
    /// The shape a of every offender profile's person-level gamma frailty (Var = 1/a; +∞ = none), or null for the
    /// generator's own (<see cref="ModelParameters.FrailtyShape"/>). For studies of the estimator on registers with
    /// more or less within-profile variation; the calibration holds only at the default.
    /// </summary>
    public double? FrailtyShape { get; init; }

    /// <summary>The frailty shape of each profile in <see cref="Model.Profile"/> order, as generated.</summary>
    public IReadOnlyList<double> FrailtyShapes =>
        FrailtyShape is { } a ? [a, a, a, a] : ModelParameters.FrailtyShape;

    /// <summary>Name written into register.json.</summary>
    public string Name { get; init; } = "synthetic";
}
