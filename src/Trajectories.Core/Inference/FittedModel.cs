using Trajectories.Core.Families;
using Trajectories.Core.Membership;
using Trajectories.Core.Panels;
using Trajectories.Core.Results;

namespace Trajectories.Core.Inference;

/// <summary>
/// A fitted model bound to the persons and observations of a panel: each group's predictors at an observation, each
/// person's prior membership, the density of a person's whole series in each group, and the group means. What the
/// parametric bootstrap draws from and what cross-validation predicts with, evaluated from the published estimates
/// (<see cref="TrajectoryFit.Groups"/>, the membership block of <see cref="TrajectoryFit.Parameters"/>) alone, so a
/// replicate needs nothing of the fit's internal tables.
/// </summary>
/// <remarks>
/// The panel must carry what the model uses (the risk factors as person covariates, the time-varying covariates by
/// name) and be on the fit's time grid or any grid: predictors are evaluated at the panel's times on the fit's scale.
/// </remarks>
public sealed class FittedModel
{
    private readonly CountPanel _panel;
    private readonly double[][] _beta;
    private readonly double[]?[] _gamma;
    private readonly double[][] _delta;
    private readonly int[] _tcovColumns;
    private readonly int[] _riskColumns;
    private readonly double[] _theta;
    private readonly double[] _logShares;
    private readonly double[] _u;

