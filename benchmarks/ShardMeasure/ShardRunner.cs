using System.Diagnostics;
using System.Globalization;
using System.Net;
using Trajectories.Cluster;
using Trajectories.Core.Estimation;
using Trajectories.Core.Estimation.Sharding;
using Trajectories.Core.Panels;
using Trajectories.Core.Simulation;

namespace ShardMeasure;

/// <summary>
/// The cost of a sharded E-step against the local one, on <see cref="GbtmSimulator.StandardDesign"/> data (ZIP with
/// constant inflation, order 2, at the planted ψ): median milliseconds of a full E-step and of a log-likelihood-only call,
/// locally, on in-process shards (<see cref="LocalShards"/>: the gathering, copying and reducing alone), and with
/// <c>--cluster</c> on the workers of a cluster; the bytes each E-step moves; and a check that every variant's
/// log-likelihood is the local bits.
/// </summary>
internal static class ShardRunner
{
    private const string Usage = "[--persons 1000000] [--groups 4] [--shards 3] [--repeats 15] [--threads 0] [--cluster HOST:PORT,…]";

    /// <summary>Runs the measurement; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new Dictionary<string, string> { ["--persons"] = "1000000", ["--groups"] = "4", ["--shards"] = "3", ["--repeats"] = "15", ["--threads"] = "0", ["--cluster"] = string.Empty };
        for (var k = 0; k < args.Length; k += 2)
        {
            if (!settings.ContainsKey(args[k]) || k + 1 >= args.Length)
            {
                Console.Error.WriteLine($"unknown or incomplete option '{args[k]}'; usage: {Usage}");
                return 2;
            }

            settings[args[k]] = args[k + 1];
        }

        int Number(string name) => int.Parse(settings[name], CultureInfo.InvariantCulture);
        var threads = Number("--threads") > 0 ? Number("--threads") : Environment.ProcessorCount;
        var simulated = GbtmSimulator.Simulate(GbtmSimulator.StandardDesign(Number("--persons"), Number("--groups"), 2, true, 1));
        var spec = simulated.TrueSpecification();
        var layout = new CellLayout(PatternPanel.Compress(simulated.Panel), spec.Family);
        var data = new Data(simulated, layout, new MixtureLikelihood(layout, spec, simulated.Panel.Times, simulated.Scale, threads), simulated.TrueParameters());
        var pieces = LayoutShard.Split(layout, Trajectories.Core.Membership.ConstantMembership.Instance, Number("--shards"));
        Console.WriteLine(
            $"{Number("--persons")} persons, {layout.RowCount} pattern rows, {layout.CellCount} cells, K = {spec.Groups}, {pieces.Length} shards, "
            + $"{threads} coordinator threads, median of {Number("--repeats")}");

        var local = Measure("local", data.Model, data.Truth, Number("--repeats"), null);
        var inProcess = new Counting(new LocalShards(pieces, threads));
        Measure("in-process shards", Likelihood(data, new ShardedEStep(layout, inProcess)), data.Truth, Number("--repeats"), local, inProcess);
        if (settings["--cluster"].Length > 0)
        {
            var gateways = settings["--cluster"].Split(',').Select(IPEndPoint.Parse).ToArray();
            using var connection = ClusterConnection.Open(gateways);
            using var cluster = ClusterShards.Create(connection, pieces, Path.GetTempPath());
            var counted = new Counting(cluster);
            Measure($"cluster shards ({gateways.Length} gateways)", Likelihood(data, new ShardedEStep(layout, counted)), data.Truth, Number("--repeats"), local, counted);
        }

        return 0;
    }

    private static MixtureLikelihood Likelihood(Data data, IEStepBackend backend) =>
        new(data.Layout, data.Model.Spec, data.Simulated.Panel.Times, data.Simulated.Scale, 1, null, backend);

    /// <summary>Times full E-steps and log-likelihood-only calls at ψ; prints medians, ratios and bytes.</summary>
    private static (double Full, double LogLikelihood, double Value) Measure(
        string name, MixtureLikelihood model, double[] psi, int repeats, (double Full, double LogLikelihood, double Value)? baseline, Counting? counting = null)
    {
        var value = model.RecomputeEStep(psi);
        model.LogLikelihood(psi);
        var full = new List<double>();
        var only = new List<double>();
        counting?.Reset();
        for (var r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            model.RecomputeEStep(psi);
            full.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            model.LogLikelihood(psi);
            only.Add(clock.Elapsed.TotalMilliseconds);
        }

        var result = (Median(full), Median(only), value);
        var c = CultureInfo.InvariantCulture;
        var line = $"{name}: E-step {result.Item1.ToString("F1", c)} ms, log-likelihood only {result.Item2.ToString("F1", c)} ms";
        if (baseline is { } b)
        {
            line += $" ({(result.Item1 / b.Full).ToString("F2", c)}× and {(result.Item2 / b.LogLikelihood).ToString("F2", c)}× local)";
            line += BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(b.Value) ? "; log-likelihood: the local bits" : "; log-likelihood DIFFERS from local";
        }

        if (counting is not null)
        {
            var (sent, received) = counting.PerFullCall(repeats);
            line += $"; per E-step {(sent / 1e6).ToString("F2", c)} MB to the shards, {(received / 1e6).ToString("F2", c)} MB back";
        }

        Console.WriteLine(line);
        return result;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    /// <summary>The simulated panel, its layout, the local likelihood and the planted ψ.</summary>
    private sealed record Data(SimulatedPanel Simulated, CellLayout Layout, MixtureLikelihood Model, double[] Truth);

    /// <summary>Counts the doubles sent and received by full E-step calls.</summary>
    private sealed class Counting(IEStepShards inner) : IEStepShards
    {
        private long _sent;
        private long _received;

        public IReadOnlyList<ShardOutline> Shards => inner.Shards;

        public void Reset() => (_sent, _received) = (0, 0);

        /// <summary>Bytes per full E-step over <paramref name="calls"/> of them.</summary>
        public (double Sent, double Received) PerFullCall(int calls) => (8.0 * _sent / calls, 8.0 * _received / calls);

        public async Task<ShardStatistics> Run(int shard, ShardRequest request, CancellationToken cancellation = default)
        {
            var answer = await inner.Run(shard, request, cancellation);
            if (request.Work == ShardWork.Full)
            {
                var t = request.Tables;
                Interlocked.Add(ref _sent, t.Full.Length + t.Diff.Length + t.Prefix.Length + t.RateFull.Length + t.RateDiff.Length + t.RatePrefix.Length
                    + t.Shape.Length + t.LogTerms.Length + t.Harmonic.Length + request.Theta.Length);
                Interlocked.Add(ref _received, answer.BlockLogLikelihood.Length + answer.Cover.Length + answer.Groups.Length + answer.Cells.Length
                    + answer.Frailty.Length + answer.Posteriors.Length + answer.FrailtyPosteriors.Length);
            }

            return answer;
        }
    }
}
