namespace Trajectories.Core.Estimation;

/// <summary>Why the optimisation of a fit stopped.</summary>
public enum StopReason
{
    /// <summary>Relative log-likelihood change and gradient norm are both below their tolerances.</summary>
    Converged,

    /// <summary>The iteration limit was reached before convergence.</summary>
    MaxIterations,

    /// <summary>Converged, but a group is empty or its rates collapsed to 0 or diverged; the fit is not usable as it stands.</summary>
    DegenerateGroup,

    /// <summary>The likelihood or its gradient became non-finite.</summary>
    NumericalFailure,
}

/// <summary>The snake_case codes of <see cref="StopReason"/> used in every output.</summary>
public static class StopReasonCodes
{
    /// <summary>The code of <paramref name="reason"/> (e.g. <c>max_iterations</c>).</summary>
    public static string Of(StopReason reason) => reason switch
    {
        StopReason.Converged => "converged",
        StopReason.MaxIterations => "max_iterations",
        StopReason.DegenerateGroup => "degenerate_group",
        StopReason.NumericalFailure => "numerical_failure",
        _ => reason.ToString().ToLowerInvariant(),
    };
}
