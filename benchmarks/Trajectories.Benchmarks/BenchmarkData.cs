using System.Globalization;
using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;
using Trajectories.Core.Simulation;

namespace Trajectories.Benchmarks;

/// <summary>
/// One simulated data set with everything the E-step and M-step need (patterns, cell layout, likelihood buffers and
/// the planted ψ), built once per benchmark cell in [GlobalSetup] so no benchmark measures data preparation.
/// </summary>
public sealed class BenchmarkData
{
    private BenchmarkData(SimulatedPanel simulated, PatternPanel patterns, CellLayout layout, MixtureLikelihood model, double[] truth)
    {
        Simulated = simulated;
        Patterns = patterns;
        Layout = layout;
        Model = model;
        Truth = truth;
    }

    /// <summary>The simulated panel and its planted truth.</summary>
    public SimulatedPanel Simulated { get; }

    /// <summary>The panel compressed into weighted patterns, as the estimator sees it.</summary>
    public PatternPanel Patterns { get; }

    /// <summary>The cell index of the patterns.</summary>
    public CellLayout Layout { get; }

    /// <summary>Likelihood buffers for the planted model.</summary>
    public MixtureLikelihood Model { get; }

    /// <summary>The planted parameters ψ.</summary>
    public double[] Truth { get; }

    /// <summary>
    /// Simulates <see cref="GbtmSimulator.StandardDesign"/> data (ZIP with constant inflation when
    /// <paramref name="zeroInflated"/>) and prepares the planted model on it.
    /// </summary>
    public static BenchmarkData Build(int persons, int groups, int order, bool zeroInflated, int threads, int seed = 1)
    {
        var simulated = GbtmSimulator.Simulate(GbtmSimulator.StandardDesign(persons, groups, order, zeroInflated, seed));
        var patterns = PatternPanel.Compress(simulated.Panel);
        var spec = simulated.TrueSpecification();
        var layout = new CellLayout(patterns, spec.Family);
        var model = new MixtureLikelihood(layout, spec, simulated.Panel.Times, simulated.Scale, threads);
        return new BenchmarkData(simulated, patterns, layout, model, simulated.TrueParameters());
    }

    /// <summary>
    /// Person counts of the [Params] grids: TRAJ_BENCH_PERSONS (comma-separated) when set, so a run can be cut to
    /// the cells that fit the time budget, else 10 k, 100 k and 1 M.
    /// </summary>
    public static IEnumerable<int> PersonsGrid() => Grid("TRAJ_BENCH_PERSONS", [10_000, 100_000, 1_000_000]);

    /// <summary>Group counts of the grids: TRAJ_BENCH_GROUPS when set, else 2, 4, 6.</summary>
    public static IEnumerable<int> GroupsGrid() => Grid("TRAJ_BENCH_GROUPS", [2, 4, 6]);

    /// <summary>Polynomial orders of the grids: TRAJ_BENCH_ORDERS when set, else 2, 3.</summary>
    public static IEnumerable<int> OrdersGrid() => Grid("TRAJ_BENCH_ORDERS", [2, 3]);

    private static int[] Grid(string variable, int[] fallback)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(text)
            ? fallback
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => int.Parse(v, CultureInfo.InvariantCulture))
                .ToArray();
    }
}
