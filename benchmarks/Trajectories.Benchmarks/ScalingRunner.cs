using System.Diagnostics;
using System.Globalization;
using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;
using Trajectories.Core.Simulation;
using Trajectories.Registers.Io;
using Trajectories.Registers.Panels;

namespace Trajectories.Benchmarks;

/// <summary>
/// The scaling run (<c>-- scaling</c>): one full fit at register scale and the mean time of one E-step, with peak
/// memory. A single timed run rather than a BenchmarkDotNet suite, because one 1 M-person fit is the quantity users
/// wait for and repeating it would take the shared machine for many minutes.
/// </summary>
public static class ScalingRunner
{
    private const string Usage =
        "scaling [--persons 1000000] [--groups 4] [--order 2] [--family zip|poisson] [--starts 10] [--seed 1] " +
        "[--threads 0] [--esteps 20] [--input PATH (register folder, long/wide CSV or Parquet instead of simulating)]";

    /// <summary>Runs the scaling measurement with command-line <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Dictionary<string, string> options;
        try
        {
            options = Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"{e.Message}\nusage: {Usage}");
            return 2;
        }

        var persons = Int(options, "persons", 1_000_000);
        var groups = Int(options, "groups", 4);
        var order = Int(options, "order", 2);
        var zip = options.GetValueOrDefault("family", "zip") == "zip";
        var starts = Int(options, "starts", 10);
        var seed = Int(options, "seed", 1);
        var threads = Int(options, "threads", 0);
        var eSteps = Int(options, "esteps", 20);

        var clock = Stopwatch.StartNew();
        var panel = options.TryGetValue("input", out var input)
            ? Load(input)
            : GbtmSimulator.Simulate(GbtmSimulator.StandardDesign(persons, groups, order, zip, seed)).Panel;
        var loadSeconds = clock.Elapsed.TotalSeconds;
        var peakAfterData = PeakBytes();
        Console.WriteLine(Invariant($"data: {panel.PersonCount} persons, {panel.ObservationCount} person-times, {panel.TimeCount} time points ({(input is null ? "simulated" : input)}) in {loadSeconds:F2} s"));

        var spec = zip ? ModelSpecification.Zip(groups, [order], [0]) : ModelSpecification.Poisson(groups, order);
        var fitOptions = new FitOptions { Starts = starts, Seed = seed, Threads = threads };
        // CPU time next to wall time: on a shared machine the wall time also measures the other tenants.
        var cpuBefore = CpuSeconds();
        clock.Restart();
        var fit = TrajectoryEstimator.Fit(panel, spec, fitOptions);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        var fitCpu = CpuSeconds() - cpuBefore;
        var peakAfterFit = PeakBytes();
        Console.WriteLine(Invariant($"fit: {fit.Family}, {groups} groups, order {order}, {starts} starts, {fitOptions.EffectiveThreads} threads: wall {fitSeconds:F2} s, CPU {fitCpu:F2} s, LL {fit.LogLikelihood:F3}, {fit.Iterations} iterations, {fit.PatternCount} patterns, {fit.StopReason}"));
        Console.WriteLine("shares: " + string.Join(", ", fit.Groups.Select(g => g.Share.ToString("F4", CultureInfo.InvariantCulture))));

        var (mean, min, cpuMs) = TimeEStep(panel, spec, fit.Parameters.ToArray(), fitOptions.EffectiveThreads, eSteps);
        Console.WriteLine(Invariant($"E-step at the estimate ({eSteps} runs after 2 warm-ups, tables + kernel): wall mean {mean:F2} ms, min {min:F2} ms; CPU {cpuMs:F2} ms per E-step (all threads)"));
        var gc = GC.GetGCMemoryInfo();
        Console.WriteLine(Invariant($"peak working set: {Mib(peakAfterData)} MiB after data, {Mib(peakAfterFit)} MiB after fit, {Mib(PeakBytes())} MiB at end; GC heap now {Mib(gc.HeapSizeBytes)} MiB, allocated in total {Mib(GC.GetTotalAllocatedBytes())} MiB, gen2 collections {GC.CollectionCount(2)}"));
        return 0;
    }

    private static (double Mean, double Min, double CpuMs) TimeEStep(CountPanel panel, ModelSpecification spec, double[] psi, int threads, int runs)
    {
        // The same pipeline as the fit: compressed patterns, cell layout, likelihood buffers.
        var patterns = PatternPanel.Compress(panel);
        var layout = new CellLayout(patterns, spec.Family);
        var model = new MixtureLikelihood(layout, spec, panel.Times, Core.Basis.TimeScale.FromGrid(panel.Times), threads);
        model.RecomputeEStep(psi);
        model.RecomputeEStep(psi);
        var times = new double[Math.Max(1, runs)];
        var cpuBefore = CpuSeconds();
        for (var r = 0; r < times.Length; r++)
        {
            var clock = Stopwatch.StartNew();
            model.RecomputeEStep(psi);
            times[r] = clock.Elapsed.TotalMilliseconds;
        }

        return (times.Average(), times.Min(), (CpuSeconds() - cpuBefore) * 1000 / times.Length);
    }

    private static CountPanel Load(string input)
    {
        // The CLI's loader: a register folder goes through the register panel, files through the panel readers.
        return PanelInput.Load(input, null, folder =>
        {
            var register = RegisterReader.Open(folder);
            return RegisterPanel.Build(
                register.Metadata,
                register.Persons(),
                register.Cases(),
                register.Has(RegisterTable.Exposure) ? register.Exposure() : null);
        }).Panel;
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var known = new[] { "persons", "groups", "order", "family", "starts", "seed", "threads", "esteps", "input" };
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
            if (name is null || !known.Contains(name) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'.");
            }

            options[name] = args[++i];
        }

        if (options.TryGetValue("family", out var family) && family is not ("zip" or "poisson"))
        {
            throw new ArgumentException($"--family must be zip or poisson, not '{family}'.");
        }

        return options;
    }

    private static int Int(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static long PeakBytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    private static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static long Mib(long bytes) => bytes / (1024 * 1024);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
