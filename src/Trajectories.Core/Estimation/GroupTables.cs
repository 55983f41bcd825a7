using Trajectories.Core.Basis;
using Trajectories.Core.Families;

namespace Trajectories.Core.Estimation;

/// <summary>
/// Per-group, per-time linear predictors and per-cell log-densities for one parameter vector: everything the E-step
/// reads, so that its inner loop is additions only (no exp/log per observation).
/// </summary>
/// <remarks>Buffers are allocated once per fit and overwritten by <see cref="Update"/>; tables are cell-major (index c·G + g) so one
/// cell lookup touches all groups in one cache line.</remarks>
public sealed class GroupTables : EStepTables
{
    private readonly CellLayout _layout;
    private readonly ModelSpecification _spec;
    private readonly ParameterLayout _params;
    private readonly int[] _columns;
    private readonly double[] _polynomial;

    /// <summary>Allocates tables for a model on a layout.</summary>
    public GroupTables(CellLayout layout, ModelSpecification spec, IReadOnlyList<double> times, TimeScale scale)
        : base(spec?.Groups ?? 0, layout?.TimeCount ?? 0)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(spec);
        _layout = layout;
        _spec = spec;
        _params = new ParameterLayout(spec);
        Designs = new double[Groups][];
        SecondaryDesigns = new double[Groups][];
        for (var g = 0; g < Groups; g++)
        {
            Designs[g] = PolynomialBasis.Design(times, scale, spec.Orders[g]);
            SecondaryDesigns[g] = spec.SecondaryOrders[g] >= 0 ? PolynomialBasis.Design(times, scale, spec.SecondaryOrders[g]) : [];
        }

        Eta = new double[Groups * Time];
        Zeta = new double[Groups * Time];
        _columns = layout.CovariateColumns(spec.TimeCovariates);
        Reported = new double[Time * _columns.Length];
        for (var t = 0; t < Time; t++)
        {
            for (var j = 0; j < _columns.Length; j++)
            {
                Reported[(t * _columns.Length) + j] = layout.CovariateMeans[(t * layout.CovariateCount) + _columns[j]];
            }
        }

