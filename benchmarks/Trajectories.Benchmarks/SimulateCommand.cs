using System.Globalization;
using System.Text;
using Trajectories.Core.Simulation;

namespace Trajectories.Benchmarks;

/// <summary>
/// <c>-- simulate-csv</c>: writes a <see cref="GbtmSimulator.StandardDesign"/> panel as a long CSV
/// (<c>person_id,time,count</c>), the one file both R flexmix and <c>trajectories fit</c> read in the peer comparison.
/// </summary>
public static class SimulateCommand
{
    private const string Usage = "simulate-csv --out FILE.csv [--persons 5000] [--groups 3] [--order 2] [--family poisson|zip] [--seed 1]";

    /// <summary>Runs the command with <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        if (args.Length % 2 != 0 || !options.TryGetValue("out", out var path)
            || options.Keys.Except(["out", "persons", "groups", "order", "family", "seed"]).Any())
        {
            Console.Error.WriteLine("usage: " + Usage);
            return 2;
        }

        int Int(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var zip = options.GetValueOrDefault("family", "poisson") == "zip";
        var design = GbtmSimulator.StandardDesign(Int("persons", 5000), Int("groups", 3), Int("order", 2), zip, Int("seed", 1));
        var panel = GbtmSimulator.Simulate(design).Panel;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("person_id,time,count\n");
        for (var i = 0; i < panel.PersonCount; i++)
        {
            var s = panel.Series(i);
            for (var j = 0; j < s.Length; j++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{panel.PersonIds[i]},{panel.Times[s.TimeIndex[j]]},{s.Values[j]}\n"));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {panel.PersonCount} persons, {panel.ObservationCount} rows to {path}"));
        return 0;
    }
}
