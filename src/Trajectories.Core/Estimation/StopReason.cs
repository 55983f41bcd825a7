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
