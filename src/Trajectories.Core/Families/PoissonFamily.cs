namespace Trajectories.Core.Families;

/// <summary>
/// Poisson counts with log link and log-exposure offset: log f = y(η + log e) − e·exp(η) − log y!.
/// </summary>
public sealed class PoissonFamily : ITrajectoryFamily
{
    /// <summary>The shared instance (the family is stateless).</summary>
    public static PoissonFamily Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "poisson";

    /// <inheritdoc/>
    public bool SupportsInflation => false;

    /// <inheritdoc/>
    public double LogConstant(int y) => -LogFactorial.Of(y);

    /// <inheritdoc/>
    public double LogDensity(int y, double logExposure, double eta, double zeta)
    {
        var offsetEta = eta + logExposure;
        return y == 0 ? -Math.Exp(offsetEta) : (y * offsetEta) - Math.Exp(offsetEta);
    }

    /// <inheritdoc/>
    public ObservationDerivatives Derivatives(int y, double logExposure, double eta, double zeta)
    {
        var offsetEta = eta + logExposure;
        var lambda = Math.Exp(offsetEta);
        var value = y == 0 ? -lambda : (y * offsetEta) - lambda;
        return new ObservationDerivatives(value, y - lambda, 0.0, -lambda, 0.0, 0.0);
    }

    /// <inheritdoc/>
    public double Mean(double eta, double zeta) => Math.Exp(eta);
}
