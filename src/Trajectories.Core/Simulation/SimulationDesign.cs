using Trajectories.Core.Basis;
using Trajectories.Core.Families;

namespace Trajectories.Core.Simulation;

/// <summary>
/// One planted group of a simulated GBTM: its share, its trajectory polynomial (η) and its second predictor's
/// polynomial (ζ: ZIP's zero-inflation logit, NB's log dispersion, CNORM's log σ as one coefficient), both in the
/// scaled time u of <see cref="TimeScale.FromGrid"/> (so the coefficients are on the same scale as those the
/// estimator reports).
/// </summary>
/// <param name="Share">Probability of membership (the shares of a design are normalised to sum to 1).</param>
/// <param name="Beta">η(u) = Σ_j Beta[j]·u^j (for counts log λ).</param>
/// <param name="Gamma">ζ(u) = Σ_j Gamma[j]·u^j (for ZIP logit ω of the structural-zero probability), or null for none.</param>
/// <param name="Risk">Per risk factor of the design, the log-odds of this group against group 1 per unit (null: all 0; group 1's must be null).</param>
/// <param name="Delta">Per time-varying covariate of the design, its coefficient in this group's η (null: all 0).</param>
public sealed record SimulatedGroup(
    double Share, IReadOnlyList<double> Beta, IReadOnlyList<double>? Gamma = null, IReadOnlyList<double>? Risk = null, IReadOnlyList<double>? Delta = null)
{
    /// <summary>The planted trajectory predictor η at scaled time <paramref name="u"/>.</summary>
    public double Eta(double u) => Polynomial(Beta, u);

    /// <summary>The planted second predictor ζ at scaled time <paramref name="u"/> (−∞ when the group has none).</summary>
    public double Zeta(double u) => Gamma is null ? double.NegativeInfinity : Polynomial(Gamma, u);

    /// <summary>The planted Poisson rate at scaled time <paramref name="u"/> (before exposure).</summary>
    public double Rate(double u) => Math.Exp(Polynomial(Beta, u));

    /// <summary>The planted structural-zero probability at scaled time <paramref name="u"/> (0 without inflation).</summary>
    public double Inflation(double u) => Gamma is null ? 0.0 : 1.0 / (1.0 + Math.Exp(-Polynomial(Gamma, u)));

    /// <summary>The planted mean count at <paramref name="u"/> with exposure 1: (1 − ω)·λ.</summary>
    public double Mean(double u) => (1.0 - Inflation(u)) * Rate(u);

    private static double Polynomial(IReadOnlyList<double> coefficients, double u)
    {
        // Horner: one multiply-add per coefficient.
        var value = 0.0;
        for (var j = coefficients.Count - 1; j >= 0; j--)
        {
            value = (value * u) + coefficients[j];
        }

        return value;
    }
}

/// <summary>How a simulated covariate is drawn: 0/1 with P(1) = <paramref name="Parameter"/>, or normal N(0, Parameter²).</summary>
/// <param name="Name">The covariate's name.</param>
/// <param name="Binary">Whether it is 0/1.</param>
/// <param name="Parameter">P(1) for a 0/1 covariate, the standard deviation otherwise.</param>
public sealed record CovariateDraw(string Name, bool Binary, double Parameter)
{
    /// <summary>One draw.</summary>
    public double Draw(Random random) =>
        Binary ? (random.NextDouble() < Parameter ? 1.0 : 0.0) : Parameter * Draws.Normal(random);
}

/// <summary>What to simulate: persons, planted groups, time grid, and the optional exposure and unbalanced windows.</summary>
public sealed record SimulationDesign
{
    /// <summary>Number of persons.</summary>
    public required int Persons { get; init; }

    /// <summary>The planted groups (at least one).</summary>
    public required IReadOnlyList<SimulatedGroup> Groups { get; init; }

    /// <summary>Seed of every random draw: the same design and seed give the same panel, bit for bit.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The time grid (ages); default 12, 13, …, 32 (21 points).</summary>
    public IReadOnlyList<double> Times { get; init; } = Enumerable.Range(12, 21).Select(a => (double)a).ToArray();

