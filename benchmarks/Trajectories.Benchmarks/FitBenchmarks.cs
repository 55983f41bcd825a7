using BenchmarkDotNet.Attributes;
using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;

namespace Trajectories.Benchmarks;

/// <summary>
/// A full ZIP fit (pattern compression, 10 starts, EM, Newton polish, standard errors, summaries) of the planted
/// specification, as <c>trajectories fit --starts 10</c> runs it.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class FitBenchmarks
{
    private CountPanel _panel = null!;
    private ModelSpecification _spec = null!;

    /// <summary>The persons grid (see <see cref="BenchmarkData.PersonsGrid"/>).</summary>
    public static IEnumerable<int> PersonsValues => BenchmarkData.PersonsGrid();

    /// <summary>The groups grid.</summary>
    public static IEnumerable<int> GroupsValues => BenchmarkData.GroupsGrid();

    /// <summary>The orders grid.</summary>
    public static IEnumerable<int> OrdersValues => BenchmarkData.OrdersGrid();

    /// <summary>Number of persons.</summary>
    [ParamsSource(nameof(PersonsValues))]
    public int Persons { get; set; }

    /// <summary>Number of groups K.</summary>
    [ParamsSource(nameof(GroupsValues))]
    public int Groups { get; set; }

    /// <summary>Polynomial order of every group.</summary>
    [ParamsSource(nameof(OrdersValues))]
    public int Order { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var simulated = Core.Simulation.GbtmSimulator.Simulate(
            Core.Simulation.GbtmSimulator.StandardDesign(Persons, Groups, Order, zeroInflated: true));
        _panel = simulated.Panel;
        _spec = simulated.TrueSpecification();
    }

    [Benchmark]
    public double Fit() => TrajectoryEstimator.Fit(_panel, _spec, new FitOptions { Starts = 10, Seed = 1 }).LogLikelihood;
}
