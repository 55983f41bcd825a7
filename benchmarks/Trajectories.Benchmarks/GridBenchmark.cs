using BenchmarkDotNet.Attributes;

namespace Trajectories.Benchmarks;

/// <summary>
/// The persons × groups × order grid shared by the estimator suites (E-step, M-step, fit); each suite builds its data
/// in its own <c>[GlobalSetup]</c> from these parameters.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public abstract class GridBenchmark
{
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
}
