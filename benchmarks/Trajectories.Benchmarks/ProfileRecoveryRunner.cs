using System.Diagnostics;
using System.Globalization;
using Trajectories.Analysis.Profiles;
using Trajectories.Analysis.Study;
using Trajectories.Registers.Model;
using Trajectories.Registers.Synthetic;
using Trajectories.Registers.Synthetic.Calibration;

namespace Trajectories.Benchmarks;

/// <summary>
/// The profile-recovery study (<c>-- profiles</c>): the main job (<see cref="StudyAnalysis"/> with its default grid)
/// on synthetic registers of several sizes, frailty shapes and seeds, each compared with the truth it was drawn from:
/// whether the four profiles are labelled, how far each estimated share is from its planted share, the modal
/// agreement of the chosen model against an oracle that knows the curves and the frailty, and whether the LVB ratios
/// are ordered as in the study (continuous &gt; early-peaking &gt; incidental and late-peaking). One markdown row per
/// register; the analysis runs without disclosure control (the figures are compared with the truth, not published).
/// </summary>
internal static class ProfileRecoveryRunner
{
    private const string Usage = "profiles [--offenders 630,5000] [--shapes 2,4,8] [--seeds 1,2,3] [--starts 10]";

    /// <summary>Runs the study with command-line <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new Dictionary<string, string> { ["--offenders"] = "630,5000", ["--shapes"] = "2,4,8", ["--seeds"] = "1,2,3", ["--starts"] = "10" };
        for (var k = 0; k < args.Length; k += 2)
        {
            if (!settings.ContainsKey(args[k]) || k + 1 >= args.Length)
            {
                Console.Error.WriteLine($"unknown or incomplete option '{args[k]}'; usage: {Usage}");
                return 2;
            }

            settings[args[k]] = args[k + 1];
        }

        static double[] List(string v) => v.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        var starts = int.Parse(settings["--starts"], CultureInfo.InvariantCulture);
        Console.WriteLine("| offenders | frailty shape | seed | chosen model | four labelled | max share error (pt) | modal agreement % | oracle % | LVB ordered | seconds |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var n in List(settings["--offenders"]))
        {
            foreach (var shape in List(settings["--shapes"]))
            {
                foreach (var seed in List(settings["--seeds"]))
                {
                    Console.WriteLine(Row((int)n, shape, (ulong)seed, starts));
                }
            }
        }

        return 0;
    }

    private static string Row(int offenders, double shape, ulong seed, int starts)
    {
        var options = new GeneratorOptions { Offenders = offenders, Seed = seed, FrailtyShape = shape };
        var register = new InMemoryRegister();
        SyntheticRegisterGenerator.Generate(options, register);
        var clock = Stopwatch.StartNew();
        var run = StudyAnalysis.RunWithMicrodata(register, new AnalysisOptions { Starts = starts, NoDisclosureControl = true });
        var seconds = clock.Elapsed.TotalSeconds;
        var result = run.Published;

        var labelled = ProfileLabeller.Labels.All(l => result.Labels.Any(x => x.Label == l));
        var planted = ModelParameters.ProfileShares;
        var shareError = labelled
            ? ProfileLabeller.Labels.Select((l, k) =>
                Math.Abs(result.Profiles.Single(p => p.Label == l).ModelShare!.Value - planted[k])).Max() * 100
            : double.NaN;

        // Modal agreement: each panel offender's modal group, by its label, against the profile it was drawn from.
        var truth = register.Truth.ToDictionary(t => t.PersonId, t => Codes.Of(t.Profile), StringComparer.Ordinal);
        var labelOf = result.Labels.ToDictionary(l => l.Group, l => l.Label);
        var posteriors = run.Fit.Posteriors;
        var agree = 0;
        for (var i = 0; i < posteriors.Count; i++)
        {
            agree += labelOf[posteriors.ModalGroup(i)] == truth[posteriors.PersonIds[i]] ? 1 : 0;
        }

        var oracle = CalibrationCheck.OracleAgreement(register, options.FrailtyShapes) * 100;
        var lvb = result.Lvb.Single(o => o.Outcome == "lvb_any").Rates.ToDictionary(r => r.Population, r => r.VsNoncriminal?.Ratio);
        double Ratio(string label) => lvb.TryGetValue(label, out var r) && r is { } v ? v : double.NaN;
        var ordered = labelled
            && Ratio("continuous") > Ratio("early_peaking")
            && Ratio("early_peaking") > Math.Max(Ratio("incidental"), Ratio("late_peaking"));
        var model = result.Model;
        var c = CultureInfo.InvariantCulture;
        return string.Create(c,
            $"| {offenders} | {shape:G} | {seed} | {model.Family} K={model.Groups.Count} order {model.Orders.Max()} | {(labelled ? "yes" : "no: " + string.Join("/", result.Labels.Select(l => l.Label)))} | {shareError:F1} | {100.0 * agree / posteriors.Count:F1} | {oracle:F1} | {(ordered ? "yes" : "no")} ({Ratio("continuous"):F1} / {Ratio("early_peaking"):F1} / {Ratio("incidental"):F1} / {Ratio("late_peaking"):F1}) | {seconds:F0} |");
    }
}
