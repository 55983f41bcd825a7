using Trajectories.Core.Families;

namespace Trajectories.Core.Estimation;

/// <summary>
/// The posterior-weighted log-likelihood of one group, Q_g(β, δ, γ) = Σ_c W_cg · log f(y_c | x_t'β + w_c'δ, z_t'γ),
/// with its gradient and Hessian. Cells at the same time share the design rows, so derivatives are first summed per
/// time and the cost is O(cells + T·p²), independent of the number of persons. With time-varying covariates w_c
/// (TCOV) their terms are summed per cell, and per time where they meet the polynomial rows.
/// </summary>
/// <remarks>
/// Q_g is the M-step objective, and by Fisher's identity its gradient at the E-step's weights is the gradient of the
/// marginal log-likelihood with respect to (β_g, γ_g).
/// </remarks>
internal sealed class GroupObjective
{
    private readonly CellLayout _layout;
    private readonly ITrajectoryFamily _family;
    private readonly bool _frailty;
    private readonly int _time;
    private readonly double[] _eta;
    private readonly double[] _zeta;
    private readonly double[] _perTime;
    private readonly int[] _columns;
    private readonly double[] _covariateTerms;

    /// <summary>An objective over <paramref name="layout"/>'s cells; <paramref name="columns"/> are the model's time-varying covariates among the layout's.</summary>
    public GroupObjective(CellLayout layout, ITrajectoryFamily family, int[] columns)
    {
        _layout = layout;
        _family = family;
        _frailty = family.HasPersonFrailty;
        _time = layout.TimeCount;
        _eta = new double[_time];
        _zeta = new double[_time];
        _perTime = new double[5 * _time];
        _columns = columns;
        var q = columns.Length;

        // Per time: Σ W·∂ηη·w (q) and Σ W·∂ηζ·w (q); then Σ W·∂η·w (q) and Σ W·∂ηη·w wᵀ (q × q).
        _covariateTerms = new double[(2 * _time * q) + q + (q * q)];
    }

    /// <summary>
    /// Q_g at (β, δ, γ) (<paramref name="trajectory"/> is β then δ); when <paramref name="gradient"/> is non-empty also
    /// its gradient (in the order β, δ, γ), and when <paramref name="hessian"/> is non-empty the Hessian (row-major).
    /// The weights are those of <paramref name="state"/>: W at index c·G + g, and for a frailty model also the
    /// frailty-weighted V and the shape sums (<see cref="GammaFrailty"/>).
    /// </summary>
    public double Evaluate(
        EStepResult state, int g, int groups, double[] design, double[] inflationDesign,
        ReadOnlySpan<double> trajectory, ReadOnlySpan<double> gamma, Span<double> gradient, Span<double> hessian)
    {
        var q = _columns.Length;
        var value = q > 0
            ? EvaluateWithCovariates(state, g, groups, design, inflationDesign, trajectory, gamma, gradient, hessian)
            : EvaluatePolynomial(state, g, groups, design, inflationDesign, trajectory, gamma, gradient, hessian);
        return _frailty ? value + ShapeTerms(state, g, trajectory.Length, gamma, gradient, hessian) : value;
    }

    /// <summary>
    /// Adds Q_a of a frailty group (its shape part, <see cref="GammaFrailty.ShapeObjective"/>) to the gradient and
    /// Hessian entries of its one ζ coefficient and returns its value. ζ has no per-cell terms, and β and ζ are
    /// separate in the expected complete-data log-likelihood, so nothing else changes.
    /// </summary>
    private static double ShapeTerms(EStepResult state, int g, int pt, ReadOnlySpan<double> gamma, Span<double> gradient, Span<double> hessian)
    {
        var (value, dz, dzz) = GammaFrailty.ShapeObjective(
            gamma[0], state.FrailtyShapeAt[g], state.GroupSums[g], state.FrailtyExcess[g], state.FrailtyLog[g]);
        if (!gradient.IsEmpty)
        {
            gradient[pt] += dz;
            if (!hessian.IsEmpty)
            {
                hessian[(pt * (pt + 1)) + pt] += dzz;
            }
        }

        return value;
    }

    /// <summary>
    /// One cell's weighted terms: W·(log f and its derivatives) — or, for a frailty model, the Poisson terms with the
    /// observed part weighted by W and the expected part by V = Σ w p E u: W·y·(η + log e) − V·μ.
    /// </summary>
    private ObservationDerivatives Weighted(EStepResult state, int index, int c, double eta, double zeta, bool derivatives)
    {
        var w = state.CellWeights[index];
        if (_frailty)
        {
            var y = _layout.CellY[c];
            var offsetEta = eta + _layout.CellLogExposure[c];
            var vmu = state.FrailtyWeights[index] * Math.Exp(offsetEta);
            var value = (y == 0 ? 0.0 : w * y * offsetEta) - vmu;
            return new ObservationDerivatives(value, (w * y) - vmu, 0.0, -vmu, 0.0, 0.0);
        }

        if (!derivatives)
        {
            return new ObservationDerivatives(w * _family.LogDensity(_layout.CellY[c], _layout.CellLogExposure[c], eta, zeta), 0, 0, 0, 0, 0);
        }

        var d = _family.Derivatives(_layout.CellY[c], _layout.CellLogExposure[c], eta, zeta);
        return new ObservationDerivatives(w * d.Value, w * d.Eta, w * d.Zeta, w * d.EtaEta, w * d.EtaZeta, w * d.ZetaZeta);
    }

