using System.Diagnostics;
using System.Globalization;
using Trajectories.Core.Estimation;
using Trajectories.Core.Inference;
using Trajectories.Core.Panels;
using Trajectories.Core.Results;
using Trajectories.Core.Simulation;

namespace Trajectories.Benchmarks;

/// <summary>
/// The inference checks over many simulated data sets of known truth (<c>-- inference blrt|bootstrap</c>):
/// <list type="bullet">
/// <item><c>blrt</c>: the bootstrap likelihood-ratio test of K vs K + 1 groups on data with <c>--truth</c> groups, its
/// rejection rate at 5 % with its Monte Carlo error: the size when the truth is K, the power when it is larger.</item>
/// <item><c>bootstrap</c>: the nonparametric bootstrap's 95 % percentile intervals, the share of data sets whose
/// interval holds the planted share and the planted trajectory at the middle age, per group.</item>
/// </list>
/// Data: <see cref="GbtmSimulator.StandardDesign"/> (Poisson, order 2, ages 12–32), data set d seeded d; with
/// <c>--delta-percent P</c> instead a design where power is not trivial: three groups, the last two the same curve but
/// for their log-rate intercepts, P/100 apart (shares 0.5 / 0.25 / 0.25).
/// </summary>
internal static class InferenceRunner
{
    private const string Usage = "inference blrt|bootstrap [--datasets 200] [--persons 300] [--truth 2] [--test 2] [--replicates 200] [--threads 0] [--delta-percent P]";

    /// <summary>Runs the check named by <paramref name="args"/>[0]; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || (args[0] != "blrt" && args[0] != "bootstrap"))
        {
            Console.Error.WriteLine($"usage: {Usage}");
            return 2;
        }

        var settings = new Dictionary<string, int> { ["--datasets"] = 200, ["--persons"] = 300, ["--truth"] = 2, ["--test"] = 2, ["--replicates"] = 200, ["--threads"] = 0, ["--delta-percent"] = -1 };
        for (var k = 1; k < args.Length; k += 2)
        {
            if (!settings.ContainsKey(args[k]) || k + 1 >= args.Length)
            {
                Console.Error.WriteLine($"unknown or incomplete option '{args[k]}'; usage: {Usage}");
                return 2;
            }

            settings[args[k]] = int.Parse(args[k + 1], CultureInfo.InvariantCulture);
        }

        if (settings["--delta-percent"] >= 0 && settings["--truth"] != 3)
        {
            Console.Error.WriteLine("--delta-percent plants three groups: use --truth 3.");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var line = args[0] == "blrt" ? Blrt(settings) : BootstrapCoverage(settings);
        Console.WriteLine($"{line} | {clock.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    private static SimulationDesign Design(Dictionary<string, int> s, int groups, int seed) => Design(s["--persons"], groups, seed, s["--delta-percent"]);

    private static SimulationDesign Design(int persons, int groups, int seed, int deltaPercent) => deltaPercent < 0
        ? GbtmSimulator.StandardDesign(persons, groups, 2, false, seed)
        : new SimulationDesign
        {
            Persons = persons,
            Seed = seed,
            Groups =
            [
                new SimulatedGroup(0.5, [-1.5, 0.0, -0.8]),
                new SimulatedGroup(0.25, [0.2, 0.3, -1.0]),
                new SimulatedGroup(0.25, [0.2 + (deltaPercent / 100.0), 0.3, -1.0]),
            ],
        };

    private static TrajectoryFit Fit(CountPanel panel, int groups, int threads) =>
        TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(groups, Enumerable.Repeat(2, groups).ToArray()), new FitOptions { Starts = 10, Threads = threads });

    private static string Blrt(Dictionary<string, int> s)
    {
        int datasets = s["--datasets"], truth = s["--truth"], test = s["--test"], threads = s["--threads"];
        int rejected = 0, replicates = 0, failed = 0;
        for (var d = 1; d <= datasets; d++)
        {
            var panel = GbtmSimulator.Simulate(Design(s, truth, d)).Panel;
            var result = BootstrapLikelihoodRatio.Test(
                panel, Fit(panel, test, threads), Fit(panel, test + 1, threads),
                new BlrtOptions { Seed = d, Fit = new FitOptions { Starts = 5, Threads = threads } });
            rejected += result.Rejects ? 1 : 0;
            replicates += result.Replicates;
            failed += result.Failed;
            Console.Error.WriteLine($"data set {d}: LR {result.Statistic:F2}, p {result.PValue:F4} after {result.Replicates} ({result.Stop})");
        }

        var rate = rejected / (double)datasets;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"| blrt | {s["--persons"]} | truth K={truth}{(s["--delta-percent"] < 0 ? string.Empty : $", close pair δ = {s["--delta-percent"] / 100.0}")} | {test} vs {test + 1} | {datasets} | {rate:F3} ± {Math.Sqrt(rate * (1 - rate) / datasets):F3} | {replicates / (double)datasets:F1} replicates per test, {failed} failed");
    }