    /// <summary>Binds <paramref name="fit"/> to <paramref name="panel"/>.</summary>
    /// <exception cref="ArgumentException">The panel lacks a covariate the model uses.</exception>
    public FittedModel(TrajectoryFit fit, CountPanel panel)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(panel);
        _panel = panel;
        Family = fit.Model.Family;
        var groups = fit.Groups.Count;
        _beta = fit.Groups.Select(g => g.Beta.ToArray()).ToArray();
        _gamma = fit.Groups.Select(g => SecondaryOf(Family, g)).ToArray();
        _delta = fit.Groups.Select(g => g.TimeCovariates.Select(c => c.Estimate).ToArray()).ToArray();
        var spec = fit.Model;
        _tcovColumns = spec.TimeCovariates.Count == 0
            ? []
            : (panel.TimeCovariates ?? throw new ArgumentException($"the model has time-varying covariates ({string.Join(", ", spec.TimeCovariates)}) but the panel has none.", nameof(panel)))
                .Columns(spec.TimeCovariates);
        _riskColumns = spec.RiskFactors.Count == 0
            ? []
            : (panel.Covariates ?? throw new ArgumentException($"the model has risk factors ({string.Join(", ", spec.RiskFactors)}) but the panel has no person covariates.", nameof(panel)))
                .Columns(spec.RiskFactors);
        _theta = fit.Parameters.Take((groups - 1) * spec.MembershipWidth).ToArray();
        _logShares = fit.Groups.Select(g => Math.Log(g.Share)).ToArray();
        _u = panel.Times.Select(t => fit.TimeScale.Apply(t)).ToArray();
    }

    /// <summary>The model's family.</summary>
    public ITrajectoryFamily Family { get; }

    /// <summary>Number of groups.</summary>
    public int Groups => _beta.Length;

    /// <summary>The panel the model is bound to.</summary>
    public CountPanel Panel => _panel;

    /// <summary>The trajectory predictor η of group <paramref name="group"/> at observation <paramref name="observation"/> (time-varying covariates included, exposure not).</summary>
    public double Eta(int group, int observation)
    {
        var eta = Polynomial(_beta[group], _u[_panel.TimeIndex[observation]]);
        if (_tcovColumns.Length > 0)
        {
            var w = _panel.TimeCovariates!.Of(observation);
            var delta = _delta[group];
            for (var j = 0; j < _tcovColumns.Length; j++)
            {
                eta += delta[j] * w[_tcovColumns[j]];
            }
        }

        return eta;
    }

    /// <summary>The second predictor ζ of group <paramref name="group"/> at observation <paramref name="observation"/> (−∞ where the group has none).</summary>
    public double Zeta(int group, int observation) =>
        _gamma[group] is { } gamma ? Polynomial(gamma, _u[_panel.TimeIndex[observation]]) : double.NegativeInfinity;

    /// <summary>log of the exposure of an observation (0 when the panel or family has none).</summary>
    public double LogExposure(int observation) =>
        Family.UsesExposure && _panel.Exposure is { } e ? Math.Log(e[observation]) : 0.0;

    /// <summary>The expected outcome of an observation in a group, at its exposure.</summary>
    public double Mean(int group, int observation) =>
        Family.Mean(Eta(group, observation) + LogExposure(observation), Zeta(group, observation));

    /// <summary>Writes log P(group | person) into <paramref name="logPriors"/>.</summary>
    public void LogPriors(int person, Span<double> logPriors)
    {
        if (_riskColumns.Length == 0)
        {
            _logShares.CopyTo(logPriors);
            return;
        }

        Span<double> x = stackalloc double[_riskColumns.Length + 1];
        x[0] = 1.0;
        var source = _panel.Covariates!.Of(person);
        for (var k = 0; k < _riskColumns.Length; k++)
        {
            x[k + 1] = source[_riskColumns[k]];
        }

        MultinomialLogit.LogPriors(_theta, x, logPriors);
    }

    /// <summary>
    /// log f(y_i | group) of person <paramref name="person"/>'s whole series for every group, constants included (with a
    /// person-level frailty, the negative multinomial of <see cref="GammaFrailty"/>). A person without observations gets 0.
    /// </summary>
    public void LogDensities(int person, Span<double> perGroup)
    {
        int from = _panel.RowStart[person], to = _panel.RowStart[person + 1];
        var constant = 0.0;
        var total = 0.0;
        for (var n = from; n < to; n++)
        {
            constant += Family.LogConstant(_panel.Values[n]);
            total += _panel.Values[n];
        }

        for (var g = 0; g < Groups; g++)
        {
            var sum = constant;
            var lambda = 0.0;
            for (var n = from; n < to; n++)
            {
                double eta = Eta(g, n), zeta = Zeta(g, n), offset = LogExposure(n);
                sum += Family.LogDensity(_panel.Values[n], offset, eta, zeta);
                lambda += Math.Exp(eta + offset);
            }

            if (Family.HasPersonFrailty && to > from)
            {
                var a = GammaFrailty.Shape(Zeta(g, from));
                sum += GammaFrailty.PersonTerm(a, total, lambda, GammaFrailty.LogTerm(a, total));
            }

            perGroup[g] = sum;
        }
    }

    /// <summary>
    /// Person <paramref name="person"/>'s marginal log-likelihood log Σ_g π_g f_g(y_i), and their posteriors into
    /// <paramref name="posteriors"/>.
    /// </summary>
    public double Posteriors(int person, Span<double> posteriors)
    {
        Span<double> prior = stackalloc double[Groups];
        LogPriors(person, prior);
        LogDensities(person, posteriors);
        var top = double.NegativeInfinity;
        for (var g = 0; g < Groups; g++)
        {
            posteriors[g] += prior[g];
            top = Math.Max(top, posteriors[g]);
        }

        var sum = 0.0;
        for (var g = 0; g < Groups; g++)
        {
            posteriors[g] = Math.Exp(posteriors[g] - top);
            sum += posteriors[g];
        }

        for (var g = 0; g < Groups; g++)
        {
            posteriors[g] /= sum;
        }

        return top + Math.Log(sum);
    }

    private static double[]? SecondaryOf(ITrajectoryFamily family, GroupEstimate group)
    {
        // A polynomial second predictor is absent in a group of inflation order −1 (ZIP reduces to Poisson there);
        // a constant one (dispersion, σ, frailty variance) is always present.
        if (group.Secondary is not { } secondary || family.Secondary is not { } shape)
        {
            return null;
        }

        return shape.Shape == SecondaryShape.Constant || group.InflationOrder >= 0 ? secondary.Coefficients.ToArray() : null;
    }

    private static double Polynomial(double[] coefficients, double u)
    {
        var value = 0.0;
        for (var k = coefficients.Length - 1; k >= 0; k--)
        {
            value = (value * u) + coefficients[k];
        }

        return value;
    }
}
