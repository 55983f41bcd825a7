using System.CommandLine;
using System.Globalization;
using System.Runtime;
using Trajectories.Analysis.Disclosure;
using Trajectories.Analysis.Study;
using Trajectories.Core.Families;
using Trajectories.Core.Selection;
using Trajectories.Registers.Io;
using Trajectories.Reporting.Analysis;
using Trajectories.Reporting.Fits;
using Trajectories.Reporting.Output;
using Trajectories.Reporting.Report;

namespace Trajectories.Cli.Verbs;

/// <summary><c>trajectories analyze</c>: the whole study on a register — profiles, comparisons, report.</summary>
public sealed class AnalyzeVerb : IVerb
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var register = new Argument<string?>("REGISTER") { Description = "Register folder (default: the calibrated sample register, sample-registers/study).", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string>("--out", "-o") { Description = CliOutput.Help("Report folder"), DefaultValueFactory = _ => "trajectories-report" };
        var family = FamilyOptions.CountFamilies();
        var groups = new Option<string>("--groups", "-k") { Description = "Numbers of groups to try (each 1–50), e.g. 1-6; a single value fixes K.", DefaultValueFactory = _ => "1-6" };
        var order = new Option<string>("--order") { Description = "Polynomial orders to try, e.g. 1-3.", DefaultValueFactory = _ => "1-3" };
        var iorder = new Option<int>("--iorder") { Description = "ZIP zero-inflation order for every group (−1 none, 0 constant, 1–5; only when --family includes zip).", DefaultValueFactory = _ => 0 };
        var defaults = new AnalysisOptions();
        var minShare = new Option<double>("--min-share")
        {
            Description = "Adequacy: smallest group share allowed in model selection (0–1). 0.05, not select's 0.02: the study's smallest profile is 15 % "
                + "of the offenders, and on registers whose counts vary within a profile a lower floor lets a Poisson mixture split a profile into high- and low-rate slivers.",
            DefaultValueFactory = _ => defaults.Criteria.MinShare,
        };
        var starts = new Option<int>("--starts")
        {
            Description = "Random starts of the global search per model (as select; fit's default is 20): each model of the grid also starts from the "
                + "solutions of the models nested in it, and rounds of starts are added until its best is replicated (--replications).",
            DefaultValueFactory = _ => defaults.Starts,
        };
        var replications = FitSettings.Replications();
        var maxStarts = FitSettings.MaxStarts();
        var seed = new Option<int>("--seed") { Description = "Seed of the start scheme and of randomised tests.", DefaultValueFactory = _ => defaults.Seed };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = all cores). Results do not depend on it.", DefaultValueFactory = _ => 0 };
        var rounding = new Option<string>("--rounding") { Description = "Disclosure rounding of published counts to multiples of 5: nearest, or random (CBS-style unbiased random rounding).", DefaultValueFactory = _ => "nearest" };
        rounding.AcceptOnlyFromAmong("nearest", "random");
        var suppress = new Option<int>("--suppress-below") { Description = "Suppress published counts under this threshold (0 to 1000000).", DefaultValueFactory = _ => defaults.Disclosure.SuppressionThreshold };
        var noDisclosure = new Option<bool>("--no-disclosure-control") { Description = "Publish unrounded counts (the report says so on its first page). For use inside the secure environment only." };
        var sample = new Option<int>("--selection-sample")
        {
            Description = "Fit the selection grid to a seeded random sample of at most this many offenders (0 = all), then fit the chosen model to all offenders from the sample's solution. "
                + "The default 50000 leaves the study's sizes untouched and keeps a population register's grid to minutes; every published estimate comes from the fit to all offenders.",
            DefaultValueFactory = _ => defaults.SelectionSample,
        };
        var bootstrap = new Option<int>("--bootstrap")
        {
            Description = "Case-resamples of the offenders for bootstrap 95 % intervals of the posterior-weighted and BCH percentages per profile "
                + "(classification_uncertainty): each refits the chosen model to a resample and matches its groups to the chosen fit's, so the intervals also "
                + "carry the trajectories' uncertainty. 0 (default) runs none; otherwise at least 20, and 200 or more for stable 95 % ends. Each costs about one fit of the chosen model.",
            DefaultValueFactory = _ => 0,
        };
        var timings = new Option<bool>("--timings") { Description = "Print the seconds of each stage (reading and checking the register, person facts, offender panel, model selection, the chosen model on all offenders, comparisons, writing the report) and the peak memory so far to stderr as it ends." };

        var command = new Command("analyze", "Run the study on a register: model selection, four offender profiles, LVB and victimisation comparisons with the matched controls, disclosure control, and an HTML report.");
        command.Arguments.Add(register);
        foreach (var option in new Option[] { output, family, groups, order, iorder, minShare, starts, replications, maxStarts, seed, threads, rounding, suppress, noDisclosure, sample, bootstrap, timings })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var ks = ListOption.Range("--groups", parse.GetValue(groups)!);
            var orders = ListOption.Range("--order", parse.GetValue(order)!);
            GridChecks.Groups("--groups", ks);
            GridChecks.Orders("--order", orders);
            GridChecks.InflationOrders("--iorder", [parse.GetValue(iorder)]);

            var suppressBelow = OptionRanges.Between("--suppress-below", parse.GetValue(suppress), 0, OptionRanges.MaxSuppressBelow, $"expected 0 (none) to {OptionRanges.MaxSuppressBelow}");
            var minShareValue = OptionRanges.Fraction("--min-share", parse.GetValue(minShare));
            var search = FitSettings.Options(parse.GetValue(starts), parse.GetValue(seed), parse.GetValue(threads), parse.GetValue(replications), parse.GetValue(maxStarts));
            var families = FamilyOptions.ParseCountFamilies(parse.GetValue(family)!);
            var isZip = families.Any(f => f.Secondary is { Shape: SecondaryShape.Polynomial });
            if (!isZip && parse.GetResult(iorder) is { Implicit: false })
            {
                throw new UsageException($"--iorder applies when --family includes zip, not to {string.Join(",", families.Select(f => f.Name))}.");
            }

            var options = defaults with
            {
                Families = families,
                Groups = ks,
                Orders = orders,
                InflationOrder = isZip ? parse.GetValue(iorder) : -1,
                Criteria = defaults.Criteria with { MinShare = minShareValue },
                Starts = search.Starts,
                Replications = search.Replications,
                MaxStarts = search.MaxStarts,
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
                Disclosure = new DisclosureRule(5, parse.GetValue(rounding) == "random" ? RoundingMode.UnbiasedRandom : RoundingMode.Nearest, suppressBelow, (ulong)parse.GetValue(seed)),
                NoDisclosureControl = parse.GetValue(noDisclosure),
                SelectionSample = OptionRanges.Between("--selection-sample", parse.GetValue(sample), 0, int.MaxValue, "expected 0 (all offenders) or a number of offenders"),
                BootstrapReplicates = BootstrapReplicates(parse.GetValue(bootstrap)),
            };

            var source = parse.GetValue(register) ?? SampleRegister.Locate();
            if (!Directory.Exists(source))
            {
                // Checked before --out is claimed, so a mistyped register leaves nothing behind.
                throw new InputException(source, null, null, "no such register folder.");
            }

            using var folder = CliOutput.Open(context, parse.GetValue(output)!);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var showTimes = parse.GetValue(timings);
            void Stage(string name, double seconds)
            {
                // A stage's transient arrays (Parquet pages, the count matrix, a fit's E-step buffers) are garbage once
                // it ends, mostly on the large-object heap, which only a full collection frees; freeing them before the
                // next stage allocates keeps the peak near the live set (about 25 % lower at 3 M persons, measured).
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect();
                if (showTimes)
                {
                    // The peak so far, not the stage's own: a stage's peak is the first where it jumps.
                    using var self = System.Diagnostics.Process.GetCurrentProcess();
                    context.Error.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"stage {name}: {seconds:F1} s; live heap {GC.GetTotalMemory(false) / 1048576.0:F0} MB, peak working set so far {self.PeakWorkingSet64 / 1048576.0:F0} MB"));
                }
            }

            if (context.Interactive)
            {
                context.Error.WriteLine($"reading {source}");
            }

            var data = Prepared(source, options, Stage);
            var models = families.Count * ks.Length * orders.Length;
            var result = ConsoleProgress.Run(context, $"{models} models", progress => Run(data, options, progress, Stage));
            clock.Restart();
            ReportWriter.WriteFiles(result, folder.Staging);
            folder.Publish();
            Stage("write report", clock.Elapsed.TotalSeconds);
            Print(context, result, folder.Target);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// The register's facts and panel. The register itself is not kept: once they are built its rows are garbage
    /// (StudyData). WHY a method of its own: the verb's action runs once, so it stays unoptimised (tier 0), where every
    /// local is reported live until the action returns; here the register dies when this method returns.
    /// </summary>
    /// <summary>--bootstrap: 0, or at least <see cref="MinBootstrap"/> resamples (fewer cannot give 95 % percentile ends).</summary>
    private static int BootstrapReplicates(int value) =>
        value == 0 ? 0 : OptionRanges.Between("--bootstrap", value, MinBootstrap, 100_000, $"expected 0 (none) or {MinBootstrap} to 100000 case-resamples");

    private const int MinBootstrap = 20;

    private static StudyData Prepared(string source, AnalysisOptions options, Action<string, double> stages)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var register = RegisterReader.LoadColumns(source, options.Threads);
        stages("read and check register", clock.Elapsed.TotalSeconds);
        return StudyData.Prepare(register, options.RecentYears, stages);
    }

    private static AnalysisResult Run(
        StudyData data, AnalysisOptions options, IProgress<Core.Estimation.FitProgress>? progress, Action<string, double> stages)
    {
        try
        {
            return StudyAnalysis.RunWithMicrodata(data, options, new Adapter(progress), stages).Published;
        }
        catch (NoModelFittedException e)
        {
            throw new FitFailedException(e.Message, e);
        }
    }

    private static void Print(CliContext context, AnalysisResult result, string target)
    {
        var c = CultureInfo.InvariantCulture;
        var fit = result.Model;
        context.Out.WriteLine(string.Create(c, $"chosen model: {result.Selection.Chosen?.Model} (BIC {fit.BicPersons:F1}, entropy {fit.Entropy:F3})"));
        if (result.Selection.Sample is { } sample)
        {
            // The published search is the sample's (see StudyAnalysis); the fit to all offenders is one run from its solution.
            context.Out.WriteLine(string.Create(c, $"  selected on a random sample of {sample} offenders ({fit.Search.Starts} starts, best reached by {fit.Search.Replications} independent starts), then fitted to all offenders from that solution"));
        }
        else
        {
            context.Out.WriteLine("  " + SearchText.Line(fit.Search));
        }

        if (!fit.Search.Replicated)
        {
            context.Error.WriteLine("warning: the chosen model's best log-likelihood was not replicated; a better optimum may exist (rerun with more --starts or another --seed).");
        }

        // Profiles are shown as the report shows them ("late-peaking"); the codes ("late_peaking") stay in the files.
        var profiles = result.Profiles.Select(p => (IReadOnlyList<string>)
            [ReportFormat.Population(p.Label), p.N.Display, ReportFormat.Share(p.ModelShare), ReportFormat.Share(p.CaseShare)]);
        foreach (var line in TextTable.Render([new("profile", TextAlign.Left), new("n"), new("share"), new("cases")], profiles))
        {
            context.Out.WriteLine(line);
        }

        context.Out.WriteLine();

        var lvb = result.Lvb.First(o => o.Outcome == "lvb_any");
        context.Out.WriteLine("LVB ratio vs non-criminal: " + string.Join(", ", lvb.Rates.Where(r => r.VsNoncriminal is not null).Select(r => $"{ReportFormat.Population(r.Population)} {ReportFormat.Number(r.VsNoncriminal!.Ratio, 1)}")));
        context.Out.WriteLine("ever victim: " + string.Join(", ", result.Victimisation.Ever.Rates.Select(r => $"{ReportFormat.Population(r.Population)} {ReportFormat.Percent(r.Percent)}")));
        context.Out.WriteLine(result.Disclosure.IsApplied ? result.Disclosure.Statement() : "DISCLOSURE CONTROL IS OFF: counts are unrounded.");
        context.Out.WriteLine($"report: {Path.Combine(target, "report.html")}");
    }

    /// <summary>
    /// Forwards each finished model to the progress bar (when there is one) and frees the model's garbage. WHY the
    /// collection: a fit's per-start arrays are large-object garbage, which only a full collection frees, and the runtime
    /// lets that garbage grow in proportion to the live heap; with a population panel live (3 GB at 3 M offenders) the
    /// grid's peak was 2 GB above it. The cost, one run each at 5.7 M offenders: the grid stage took 254 s with the
    /// collections, 238 s without.
    /// </summary>
    private sealed class Adapter(IProgress<Core.Estimation.FitProgress>? inner) : IProgress<SelectionProgress>
    {
        public void Report(SelectionProgress value)
        {
            inner?.Report(new Core.Estimation.FitProgress($"models ({value.LastModel})", value.Completed, value.Total));
            GC.Collect();
        }
    }
}
