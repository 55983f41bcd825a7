using Trajectories.Core.Families;

namespace Trajectories.Core.Estimation;

/// <summary>
/// The person-level part of a frailty group's row score and row Hessian, for <see cref="AnalyticHessian"/>. Row i's log
/// density in group g is Σ_c y_c·(η_c + log e_c) − log y! plus C = T_a(Y) − (a + Y)·log1p(Λ/a) (see
/// <see cref="GammaFrailty"/>), with Λ = Σ_t μ_t over the row's observations and ζ = −log a. With ν = a + Y,
/// D = a + Λ and M₁ = Σ_t μ_t x_t (x_t the row of β and δ at the observation):
/// <list type="bullet">
/// <item>∂C/∂β = −(ν/D)·M₁ (the cells add Σ y x, which <see cref="AnalyticHessian"/> already has);</item>
/// <item>∂C/∂a = H_a(Y) − log1p(Λ/a) + (Λ − Y)/D, so ∂C/∂ζ = −a·∂C/∂a;</item>
/// <item>∂²C/∂β² = −(ν/D)·M₂ + (ν/D²)·M₁M₁ᵀ, M₂ = Σ μ x xᵀ. Summed over rows with weights w·p, the first term is
/// exactly the β block of Q_g's Hessian at the frailty weights V = Σ w p E u (E u = ν/D), which the group Hessian
/// supplies; only the rank-one part is added per row;</item>
/// <item>∂²C/∂β∂ζ = a·(Λ − Y)/D²·M₁;</item>
/// <item>∂²C/∂ζ² = a·∂C/∂a + a²·(−H⁽²⁾_a(Y) + Λ/(a D) − (Λ − Y)/D²), H⁽²⁾_a(Y) = Σ_{k&lt;Y} 1/(a + k)².</item>
/// </list>
/// Q_g's own ζ curvature (that of Q_a, a second missing-data level) is not the observed one and is replaced by these
/// terms. Λ and M₁ are summed directly over the row's observations (its window cell by cell), so they are exact however
/// extreme a rate is, as <see cref="EStepKernel"/>'s windowed sums are. One instance per thread (it owns a buffer).
/// </summary>
internal sealed class FrailtyRowTerms
{
    private readonly MixtureLikelihood _model;
    private readonly int[] _columns;
    private readonly double[] _m1;

    public FrailtyRowTerms(MixtureLikelihood model)
    {
        _model = model;
        _columns = model.Layout.CovariateColumns(model.Spec.TimeCovariates);
        var widest = 0;
        for (var g = 0; g < model.Parameters.Groups; g++)
        {
            widest = Math.Max(widest, model.Parameters.TrajectoryWidth(g));
        }

        _m1 = new double[widest];
    }

    /// <summary>
    /// Completes group g's score of row i in <paramref name="score"/> (β and δ entries hold the cells' Σ y x; the ζ entry
    /// is set) and, when <paramref name="wp"/> ≠ 0, adds w·p times the row's rank-one and ζ curvature terms to the upper
    /// triangle of <paramref name="acc"/> (n × n, group block at <paramref name="offset"/>).
    /// </summary>
    public void Apply(int i, int g, Span<double> score, double wp, double[] acc, int offset, int n)
    {
        var p = _model.Parameters;
        int pt = p.TrajectoryWidth(g);
        var m1 = _m1.AsSpan(0, pt);
        var lambda = Moments(i, g, m1);
        var tab = _model.Tables;
        var a = tab.Shape[g];
        var y = _model.Layout.RowTotal[i];
        var nu = a + y;
        var d = a + lambda;
        var excess = (lambda - y) / d;
        var dA = tab.HarmonicOf(g, y) - Numerics.LogOnePlus.Of(lambda / a) + excess;
        for (var k = 0; k < pt; k++)
        {
            score[k] -= nu / d * m1[k];
        }

        score[pt] = -a * dA;
        if (wp == 0)
        {
            return;
        }

        var rankOne = wp * nu / (d * d);
        var cross = wp * a * (lambda - y) / (d * d);
        for (var r = 0; r < pt; r++)
        {
            var row = (offset + r) * n;
            var s = rankOne * m1[r];
            for (var c = r; c < pt; c++)
            {
                acc[row + offset + c] += s * m1[c];
            }

            acc[row + offset + pt] += cross * m1[r];
        }

        var curvature = (a * dA) + (a * a * (-SquaredHarmonic(a, y) + (lambda / (a * d)) - ((lambda - y) / (d * d))));
        acc[((offset + pt) * n) + offset + pt] += wp * curvature;
    }

    /// <summary>Λ = Σ μ and M₁ = Σ μ x over row i's observations in group g (its window cell by cell, then any other listed cells).</summary>
    private double Moments(int i, int g, Span<double> m1)
    {
        var layout = _model.Layout;
        var tab = _model.Tables;
        var groups = tab.Groups;
        var pb = _model.Parameters.Orders[g] + 1;
        var design = tab.Designs[g];
        var stride = layout.CovariateCount;
        m1.Clear();
        var lambda = 0.0;
        void Add(int c, Span<double> m)
        {
            var mu = tab.RateFull[(c * groups) + g];
            lambda += mu;
            var t = layout.CellTime[c];
            for (var k = 0; k < pb; k++)
            {
                m[k] += mu * design[(t * pb) + k];
            }

            for (var k = 0; k < m.Length - pb; k++)
            {
                m[pb + k] += mu * layout.CellCovariates[(c * stride) + _columns[k]];
            }
        }

        int a = layout.WindowStart[i], b = layout.WindowEnd[i];
        int j = layout.ListStart[i], to = layout.ListStart[i + 1];
        var cells = layout.Cells;
        if (b > 0)
        {
            for (var t = a; t < b; t++)
            {
                Add(j < to && layout.CellTime[cells[j]] == t ? cells[j++] : t, m1);
            }
        }

        for (; j < to; j++)
        {
            Add(cells[j], m1);
        }

        return lambda;
    }

    /// <summary>H⁽²⁾_a(Y) = Σ_{k&lt;Y} 1/(a + k)² = ψ′(a) − ψ′(a + Y).</summary>
    private static double SquaredHarmonic(double a, double y)
    {
        if (y > GammaFrailty.TableLimit)
        {
            return Numerics.Polygamma.Trigamma(a) - Numerics.Polygamma.Trigamma(a + y);
        }

        var sum = 0.0;
        for (var k = 0; k < y; k++)
        {
            var x = a + k;
            sum += 1.0 / (x * x);
        }

        return sum;
    }
}
