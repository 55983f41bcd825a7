using BenchmarkDotNet.Running;

// Run e.g. `dotnet run -c Release --project benchmarks/Trajectories.Benchmarks -- --filter '*Csv*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