    private double EvaluatePolynomial(
        EStepResult state, int g, int groups, double[] design, double[] inflationDesign,
        ReadOnlySpan<double> trajectory, ReadOnlySpan<double> gamma, Span<double> gradient, Span<double> hessian)
    {
        var weights = state.CellWeights;

        var beta = trajectory;
        int pb = beta.Length, pz = gamma.Length;
        Predictors(design, inflationDesign, beta, gamma);

        var derivatives = !gradient.IsEmpty;
        Array.Clear(_perTime);
        var value = 0.0;
        for (var c = 0; c < _layout.CellCount; c++)
        {
            var w = weights[(c * groups) + g];
            if (w == 0.0)
            {
                continue;
            }

            var t = _layout.CellTime[c];
            var d = Weighted(state, (c * groups) + g, c, _eta[t], _zeta[t], derivatives);
            value += d.Value;
            if (!derivatives)
            {
                continue;
            }

            _perTime[t] += d.Eta;
            _perTime[_time + t] += d.Zeta;
            _perTime[(2 * _time) + t] += d.EtaEta;
            _perTime[(3 * _time) + t] += d.EtaZeta;
            _perTime[(4 * _time) + t] += d.ZetaZeta;
        }

        if (derivatives)
        {
            Assemble(design, inflationDesign, pb, pz, gradient, hessian);
        }

        return value;
    }

