using Trajectories.Core.Basis;
using Trajectories.Core.Families;

namespace Trajectories.Core.Estimation;

/// <summary>
/// Per-group, per-time linear predictors and per-cell log-densities for one parameter vector: everything the E-step
/// reads, so that its inner loop is additions only (no exp/log per observation).
/// </summary>
/// <remarks>Buffers are allocated once per fit and overwritten by <see cref="Update"/>; tables are cell-major (index c·G + g) so one
/// cell lookup touches all groups in one cache line.</remarks>
public sealed class GroupTables
{
    private readonly CellLayout _layout;
    private readonly ModelSpecification _spec;
    private readonly ParameterLayout _params;

    /// <summary>Allocates tables for a model on a layout.</summary>
    public GroupTables(CellLayout layout, ModelSpecification spec, IReadOnlyList<double> times, TimeScale scale)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(spec);
        _layout = layout;
        _spec = spec;
        _params = new ParameterLayout(spec);
        Groups = spec.Groups;
        Time = layout.TimeCount;
        Designs = new double[Groups][];
        InflationDesigns = new double[Groups][];
        for (var g = 0; g < Groups; g++)
        {
            Designs[g] = PolynomialBasis.Design(times, scale, spec.Orders[g]);
            InflationDesigns[g] = spec.InflationOrders[g] >= 0 ? PolynomialBasis.Design(times, scale, spec.InflationOrders[g]) : [];
        }

        Eta = new double[Groups * Time];
        Zeta = new double[Groups * Time];
        Full = new double[layout.CellCount * Groups];
        Diff = new double[layout.CellCount * Groups];
        Prefix = new double[(Time + 1) * Groups];
    }

    /// <summary>Number of groups G.</summary>
    public int Groups { get; }

    /// <summary>Number of time points T.</summary>
    public int Time { get; }

    /// <summary>Row-major T × (order+1) design of each group.</summary>
    public double[][] Designs { get; }

    /// <summary>Row-major T × (iorder+1) inflation design of each group (empty for iorder −1).</summary>
    public double[][] InflationDesigns { get; }

    /// <summary>η_gt at index g·T + t.</summary>
    public double[] Eta { get; }

    /// <summary>ζ_gt at index g·T + t (−∞ without inflation).</summary>
    public double[] Zeta { get; }

    /// <summary>log f of each cell in each group (without the data constant), index c·G + g.</summary>
    public double[] Full { get; }

    /// <summary>Full minus the baseline cell of the same time, index c·G + g.</summary>
    public double[] Diff { get; }

    /// <summary>Prefix sums over time of the baseline log-density, index t·G + g, t = 0…T.</summary>
    public double[] Prefix { get; }

    /// <summary>Recomputes every table for the parameter vector ψ.</summary>
    public void Update(ReadOnlySpan<double> psi, int threads)
    {
        for (var g = 0; g < Groups; g++)
        {
            var beta = psi.Slice(_params.BetaOffset[g], _params.Orders[g] + 1);
            var gamma = psi.Slice(_params.GammaOffset[g], _params.InflationOrders[g] + 1);
            for (var t = 0; t < Time; t++)
            {
                Eta[(g * Time) + t] = Dot(Designs[g].AsSpan(t * beta.Length, beta.Length), beta);
                Zeta[(g * Time) + t] = gamma.IsEmpty
                    ? double.NegativeInfinity
                    : Dot(InflationDesigns[g].AsSpan(t * gamma.Length, gamma.Length), gamma);
            }
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
                    Full[(c * Groups) + g] = family.LogDensity(
                        _layout.CellY[c], _layout.CellLogExposure[c], Eta[(g * Time) + t], Zeta[(g * Time) + t]);
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

        for (var t = 0; t < Time; t++)
        {
            for (var g = 0; g < Groups; g++)
            {
                Prefix[((t + 1) * Groups) + g] = Prefix[(t * Groups) + g] + Full[(t * Groups) + g];
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
