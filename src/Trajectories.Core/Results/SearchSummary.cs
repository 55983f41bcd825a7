namespace Trajectories.Core.Results;

/// <summary>
/// What the global search did and how far its result can be trusted: how many starts were tried and run to
/// convergence, how many independent starts reached the best log-likelihood, the runner-up optima, and the starts
/// that were discarded and why.
/// </summary>
/// <param name="Starts">Starting values tried (all rounds).</param>
/// <param name="Rounds">Rounds of starts: a new round is added while the best value is not replicated, within the budget.</param>
/// <param name="RunToConvergence">Starts run to convergence (the best short runs of each round, and warm starts from nested models).</param>
/// <param name="AtBest">Of those, how many reached the best log-likelihood.</param>
/// <param name="Replications">How many independent starts reached it (a perturbation of a run is not independent of it).</param>
/// <param name="RequiredReplications">How many the search asked for.</param>
/// <param name="Optima">The distinct optima reached by runs to convergence, best first (at most <see cref="MaxOptimaListed"/>).</param>
/// <param name="Discarded">Starts discarded, by reason (never allowed to win).</param>
/// <param name="BestOrigin">Where the best run started, e.g. "random partition (start 7)" or "nested model poisson K=2 …".</param>
public sealed record SearchSummary(
    int Starts,
    int Rounds,
    int RunToConvergence,
    int AtBest,
    int Replications,
    int RequiredReplications,
    IReadOnlyList<LocalOptimum> Optima,
    IReadOnlyList<DiscardedStarts> Discarded,
    string BestOrigin)
{
    /// <summary>How many optima <see cref="Optima"/> lists at most.</summary>
    public const int MaxOptimaListed = 5;

    /// <summary>Whether the best log-likelihood was reached by the required number of independent starts.</summary>
    public bool Replicated => Replications >= RequiredReplications;
}

/// <summary>One optimum reached by runs to convergence.</summary>
/// <param name="LogLikelihood">Its log-likelihood (the best run's value, when several runs reached it).</param>
/// <param name="Runs">How many runs to convergence reached it.</param>
/// <param name="Independent">How many independent starts among them.</param>
public sealed record LocalOptimum(double LogLikelihood, int Runs, int Independent);

/// <summary>Starts discarded for one reason.</summary>
/// <param name="Reason">Why.</param>
/// <param name="Count">How many.</param>
public sealed record DiscardedStarts(DiscardReason Reason, int Count);

/// <summary>Why a start of the global search was discarded.</summary>
public enum DiscardReason
{
    /// <summary>The log-likelihood or the parameters became non-finite (the rates left the range of doubles).</summary>
    NumericalFailure,
}