    /// <summary>
    /// Lower end of the exposure draw: each person-time gets exposure ~ U(MinExposure, 1]; null (the default) means
    /// no exposure (every observation has exposure 1).
    /// </summary>
    public double? MinExposure { get; init; }

    /// <summary>
    /// Minimum window length for unbalanced data: each person is observed on a random contiguous window of at least
    /// this many time points; null (the default) means every person is observed at every time point.
    /// </summary>
    public int? MinWindow { get; init; }

    /// <summary>
    /// The family drawn from; null (the default) means Poisson, or ZIP when any group has a <see cref="SimulatedGroup.Gamma"/>.
    /// </summary>
    public ITrajectoryFamily? Family { get; init; }

    /// <summary>
    /// Person covariates drawn for every person (PROC TRAJ's RISK); membership then follows a multinomial logit:
    /// π_ig ∝ Share_g · exp(Risk_g · x_i). Empty by default.
    /// </summary>
    public IReadOnlyList<CovariateDraw> RiskFactors { get; init; } = [];

    /// <summary>Covariates drawn for every observation (PROC TRAJ's TCOV), entering η with each group's <see cref="SimulatedGroup.Delta"/>.</summary>
    public IReadOnlyList<CovariateDraw> TimeCovariates { get; init; } = [];

    /// <summary>Whether any group is zero-inflated (the data are then ZIP).</summary>
    public bool IsZeroInflated => Family is null && Groups.Any(g => g.Gamma is not null);

    /// <summary>The family the data are drawn from (see <see cref="Family"/>).</summary>
    public ITrajectoryFamily EffectiveFamily => Family ?? (IsZeroInflated ? ZipFamily.Instance : PoissonFamily.Instance);

    /// <summary>Throws when the design cannot be simulated.</summary>
    /// <exception cref="ArgumentException">A count, share, coefficient, exposure or window is out of range.</exception>
    public void Validate()
    {
        if (Persons < 0)
        {
            throw new ArgumentException("the number of persons is negative.");
        }

        if (Groups is null || Groups.Count == 0)
        {
            throw new ArgumentException("at least one group is needed.");
        }

        if (Groups.Any(g => !(g.Share > 0) || !double.IsFinite(g.Share) || g.Beta.Count == 0
            || g.Beta.Concat(g.Gamma ?? []).Any(c => !double.IsFinite(c))))
        {
            throw new ArgumentException("every group needs a positive finite share and finite, non-empty coefficients.");
        }

        if (Times is null || Times.Count == 0 || Times.Distinct().Count() != Times.Count)
        {
            throw new ArgumentException("the time grid must be non-empty with distinct values.");
        }

        if (Family is { } f && f.Secondary is { Shape: SecondaryShape.Constant } && Groups.Any(g => g.Gamma is not { Count: 1 }))
        {
            throw new ArgumentException($"every group of a {f.Name} design needs its {f.Secondary.Predictor.Name} as one Gamma coefficient.");
        }

        if (Family is { } h && h.Secondary is null && Groups.Any(g => g.Gamma is not null))
        {
            throw new ArgumentException($"the {h.Name} family has no second predictor; Gamma must be null.");
        }

        if (Groups[0].Risk is not null || Groups.Any(g => g.Risk is { } r && r.Count != RiskFactors.Count)
            || Groups.Any(g => g.Delta is { } d && d.Count != TimeCovariates.Count))
        {
            throw new ArgumentException("every group's Risk (none for group 1, the reference) and Delta need one value per risk factor / time-varying covariate.");
        }

        if (MinExposure is { } e && !(e > 0 && e <= 1))
        {
            throw new ArgumentException($"the minimum exposure {e} is outside (0, 1].");
        }

        if (MinWindow is { } w && (w < 1 || w > Times.Count))
        {
            throw new ArgumentException($"the minimum window {w} is outside 1–{Times.Count}.");
        }
    }
}