        _polynomial = _columns.Length == 0 ? Eta : new double[Groups * Time];
        CellEta = _columns.Length == 0 ? [] : new double[layout.CellCount * Groups];
        Full = new double[layout.CellCount * Groups];
        Diff = new double[layout.CellCount * Groups];
        Prefix = new double[(Time + 1) * Groups];
        HasFrailty = spec.Family.HasPersonFrailty;
        if (HasFrailty)
        {
            RateFull = new double[layout.CellCount * Groups];
            RateDiff = new double[layout.CellCount * Groups];
            RatePrefix = new double[(Time + 1) * Groups];
            Shape = new double[Groups];
            var tabled = (int)Math.Min(layout.MaxRowTotal, GammaFrailty.TableLimit) + 1;
            LogTerms = new double[Groups * tabled];
            Harmonic = new double[Groups * tabled];
        }
    }

    /// <summary>Row-major T × (order+1) design of each group.</summary>
    public double[][] Designs { get; }

    /// <summary>Row-major T × (order+1) design of each group's second predictor (empty when it has none).</summary>
    public double[][] SecondaryDesigns { get; }

    /// <summary>
    /// η_gt at index g·T + t: x_t'β_g, plus m_t'δ_g with time-varying covariates, m_t their persons' mean at time t
    /// (or the values fixed by <see cref="ReportAt"/>): the trajectory as reported, judged and ordered. Cells use their
    /// own covariates: <see cref="EtaOf"/>.
    /// </summary>
    public double[] Eta { get; }

    /// <summary>
    /// The time-varying covariates at which <see cref="Eta"/> is taken, T × q in the model's order: the persons' mean at
    /// each time unless <see cref="ReportAt"/> fixed some.
    /// </summary>
    public double[] Reported { get; }

    /// <summary>
    /// Fixes the named covariates at the given values for the reported trajectories (from the next <see cref="Update"/>).
    /// </summary>
    /// <exception cref="ModelSpecificationException">A name is not among the model's time-varying covariates, or a value is not finite.</exception>
    public void ReportAt(IReadOnlyDictionary<string, double> values, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(names);
        foreach (var (name, value) in values)
        {
            var j = names.ToList().IndexOf(name);
            if (j < 0 || !double.IsFinite(value))
            {
                throw new ModelSpecificationException(j < 0
                    ? $"trajectories cannot be reported at {name} = {value}: the model has no time-varying covariate '{name}'."
                    : $"trajectories cannot be reported at {name} = {value}: not a finite value.");
            }

            for (var t = 0; t < Time; t++)
            {
                Reported[(t * names.Count) + j] = value;
            }
        }
    }

    /// <summary>η of each cell in each group, index c·G + g, when the model has time-varying covariates; empty otherwise.</summary>
    public double[] CellEta { get; }

    /// <summary>η of cell <paramref name="c"/> in group <paramref name="g"/>: x_t'β_g + w_c'δ_g (x_t'β_g without covariates).</summary>
    public double EtaOf(int c, int g) => CellEta.Length == 0 ? Eta[(g * Time) + _layout.CellTime[c]] : CellEta[(c * Groups) + g];

    /// <summary>ζ_gt (the second predictor) at index g·T + t (−∞ when the group has none).</summary>
    public double[] Zeta { get; }

    /// <summary>
    /// Largest |prefix sum| for which a window's log-likelihood may be taken as a difference of prefix sums. Rounding
    /// in P(b) − P(a) and in <see cref="EStepTables.Diff"/> is about T·ε·max|P| in absolute terms: ≤ 1e-8 here for T ≤ 40, against
    /// prefix sums of a few hundred on real data. Beyond it (a group whose rate explodes somewhere, e.g. a cubic
    /// extrapolated to ages where it has no persons) the difference loses every digit — a log rate of 40 at one age
    /// alone makes it ±10⁴ for every window that does not even contain that age.
    /// </summary>
    public const double PrefixLimit = 1e6;

    /// <summary>Recomputes every table for the parameter vector ψ.</summary>
    public void Update(ReadOnlySpan<double> psi, int threads)
    {
        for (var g = 0; g < Groups; g++)
        {
            var beta = psi.Slice(_params.BetaOffset[g], _params.Orders[g] + 1);
            var gamma = psi.Slice(_params.GammaOffset[g], _params.SecondaryOrders[g] + 1);
            for (var t = 0; t < Time; t++)
            {
                _polynomial[(g * Time) + t] = Dot(Designs[g].AsSpan(t * beta.Length, beta.Length), beta);
                Zeta[(g * Time) + t] = gamma.IsEmpty
                    ? double.NegativeInfinity
                    : Dot(SecondaryDesigns[g].AsSpan(t * gamma.Length, gamma.Length), gamma);
            }
        }

        if (_columns.Length > 0)
        {
            CovariateTerms(psi);
        }

        // Cells are independent: chunked parallel fill gives the same bits for any thread count.
        const int chunk = 8192;
        var chunks = (_layout.CellCount + chunk - 1) / chunk;
        var family = _spec.Family;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, k =>
        {
            var end = Math.Min(_layout.CellCount, (k + 1) * chunk);
            for (var c = k * chunk; c < end; c++)
            {
                var t = _layout.CellTime[c];
                for (var g = 0; g < Groups; g++)
                {
                    var f = family.LogDensity(_layout.CellY[c], _layout.CellLogExposure[c], EtaOf(c, g), Zeta[(g * Time) + t]);

                    // NaN only arises from non-finite parameters (∞ − ∞); such a density is no density at all.
                    Full[(c * Groups) + g] = double.IsNaN(f) ? double.NegativeInfinity : f;
                }
            }
        });

        for (var c = 0; c < _layout.CellCount; c++)
        {
            var b = _layout.CellTime[c] * Groups;
            for (var g = 0; g < Groups; g++)
            {
                Diff[(c * Groups) + g] = Full[(c * Groups) + g] - Full[b + g];
            }
        }

        var largest = 0.0;
        for (var t = 0; t < Time; t++)
        {
            for (var g = 0; g < Groups; g++)
            {
                var next = Prefix[(t * Groups) + g] + Full[(t * Groups) + g];
                Prefix[((t + 1) * Groups) + g] = next;
                largest = Math.Max(largest, Math.Abs(next));
            }
        }

        // Non-baseline cells must be finite too: Diff subtracts them from their baseline.
        var finite = double.IsFinite(largest);
        for (var k = Time * Groups; k < Full.Length && finite; k++)
        {
            finite = double.IsFinite(Full[k]);
        }

        // The frailty tables are filled whatever the density tables hold: the windowed-sum path reads them too.
        var ratesExact = !HasFrailty || FrailtyTables();
        PrefixExact = finite && largest <= PrefixLimit && ratesExact;
    }

    /// <summary>
    /// Fills the rate tables and the shape terms of a frailty model; returns whether the rate prefix sums are exact in
    /// the sense of <see cref="EStepTables.PrefixExact"/> (all rates finite and every prefix within <see cref="PrefixLimit"/>).
    /// </summary>
    private bool FrailtyTables()
    {
        var largest = 0.0;
        for (var c = 0; c < _layout.CellCount; c++)
        {
            for (var g = 0; g < Groups; g++)
            {
                var mu = Math.Exp(EtaOf(c, g) + _layout.CellLogExposure[c]);

                // NaN only arises from non-finite parameters; such a rate explains nothing (its density is −∞ too).
                RateFull[(c * Groups) + g] = double.IsNaN(mu) ? double.PositiveInfinity : mu;
            }
        }

        for (var c = 0; c < _layout.CellCount; c++)
        {
            var b = _layout.CellTime[c] * Groups;
            for (var g = 0; g < Groups; g++)
            {
                RateDiff[(c * Groups) + g] = RateFull[(c * Groups) + g] - RateFull[b + g];
            }
        }

        for (var t = 0; t < Time; t++)
        {
            for (var g = 0; g < Groups; g++)
            {
                var next = RatePrefix[(t * Groups) + g] + RateFull[(t * Groups) + g];
                RatePrefix[((t + 1) * Groups) + g] = next;
                largest = Math.Max(largest, next);
            }
        }

        var finite = double.IsFinite(largest);
        for (var k = Time * Groups; k < RateFull.Length && finite; k++)
        {
            finite = double.IsFinite(RateFull[k]);
        }

        var l = TabledTotals;
        for (var g = 0; g < Groups; g++)
        {
            Shape[g] = GammaFrailty.Shape(Zeta[g * Time]);
            GammaFrailty.FillLogTerms(Shape[g], LogTerms.AsSpan(g * l, l));
            GammaFrailty.FillHarmonic(Shape[g], Harmonic.AsSpan(g * l, l));
        }

        return finite && largest <= PrefixLimit;
    }

    /// <summary>Adds each group's δ'w to its polynomial: at every cell's own covariates, and at the mean ones per time.</summary>
    private void CovariateTerms(ReadOnlySpan<double> psi)
    {
        var q = _columns.Length;
        var stride = _layout.CovariateCount;
        for (var g = 0; g < Groups; g++)
        {
            var delta = psi.Slice(_params.BetaOffset[g] + _params.Orders[g] + 1, q);
            for (var t = 0; t < Time; t++)
            {
                var e = _polynomial[(g * Time) + t];
                for (var j = 0; j < q; j++)
                {
                    e += delta[j] * Reported[(t * q) + j];
                }

                Eta[(g * Time) + t] = e;
            }

            for (var c = 0; c < _layout.CellCount; c++)
            {
                var e = _polynomial[(g * Time) + _layout.CellTime[c]];
                for (var j = 0; j < q; j++)
                {
                    e += delta[j] * _layout.CellCovariates[(c * stride) + _columns[j]];
                }

                CellEta[(c * Groups) + g] = e;
            }
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            s += a[k] * b[k];
        }

        return s;
    }
}
