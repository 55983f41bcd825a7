using MathNet.Numerics.RootFinding;

namespace Trajectories.Analysis.Statistics;

/// <summary>
/// Fisher's noncentral hypergeometric distribution of cell A given all margins of a 2×2 table, with odds ratio ψ:
/// P(A = x) ∝ C(r1, x)·C(r2, c1 − x)·ψ^x on lo ≤ x ≤ hi. Everything is kept in log space (ln C via ln Γ) so margins
/// of 10⁶ do not overflow. This is the machinery of R's <c>fisher.test</c> (dnhyper / mnhyper / pnhyper).
/// </summary>
internal sealed class NoncentralHypergeometric
{
    private readonly double[] _logCentral;

    public NoncentralHypergeometric(TwoByTwo t)
    {
        Lo = Math.Max(0, t.Col1 - t.Row2);
        Hi = Math.Min(t.Row1, t.Col1);
        _logCentral = new double[Hi - Lo + 1];
        for (var x = Lo; x <= Hi; x++)
        {
            _logCentral[x - Lo] = Tails.LogChoose(t.Row1, x) + Tails.LogChoose(t.Row2, t.Col1 - x);
        }
    }

    /// <summary>Smallest attainable A.</summary>
    public long Lo { get; }

    /// <summary>Largest attainable A.</summary>
    public long Hi { get; }

    /// <summary>Unnormalised log-density of the central (ψ = 1) distribution, indexed x − Lo.</summary>
    public ReadOnlySpan<double> LogCentral => _logCentral;

    /// <summary>Normalised probabilities at log odds ratio <paramref name="logPsi"/> (max-shifted before exp).</summary>
    public double[] Density(double logPsi)
    {
        var d = new double[_logCentral.Length];
        var max = double.NegativeInfinity;
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = _logCentral[i] + (Lo + i) * logPsi;
            max = Math.Max(max, d[i]);
        }

        double sum = 0;
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = Math.Exp(d[i] - max);
            sum += d[i];
        }

        for (var i = 0; i < d.Length; i++)
        {
            d[i] /= sum;
        }

        return d;
    }

    /// <summary>E[A] at log odds ratio <paramref name="logPsi"/>.</summary>
    public double Mean(double logPsi)
    {
        var d = Density(logPsi);
        double m = 0;
        for (var i = 0; i < d.Length; i++)
        {
            m += (Lo + i) * d[i];
        }

        return m;
    }

    /// <summary>P(A ≤ x) (or P(A ≥ x) when <paramref name="upper"/>) at log odds ratio <paramref name="logPsi"/>.</summary>
    public double Cdf(long x, double logPsi, bool upper)
    {
        var d = Density(logPsi);
        double s = 0;
        for (var i = 0; i < d.Length; i++)
        {
            var v = Lo + i;
            if (upper ? v >= x : v <= x)
            {
                s += d[i];
            }
        }

        return s;
    }

    /// <summary>
    /// Conditional maximum-likelihood odds ratio: the ψ with E_ψ[A] = x (0 at x = lo, ∞ at x = hi).
    /// Solved on ln ψ by Brent's method — R's uniroot uses tolerance ≈ 1.2e-4, so R's value agrees only to ~1e-4.
    /// </summary>
    public double ConditionalMle(long x)
    {
        if (x == Lo)
        {
            return 0.0;
        }

        if (x == Hi)
        {
            return double.PositiveInfinity;
        }

        return Math.Exp(SolveLogPsi(t => Mean(t) - x));
    }

    /// <summary>Exact conditional interval: ψ_L with P_ψ(A ≥ x) = α/2 and ψ_U with P_ψ(A ≤ x) = α/2.</summary>
    public ConfidenceInterval ConditionalInterval(long x, double level)
    {
        var half = (1.0 - level) / 2.0;
        var low = x == Lo ? 0.0 : Math.Exp(SolveLogPsi(t => Cdf(x, t, upper: true) - half));
        var high = x == Hi ? double.PositiveInfinity : Math.Exp(SolveLogPsi(t => half - Cdf(x, t, upper: false)));
        return new ConfidenceInterval(low, high, level);
    }

    // f must be increasing in ln ψ; the bracket widens until it straddles the root.
    private static double SolveLogPsi(Func<double, double> f)
    {
        double lo = -2, hi = 2;
        while (f(lo) > 0 && lo > -700)
        {
            lo *= 2;
        }

        while (f(hi) < 0 && hi < 700)
        {
            hi *= 2;
        }

        return Brent.FindRoot(f, lo, hi, 1e-10, 500);
    }
}
