using Trajectories.Core.Basis;
using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;

namespace Trajectories.Core.Tests.Support;

/// <summary>Shortcuts for building likelihoods and simulated panels in tests.</summary>
internal static class Models
{
    public static readonly double[] Ages = Enumerable.Range(12, 15).Select(a => (double)a).ToArray();

    public static MixtureLikelihood Likelihood(CountPanel panel, ModelSpecification spec, int threads = 1, bool compress = true)
    {
        var patterns = compress ? PatternPanel.Compress(panel) : PatternPanel.Uncompressed(panel);
        var layout = new CellLayout(patterns, spec.Family);
        return new MixtureLikelihood(layout, spec, panel.Times, TimeScale.FromGrid(panel.Times), threads);
    }

    /// <summary>
    /// The likelihood of <paramref name="spec"/> on a panel prepared as a fit prepares it (<see cref="PreparedPanel"/>):
    /// with its membership model bound to the rows, for models with risk factors or time-varying covariates.
    /// </summary>
    public static MixtureLikelihood Prepared(CountPanel panel, ModelSpecification spec, int threads = 1)
    {
        var prepared = PreparedPanel.Prepare(panel, spec.Family);
        return new MixtureLikelihood(prepared.Layout, spec, panel.Times, prepared.Scale, threads, prepared.Membership(spec));
    }

    /// <summary>A 3-group ZIP-flavoured panel with unbalanced windows, gaps and exposure.</summary>
    public static CountPanel Messy(int persons, int seed, bool exposure = true) =>
        new SimulationSpec(
            [0.5, 0.3, 0.2],
            [[-1.5, 0.2, -0.5], [0.0, -0.8, -0.6], [0.6, 0.4, -0.3]],
            [[-1.0], [], [-1.5, 0.5]],
            Ages)
        { MinWindow = 5, Exposure = exposure, Gaps = true }.Simulate(persons, seed, out _);

    /// <summary>A parameter vector for the 3-group ZIP model below, away from any optimum.</summary>
    public static ModelSpecification MessyZip => ModelSpecification.Zip(3, [2, 1, 2], [0, -1, 1]);

    public static double[] MessyPsi(MixtureLikelihood m)
    {
        var psi = new double[m.Parameters.Total];
        var rng = new Random(3);
        for (var k = 0; k < psi.Length; k++)
        {
            psi[k] = (rng.NextDouble() - 0.5) * 0.8;
        }

        return psi;
    }
}
