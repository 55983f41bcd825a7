namespace Trajectories.Core.Estimation;

/// <summary>Settings of the estimator (never part of the model).</summary>
public sealed record FitOptions
{
    /// <summary>
    /// Number of starting values tried per round of the global search (k-means++ partitions, random partitions,
    /// perturbations of the best run); rounds are added until the best value is replicated (see <see cref="Replications"/>).
    /// </summary>
    public int Starts { get; init; } = 20;

    /// <summary>
    /// How many independent starts must reach the best log-likelihood before the search stops (Mplus and lcmm users'
    /// rule that a best value is trusted only once replicated); 1 turns the rule off. A fit whose best value is not
    /// replicated within <see cref="MaxStarts"/> says so.
    /// </summary>
    public int Replications { get; init; } = 2;

    /// <summary>The most starting values the search may try in all its rounds; null for 5 × <see cref="Starts"/>.</summary>
    public int? MaxStarts { get; init; }

    /// <summary>
    /// Whether a search whose runs found more than one optimum (a rugged likelihood) also fits the model's nested
    /// neighbours — one group fewer, every order one lower, every inflation order one lower — and continues from
    /// their solutions. On the Toronto zero-inflated models such continuation reaches optima that hundreds of random
    /// starts miss; a smooth likelihood (one optimum found) costs nothing extra.
    /// </summary>
    public bool Continuation { get; init; } = true;

    /// <summary>
    /// Values of time-varying covariates at which the trajectories are reported, judged and ordered, by name (e.g.
    /// detention = 0); a covariate not named here is taken at its persons' mean at each time (the default for all).
    /// </summary>
    public IReadOnlyDictionary<string, double>? ReportCovariates { get; init; }

    /// <summary>
    /// What runs the E-steps (<see cref="IEStepBackend"/>); null (the default) is the in-process
    /// <see cref="ChunkedEStep"/> on <see cref="EffectiveThreads"/> threads.
    /// </summary>
    public IEStepBackend? EStep { get; init; }

    /// <summary>Seed of every random choice; the same seed gives the same fit whatever the thread count.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Threads for the E-step; 0 = all cores. Results do not depend on it.</summary>
    public int Threads { get; init; }

    /// <summary>EM iterations of each start before the best starts are selected.</summary>
    public int ShortIterations { get; init; } = 25;

    /// <summary>How many of the best short runs of each round (one per independent start) are run to convergence.</summary>
    public int Finalists { get; init; } = 4;

    /// <summary>Maximum EM iterations of a finalist before the Newton polish.</summary>
    public int MaxIterations { get; init; } = 500;

    /// <summary>Maximum Newton iterations of the polish on the marginal log-likelihood.</summary>
    public int MaxNewtonIterations { get; init; } = 50;

    /// <summary>Convergence: |ΔLL| ≤ this × max(1, |LL|) between iterations …</summary>
    public double RelativeTolerance { get; init; } = 1e-10;

    /// <summary>… and max |∂LL/∂ψ| ≤ this × number of persons.</summary>
    public double GradientTolerance { get; init; } = 1e-7;

    /// <summary>
    /// The relative LL change at which EM hands over to Newton. EM gains little per iteration long before this (its
    /// rate is the fraction of missing information), while Newton converges quadratically from here; a polish that
    /// does not converge from this point is retried after EM to <see cref="EmFallbackTolerance"/>.
    /// </summary>
    public double EmHandoverTolerance { get; init; } = 1e-5;

    /// <summary>The relative LL change EM runs to before a second Newton polish, when the first did not converge.</summary>
    public double EmFallbackTolerance { get; init; } = 1e-8;

    /// <summary>Whether identical persons are collapsed into weighted patterns (exact; off only for checks).</summary>
    public bool CompressPatterns { get; init; } = true;

    /// <summary>The start budget of the search: <see cref="MaxStarts"/>, or 5 × <see cref="Starts"/>, and never fewer than <see cref="Starts"/>.</summary>
    public int EffectiveMaxStarts => Math.Max(Starts, MaxStarts ?? (5 * Starts));

    /// <summary>The effective number of threads.</summary>
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}
