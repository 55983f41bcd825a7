namespace Trajectories.Core.Families;

/// <summary>
/// The log-density of one observation and its first and second derivatives with respect to the two linear
/// predictors of a group at that time: η (the rate, log link) and ζ (zero inflation, logit link).
/// </summary>
/// <param name="Value">log f(y | η, ζ), without the data-only constant (see <see cref="ITrajectoryFamily.LogConstant"/>).</param>
/// <param name="Eta">∂ log f / ∂η.</param>
/// <param name="Zeta">∂ log f / ∂ζ (0 for families without inflation).</param>
/// <param name="EtaEta">∂² log f / ∂η².</param>
/// <param name="EtaZeta">∂² log f / ∂η∂ζ.</param>
/// <param name="ZetaZeta">∂² log f / ∂ζ².</param>
public readonly record struct ObservationDerivatives(
    double Value,
    double Eta,
    double Zeta,
    double EtaEta,
    double EtaZeta,
    double ZetaZeta);
