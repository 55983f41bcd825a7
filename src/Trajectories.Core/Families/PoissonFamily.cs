namespace Trajectories.Core.Families;

/// <summary>
/// Poisson counts with log link and log-exposure offset: log f = y(η + log e) − e·exp(η) − log y!.
/// </summary>
public sealed class PoissonFamily : CountFamily
{
    /// <summary>The shared instance (the family is stateless).</summary>
    public static PoissonFamily Instance { get; } = new();

    /// <summary>The log-rate predictor shared by the count families.</summary>
    internal static Predictor LogRate { get; } = new("log rate", "log_rate", PredictorLink.Log);

    /// <inheritdoc/>
    public override string Name => "poisson";

    /// <inheritdoc/>
    public override SecondaryPredictor? Secondary => null;

    /// <inheritdoc/>
    public override double LogDensity(double y, double logExposure, double eta, double zeta)
    {
        var offsetEta = eta + logExposure;
        return y == 0 ? -Math.Exp(offsetEta) : (y * offsetEta) - Math.Exp(offsetEta);
    }

    /// <inheritdoc/>
    public override ObservationDerivatives Derivatives(double y, double logExposure, double eta, double zeta)
    {
        var offsetEta = eta + logExposure;
        var lambda = Math.Exp(offsetEta);
        var value = y == 0 ? -lambda : (y * offsetEta) - lambda;
        return new ObservationDerivatives(value, y - lambda, 0.0, -lambda, 0.0, 0.0);
    }

    /// <inheritdoc/>
    public override double Mean(double eta, double zeta) => Math.Exp(eta);

    /// <inheritdoc/>
    public override (double Value, double Eta, double Zeta) LinkedMean(double eta, double zeta) => (eta, 1.0, 0.0);

    /// <inheritdoc/>
    public override double StartSecondary(OutcomeSummary data) => double.NegativeInfinity;

    /// <inheritdoc/>
    public override double Sample(Random random, double exposure, double eta, double zeta) =>
        Simulation.PoissonSampler.Draw(random, Math.Exp(eta) * exposure);
}

/// <summary>Rules shared by the count families.</summary>
internal static class Counts
{
    /// <summary>A log rate beyond ±20 on a group's support: rates collapsed to 0 (2e-9) or diverged (5e8).</summary>
    public const double LogRateBound = 20.0;

    /// <summary>Why <paramref name="y"/> is not a count, or null.</summary>
    public static string? Problem(double y) =>
        y >= 0 && y == Math.Floor(y) && y <= int.MaxValue ? null : $"{Show(y)} is not a count (a whole number ≥ 0).";

    /// <summary>The log of the overall rate Σy / Σexposure, floored so that all-zero data still give a finite start.</summary>
    public static double StartLogRate(OutcomeSummary data) => Math.Log(Math.Max(data.Total, 0.5) / Math.Max(data.Exposure, 1.0));

    /// <summary>
    /// log of the moment estimate (variance − mean)/mean² of the extra-Poisson variance of the pooled data (at least
    /// 1 % of 1/mean): the start of a dispersion or frailty variance, which the M-steps then correct.
    /// </summary>
    public static double LogExtraVariance(OutcomeSummary data)
    {
        var m = Math.Max(data.Mean, 1e-6);
        return Math.Log(Math.Max(data.Variance - m, 0.01 * m) / (m * m));
    }

    /// <summary>A number as the user would write it.</summary>
    public static string Show(double y) => y.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