    private static string BootstrapCoverage(Dictionary<string, int> s)
    {
        int datasets = s["--datasets"], groups = s["--truth"], threads = s["--threads"];
        var shareHits = new int[groups];
        var pointHits = new int[groups];
        int used = 0, unmatched = 0, failed = 0, misaligned = 0;
        for (var d = 1; d <= datasets; d++)
        {
            var design = Design(s, groups, d);
            var panel = GbtmSimulator.Simulate(design).Panel;
            var fit = Fit(panel, groups, threads);
            var result = Bootstrap.Run(panel, fit, new BootstrapOptions { Replicates = s["--replicates"], Seed = d, Fit = new FitOptions { Threads = threads } });
            used += result.Used;
            unmatched += result.Unmatched;
            failed += result.Failed;

            // The fit's groups matched to the planted ones by the same alignment as the replicates'.
            var times = fit.Trajectories.Count / groups;
            var middle = fit.Trajectories[times / 2].Time;
            var scale = fit.TimeScale;
            var truth = new double[groups * times];
            for (var g = 0; g < groups; g++)
            {
                for (var t = 0; t < times; t++)
                {
                    truth[(g * times) + t] = design.Groups[g].Eta(scale.Apply(fit.Trajectories[t].Time));
                }
            }

            var alignment = LabelAlignment.Align(truth, LabelAlignment.Profile(fit), groups);
            if (!alignment.Clear)
            {
                misaligned++;
                continue;
            }

            var total = design.Groups.Sum(g => g.Share);
            for (var h = 0; h < groups; h++)
            {
                var planted = design.Groups[alignment.ReferenceOf[h]];
                var share = result.Intervals.Single(i => i.Quantity == BootstrapQuantity.Share && i.Group == h + 1);
                shareHits[alignment.ReferenceOf[h]] += share.Lower <= planted.Share / total && planted.Share / total <= share.Upper ? 1 : 0;
                var point = result.Intervals.Single(i => i.Quantity == BootstrapQuantity.Trajectory && i.Group == h + 1 && i.Index == middle);
                var mean = Math.Exp(planted.Eta(scale.Apply(middle)));
                pointHits[alignment.ReferenceOf[h]] += point.Lower <= mean && mean <= point.Upper ? 1 : 0;
            }

            Console.Error.WriteLine($"data set {d}: {result.Used} used, {result.Unmatched} unmatched");
        }

        var n = datasets - misaligned;
        string Rates(int[] hits) => string.Join(" / ", hits.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h / (double)n:F3}")));
        var se = Math.Sqrt(0.95 * 0.05 / n);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"| bootstrap | {s["--persons"]} | K={groups} | {s["--replicates"]} | {n} | shares {Rates(shareHits)} | middle-age trajectory {Rates(pointHits)} | MC SE at 95 %: {se:F3} | {unmatched} unmatched, {failed} failed of {used + unmatched + failed}");
    }
}
