using BenchmarkDotNet.Attributes;
using Trajectories.Core.Estimation;

namespace Trajectories.Benchmarks;

/// <summary>
/// One E-step (log-likelihood, posteriors and cell weights) of a ZIP model at the planted parameters: the scalar
/// <see cref="EStepReference"/> (baseline) against the fast path the fit uses (<see cref="MixtureLikelihood.EStep"/>:
/// group tables, then <see cref="EStepKernel"/>). Both work on the same compressed patterns.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class EStepBenchmarks
{
    private BenchmarkData _data = null!;
    private double[] _logPriors = [];

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
        // The reference reads η and ζ from the tables, so fill them once at the planted ψ.
        _data.Model.EStep(_data.Truth);
        _logPriors = EStepReference.LogPriors(_data.Truth.AsSpan(0, _data.Model.Parameters.MembershipCount));
    }

    [Benchmark(Baseline = true)]
    public double Reference()
    {
        var m = _data.Model;
        return EStepReference.Run(_data.Patterns, _data.Layout, m.Spec.Family, m.Tables.Eta, m.Tables.Zeta, _logPriors).LogLikelihood;
    }

    [Benchmark]
    public double Fast() => _data.Model.EStep(_data.Truth);
}
