using BenchmarkDotNet.Running;
using Trajectories.Benchmarks;

// `-- simulate-csv ...` writes peer-comparison data; `-- profiles ...` is the profile-recovery study (see ProfileRecoveryRunner); `-- scaling ...` is the single timed register-scale run (see ScalingRunner); `-- inference blrt|bootstrap ...` checks the BLRT's size and power and the bootstrap's coverage (see InferenceRunner); anything else goes to BenchmarkDotNet,
// e.g. `dotnet run -c Release --project benchmarks/Trajectories.Benchmarks -- --filter '*EStep*'`.
if (args.Length > 0 && args[0] == "scaling")
{
    return ScalingRunner.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "profiles")
{
    return ProfileRecoveryRunner.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "inference")
{
    return InferenceRunner.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "simulate-csv")
{
    return SimulateCommand.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(ScalingRunner).Assembly).Run(args);
return 0;