    private void Assemble(double[] x, double[] z, int pb, int pz, Span<double> gradient, Span<double> hessian)
    {
        var n = pb + pz;
        gradient.Slice(0, n).Clear();
        if (!hessian.IsEmpty)
        {
            hessian.Slice(0, n * n).Clear();
        }

        Span<double> row = stackalloc double[n];
        for (var t = 0; t < _time; t++)
        {
            for (var k = 0; k < pb; k++)
            {
                row[k] = x[(t * pb) + k];
            }

            for (var k = 0; k < pz; k++)
            {
                row[pb + k] = z[(t * pz) + k];
            }

            for (var k = 0; k < n; k++)
            {
                gradient[k] += row[k] * (k < pb ? _perTime[t] : _perTime[_time + t]);
            }

            if (hessian.IsEmpty)
            {
                continue;
            }

            double hee = _perTime[(2 * _time) + t], hez = _perTime[(3 * _time) + t], hzz = _perTime[(4 * _time) + t];
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k <= j; k++)
                {
                    var h = j < pb ? hee : k < pb ? hez : hzz;
                    hessian[(j * n) + k] += row[j] * row[k] * h;
                }
            }
        }

        if (!hessian.IsEmpty)
        {
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < j; k++)
                {
                    hessian[(k * n) + j] = hessian[(j * n) + k];
                }
            }
        }
    }

    /// <summary>
    /// <see cref="Evaluate"/> with time-varying covariates: η_c = x_t'β + w_c'δ per cell. The polynomial and secondary
    /// terms are summed per time as without covariates; δ's terms per cell (gradient, δ×δ) and per time where they meet
    /// x_t or z_t (β×δ, δ×γ).
    /// </summary>
    private double EvaluateWithCovariates(
        EStepResult state, int g, int groups, double[] design, double[] inflationDesign,
        ReadOnlySpan<double> trajectory, ReadOnlySpan<double> gamma, Span<double> gradient, Span<double> hessian)
    {
        var weights = state.CellWeights;
        var q = _columns.Length;
        var pb = trajectory.Length - q;
        var pz = gamma.Length;
        var delta = trajectory.Slice(pb, q);
        Predictors(design, inflationDesign, trajectory.Slice(0, pb), gamma);

        var derivatives = !gradient.IsEmpty;
        Array.Clear(_perTime);
        Array.Clear(_covariateTerms);
        int eeW = 0, ezW = _time * q, gW = 2 * _time * q, wW = gW + q;
        var stride = _layout.CovariateCount;
        var covariates = _layout.CellCovariates;
        Span<double> w = stackalloc double[q];
        var value = 0.0;
        for (var c = 0; c < _layout.CellCount; c++)
        {
            var weight = weights[(c * groups) + g];
            if (weight == 0.0)
            {
                continue;
            }

            var t = _layout.CellTime[c];
            var eta = _eta[t];
            for (var j = 0; j < q; j++)
            {
                w[j] = covariates[(c * stride) + _columns[j]];
                eta += delta[j] * w[j];
            }

            var d = Weighted(state, (c * groups) + g, c, eta, _zeta[t], derivatives);
            value += d.Value;
            if (!derivatives)
            {
                continue;
            }

            _perTime[t] += d.Eta;
            _perTime[_time + t] += d.Zeta;
            _perTime[(2 * _time) + t] += d.EtaEta;
            _perTime[(3 * _time) + t] += d.EtaZeta;
            _perTime[(4 * _time) + t] += d.ZetaZeta;
            for (var j = 0; j < q; j++)
            {
                _covariateTerms[eeW + (t * q) + j] += d.EtaEta * w[j];
                _covariateTerms[ezW + (t * q) + j] += d.EtaZeta * w[j];
                _covariateTerms[gW + j] += d.Eta * w[j];
                for (var l = 0; l < q; l++)
                {
                    _covariateTerms[wW + (j * q) + l] += d.EtaEta * w[j] * w[l];
                }
            }
        }

        if (derivatives)
        {
            AssembleWithCovariates(design, inflationDesign, pb, q, pz, gradient, hessian);
        }

        return value;
    }

    /// <summary>η_t = x_t'β (the polynomial part) and ζ_t = z_t'γ (−∞ without a second predictor) at every time.</summary>
    private void Predictors(double[] design, double[] inflationDesign, ReadOnlySpan<double> beta, ReadOnlySpan<double> gamma)
    {
        int pb = beta.Length, pz = gamma.Length;
        for (var t = 0; t < _time; t++)
        {
            var e = 0.0;
            for (var k = 0; k < pb; k++)
            {
                e += design[(t * pb) + k] * beta[k];
            }

            _eta[t] = e;
            var z = pz == 0 ? double.NegativeInfinity : 0.0;
            for (var k = 0; k < pz; k++)
            {
                z += inflationDesign[(t * pz) + k] * gamma[k];
            }

            _zeta[t] = z;
        }
    }

    /// <summary>Gradient and Hessian in the order (β, δ, γ) from the per-time and per-cell sums.</summary>
    private void AssembleWithCovariates(double[] x, double[] z, int pb, int q, int pz, Span<double> gradient, Span<double> hessian)
    {
        var n = pb + q + pz;
        int d0 = pb, g0 = pb + q;
        int eeW = 0, ezW = _time * q, gW = 2 * _time * q, wW = gW + q;
        gradient.Slice(0, n).Clear();
        for (var j = 0; j < q; j++)
        {
            gradient[d0 + j] = _covariateTerms[gW + j];
        }

        for (var t = 0; t < _time; t++)
        {
            for (var k = 0; k < pb; k++)
            {
                gradient[k] += x[(t * pb) + k] * _perTime[t];
            }

            for (var k = 0; k < pz; k++)
            {
                gradient[g0 + k] += z[(t * pz) + k] * _perTime[_time + t];
            }
        }

        if (hessian.IsEmpty)
        {
            return;
        }

        hessian.Slice(0, n * n).Clear();
        for (var j = 0; j < q; j++)
        {
            for (var l = 0; l < q; l++)
            {
                hessian[((d0 + j) * n) + d0 + l] = _covariateTerms[wW + (j * q) + l];
            }
        }

        for (var t = 0; t < _time; t++)
        {
            double hee = _perTime[(2 * _time) + t], hez = _perTime[(3 * _time) + t], hzz = _perTime[(4 * _time) + t];
            for (var a = 0; a < pb; a++)
            {
                var xa = x[(t * pb) + a];
                for (var b = 0; b < pb; b++)
                {
                    hessian[(a * n) + b] += xa * x[(t * pb) + b] * hee;
                }

                for (var j = 0; j < q; j++)
                {
                    var v = xa * _covariateTerms[eeW + (t * q) + j];
                    hessian[(a * n) + d0 + j] += v;
                    hessian[((d0 + j) * n) + a] += v;
                }

                for (var b = 0; b < pz; b++)
                {
                    var v = xa * z[(t * pz) + b] * hez;
                    hessian[(a * n) + g0 + b] += v;
                    hessian[((g0 + b) * n) + a] += v;
                }
            }

            for (var a = 0; a < pz; a++)
            {
                var za = z[(t * pz) + a];
                for (var b = 0; b < pz; b++)
                {
                    hessian[((g0 + a) * n) + g0 + b] += za * z[(t * pz) + b] * hzz;
                }

                for (var j = 0; j < q; j++)
                {
                    var v = za * _covariateTerms[ezW + (t * q) + j];
                    hessian[((g0 + a) * n) + d0 + j] += v;
                    hessian[((d0 + j) * n) + g0 + a] += v;
                }
            }
        }
    }
}
