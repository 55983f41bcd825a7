using BenchmarkDotNet.Attributes;
using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;

namespace Trajectories.Benchmarks;

/// <summary>
/// A full ZIP fit (pattern compression, 10 starts, EM, Newton polish, standard errors, summaries) of the planted
/// specification, as <c>trajectories fit --starts 10</c> runs it.
/// </summary>
public class FitBenchmarks : GridBenchmark
{
    private CountPanel _panel = null!;
    private ModelSpecification _spec = null!;

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
