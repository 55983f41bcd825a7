using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Trajectories.Benchmarks;

/// <summary>
/// One launch, one warm-up and three measured iterations: the build machine has 2 cores shared with other work,
/// so the suites must finish in minutes; the error columns say how much that costs in precision.
/// </summary>
public sealed class QuickConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public QuickConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithId("Quick"));
    }
}
