using BenchmarkDotNet.Attributes;

namespace Trajectories.Benchmarks;

/// <summary>
/// One M-step (exact shares, then one damped Newton step per group, as each EM iteration of the fit does) of a ZIP
/// model from the E-step statistics at the planted parameters, started from ψ slightly off the truth so that the
/// Newton step has work to do.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class MStepBenchmarks
{
    private BenchmarkData _data = null!;
    private double[] _start = [];
    private double[] _psi = [];

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
        _data = BenchmarkData.Build(Persons, Groups, Order, zeroInflated: true, threads: Environment.ProcessorCount);
        _data.Model.EStep(_data.Truth);
        _start = _data.Truth.Select((v, i) => v + (0.05 * ((i % 3) - 1))).ToArray();
        _psi = new double[_start.Length];
    }

    [Benchmark]
    public double MStep()
    {
        // Every invocation starts from the same ψ; the copy is a few dozen doubles.
        _start.CopyTo(_psi, 0);
        _data.Model.MStep(_psi, 1);
        return _psi[^1];
    }
}
