using Trajectories.Core.Families;

namespace Trajectories.Core.Estimation;

/// <summary>
/// The posterior-weighted log-likelihood of one group, Q_g(β, γ) = Σ_c W_cg · log f(y_c | x_t'β, z_t'γ), with its
/// gradient and Hessian. Cells at the same time share the design rows, so derivatives are first summed per time and
/// the cost is O(cells + T·p²), independent of the number of persons.
/// </summary>
/// <remarks>
/// Q_g is the M-step objective, and by Fisher's identity its gradient at the E-step's weights is the gradient of the
/// marginal log-likelihood with respect to (β_g, γ_g).
/// </remarks>
internal sealed class GroupObjective
{
    private readonly CellLayout _layout;
    private readonly ITrajectoryFamily _family;
    private readonly int _time;
    private readonly double[] _eta;
    private readonly double[] _zeta;
    private readonly double[] _perTime;

    public GroupObjective(CellLayout layout, ITrajectoryFamily family)
    {
        _layout = layout;
        _family = family;
        _time = layout.TimeCount;
        _eta = new double[_time];
        _zeta = new double[_time];
        _perTime = new double[5 * _time];
    }

    /// <summary>
    /// Q_g at (β, γ); when <paramref name="gradient"/> is non-empty also its gradient (length pβ + pγ), and when
    /// <paramref name="hessian"/> is non-empty the Hessian (row-major). <paramref name="weights"/> is W at index c·G + g.
    /// </summary>
    public double Evaluate(
        double[] weights, int g, int groups, double[] design, double[] inflationDesign,
        ReadOnlySpan<double> beta, ReadOnlySpan<double> gamma, Span<double> gradient, Span<double> hessian)
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
            if (!derivatives)
            {
                value += w * _family.LogDensity(_layout.CellY[c], _layout.CellLogExposure[c], _eta[t], _zeta[t]);
                continue;
            }

            var d = _family.Derivatives(_layout.CellY[c], _layout.CellLogExposure[c], _eta[t], _zeta[t]);
            value += w * d.Value;
            _perTime[t] += w * d.Eta;
            _perTime[_time + t] += w * d.Zeta;
            _perTime[(2 * _time) + t] += w * d.EtaEta;
            _perTime[(3 * _time) + t] += w * d.EtaZeta;
            _perTime[(4 * _time) + t] += w * d.ZetaZeta;
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
}
