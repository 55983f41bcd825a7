namespace Trajectories.Core.Families;

/// <summary>
/// The distribution of one observation given its group: the only thing the EM driver needs to know of a family.
/// </summary>
/// <remarks>
/// A group's density at time t depends on two linear predictors, η = x_t'β (log rate) and ζ = z_t'γ (logit of the
/// zero-inflation probability; <see cref="double.NegativeInfinity"/> when the group has no inflation). Families
/// for logit or censored normal outcomes fit the same shape (ζ unused, or a scale parameter later), so adding one
/// never touches the driver. Implementations must be stateless and thread-safe.
/// </remarks>
public interface ITrajectoryFamily
{
    /// <summary>The family's name as written in results ("poisson", "zip").</summary>
    string Name { get; }

    /// <summary>Whether groups of this family may carry a zero-inflation polynomial (iorder ≥ 0).</summary>
    bool SupportsInflation { get; }

    /// <summary>The part of log f(y) that does not depend on the parameters (−log y! for counts).</summary>
    double LogConstant(int y);

    /// <summary>log f(y | η, ζ) minus <see cref="LogConstant"/>, with exposure entering as offset log e.</summary>
    double LogDensity(int y, double logExposure, double eta, double zeta);

    /// <summary>The log-density and its derivatives in η and ζ (see <see cref="ObservationDerivatives"/>).</summary>
    ObservationDerivatives Derivatives(int y, double logExposure, double eta, double zeta);

    /// <summary>The expected count at exposure 1.</summary>
    double Mean(double eta, double zeta);
}
