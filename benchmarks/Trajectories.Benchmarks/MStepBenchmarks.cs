using BenchmarkDotNet.Attributes;

namespace Trajectories.Benchmarks;

/// <summary>
/// One M-step (exact shares, then one damped Newton step per group, as each EM iteration of the fit does) of a ZIP
/// model from the E-step statistics at the planted parameters, started from ψ slightly off the truth so that the
/// Newton step has work to do.
/// </summary>
public class MStepBenchmarks : GridBenchmark
{
    private BenchmarkData _data = null!;
    private double[] _start = [];
    private double[] _psi = [];

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
