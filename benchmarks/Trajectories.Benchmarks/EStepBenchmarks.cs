using BenchmarkDotNet.Attributes;
using Trajectories.Core.Estimation;

namespace Trajectories.Benchmarks;

/// <summary>
/// One E-step (log-likelihood, posteriors and cell weights) of a ZIP model at the planted parameters: the scalar
/// <see cref="EStepReference"/> (baseline) against the fast path the fit uses (<see cref="MixtureLikelihood.EStep"/>:
/// group tables, then <see cref="EStepKernel"/>). Both work on the same compressed patterns.
/// </summary>
public class EStepBenchmarks : GridBenchmark
{
    private BenchmarkData _data = null!;
    private double[] _logPriors = [];

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
    public double Fast() => _data.Model.RecomputeEStep(_data.Truth);
}
