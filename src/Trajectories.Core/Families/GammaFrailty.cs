using Trajectories.Core.Numerics;

namespace Trajectories.Core.Families;

/// <summary>
/// The person-level part of a group model with a mean-one gamma frailty: within group g, person i's counts are
/// Poisson with rates u_i·μ_igt, u_i ~ Gamma(shape a_g, rate a_g) (mean 1, variance 1/a_g), so that one person's years
/// share their level — persistent offenders stay persistent — instead of varying independently as in the negative
/// binomial. Integrating u out gives the negative multinomial
/// f(y_i) = Π_t μ_t^{y_t}/y_t! · Γ(a + Y)/Γ(a) · a^a/(a + Λ)^{a + Y}, Y = Σ_t y_t, Λ = Σ_t μ_t,
/// whose log is Σ_t (y_t log μ_t − log y_t!) plus the person-level term C(a, Y, Λ) = T_a(Y) − (a + Y)·log1p(Λ/a) with
/// T_a(Y) = Σ_{k&lt;Y} log1p(k/a). So each person needs only Σ y and Σ μ beyond the observations' own y log μ, and the
/// E-step keeps its prefix sums.
/// </summary>
/// <remarks>
/// <para>ζ = log Var u = −log a. Every formula is written so that no large terms cancel as a → ∞ (the Poisson limit):
/// C → −Λ, the Poisson limit, and the M-step's shape terms go through <see cref="Polygamma"/>'s series.</para>
/// <para>EM treats u as missing too (Dempster, Laird and Rubin 1977 §4.7): given a group, u is Gamma(a + Y, a + Λ) a
/// posteriori, with E u = (a + Y)/(a + Λ) and E log u = ψ(a + Y) − log(a + Λ). The expected complete-data
/// log-likelihood then splits into a Poisson part in β, whose rates are weighted by E u, and a part in a alone:
/// Q_a(a) = N·(a log a − lnΓ(a) − a) + a·Σ w p (1 − E u) + (a − 1)·Σ w p E log u (N = Σ w p, the group's size).</para>
/// </remarks>
public static class GammaFrailty
{
    /// <summary>Largest Σ y whose terms are tabled per E-step; a person above it gets them from log-gamma and digamma.</summary>
    public const int TableLimit = 1 << 16;

    /// <summary>The shape a = 1/Var u of a group with ζ = log Var u.</summary>
    public static double Shape(double zeta) => Math.Exp(-zeta);

    /// <summary>T_a(Y) = lnΓ(a + Y) − lnΓ(a) − Y·log a for Y = 0…<paramref name="table"/>.Length − 1.</summary>
    public static void FillLogTerms(double a, Span<double> table)
    {
        var sum = 0.0;
        for (var y = 0; y < table.Length; y++)
        {
            table[y] = sum;
            sum += LogOnePlus.Of(y / a);
        }
    }

    /// <summary>H_a(Y) = ψ(a + Y) − ψ(a) = Σ_{k&lt;Y} 1/(a + k) for Y = 0…<paramref name="table"/>.Length − 1.</summary>
    public static void FillHarmonic(double a, Span<double> table)
    {
        var sum = 0.0;
        for (var y = 0; y < table.Length; y++)
        {
            table[y] = sum;
            sum += 1.0 / (a + y);
        }
    }

    /// <summary>T_a(Y) directly (for Y beyond the tables).</summary>
    public static double LogTerm(double a, double y) =>
        MathNet.Numerics.SpecialFunctions.GammaLn(a + y) - MathNet.Numerics.SpecialFunctions.GammaLn(a) - (y * Math.Log(a));

    /// <summary>H_a(Y) directly (for Y beyond the tables).</summary>
    public static double Harmonic(double a, double y) =>
        MathNet.Numerics.SpecialFunctions.DiGamma(a + y) - MathNet.Numerics.SpecialFunctions.DiGamma(a);

    /// <summary>
    /// The person-level term C = T_a(Y) − (a + Y)·log1p(Λ/a) of the negative multinomial log-likelihood: all of it but
    /// the observations' own Σ (y log μ − log y!).
    /// </summary>
    public static double PersonTerm(double a, double y, double lambda, double logTerm) =>
        logTerm - ((a + y) * LogOnePlus.Of(lambda / a));

    /// <summary>The posterior mean E u = (a + Y)/(a + Λ) of the frailty in a group.</summary>
    public static double PosteriorMean(double a, double y, double lambda) => (a + y) / (a + lambda);

    /// <summary>
    /// E log u − (ψ(a) − log a) = H_a(Y) − log1p(Λ/a): the posterior mean of log u less a part common to all persons,
    /// which <see cref="ShapeObjective"/> adds back once per group.
    /// </summary>
    public static double PosteriorLog(double a, double lambda, double harmonic) => harmonic - LogOnePlus.Of(lambda / a);

    /// <summary>
    /// Q_a at ζ and its first two derivatives in ζ, from one group's E-step sums at shape a₀: its size N = Σ w p, the
    /// excess Σ w p (1 − E u) and the log sum Σ w p (E log u − ψ(a₀) + log a₀) (see <see cref="PosteriorLog"/>).
    /// </summary>
    public static (double Value, double Gradient, double Hessian) ShapeObjective(
        double zeta, double a0, double size, double excess, double logSum)
    {
        var a = Shape(zeta);

        // Σ w p E log u at a₀, with its common part ψ(a₀) − log a₀ added back.
        var meanLog = logSum - (size * Polygamma.LogMinusDigamma(a0));
        var value = (size * Polygamma.ShapeTerm(a)) + (a * excess) + ((a - 1) * meanLog);

        // ζ = −log a: ∂/∂ζ = −a ∂/∂a, ∂²/∂ζ² = a² ∂²/∂a² + a ∂/∂a; the a- and a²-scaled polygamma terms are taken as
        // such, so that neither overflows near the Poisson boundary (a → ∞).
        var aDa = (size * Polygamma.ScaledLogMinusDigamma(a)) + (a * excess) + (a * meanLog);
        return (value, -aDa, (size * Polygamma.ScaledInverseMinusTrigamma(a)) + aDa);
    }
}
