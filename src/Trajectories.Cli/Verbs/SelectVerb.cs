using System.CommandLine;
using System.Globalization;
using Trajectories.Core.Families;
using Trajectories.Core.Selection;
using Trajectories.Reporting.Fits;
using Trajectories.Reporting.Output;

namespace Trajectories.Cli.Verbs;

/// <summary><c>trajectories select</c>: a grid of models, a table of every statistic, and the chosen model.</summary>
public sealed class SelectVerb : IVerb
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var input = new Argument<string>("INPUT") { Description = "Wide CSV, long CSV/Parquet or a register folder (as for fit)." };
        var family = FamilyOptions.Family();
        var groups = new Option<string>("--groups", "-k") { Description = "Numbers of groups to try, e.g. 1-6 or 2,4.", DefaultValueFactory = _ => "1-6" };
        var order = new Option<string>("--order") { Description = "Polynomial orders to try (0–5), e.g. 0-3.", DefaultValueFactory = _ => "1-3" };
        var perGroup = new Option<bool>("--per-group-orders") { Description = "Also try different orders per group (PROC TRAJ style: every non-decreasing sequence from the lowest to the highest group)." };
        var iorder = new Option<string?>("--iorder") { Description = "ZIP zero-inflation orders to try (PROC TRAJ's IORDER), the same for every group (−1 none, 0 constant, 1..), e.g. 0 or 0-1. Default 0 for zip." };
        var min = FamilyOptions.Min();
        var max = FamilyOptions.Max();
        var risk = FamilyOptions.Risk();
        var tcov = FamilyOptions.Tcov();
        var tcovAt = FamilyOptions.TcovAt();
        var refGroup = FamilyOptions.RefGroup();
        var exposure = new Option<string?>("--exposure") { Description = "Wide CSV of time at risk, same shape as a wide INPUT; count families (poisson, zip, nb) only." };
        var minShare = new Option<double>("--min-share") { Description = "Adequacy: smallest group share allowed.", DefaultValueFactory = _ => new SelectionCriteria().MinShare };
        var minAvePP = new Option<double>("--min-avepp") { Description = "Adequacy: smallest average posterior probability allowed in any group.", DefaultValueFactory = _ => new SelectionCriteria().MinAvePP };
        var minOcc = new Option<double>("--min-occ") { Description = "Adequacy: smallest odds of correct classification allowed in any group.", DefaultValueFactory = _ => new SelectionCriteria().MinOcc };
        var starts = new Option<int>("--starts") { Description = "Starts of the global search per model.", DefaultValueFactory = _ => 20 };
        var replications = FitSettings.Replications();
        var maxStarts = FitSettings.MaxStarts();
        var seed = new Option<int>("--seed") { Description = "Seed of the start scheme.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Models fitted in parallel (0 = all cores). Results do not depend on it.", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out", "-o") { Description = CliOutput.Help("Folder for selection.csv/.parquet and the chosen model's model.json, posteriors and trajectories"), Required = true };

        var command = new Command("select", "Fit a grid of models and choose one: the smallest BIC (persons) among adequate models.");
        foreach (var option in new Option[] { family, groups, order, perGroup, iorder, min, max, risk, refGroup, tcov, tcovAt, exposure, minShare, minAvePP, minOcc, starts, replications, maxStarts, seed, threads, output })
        {
            command.Options.Add(option);
        }

        command.Arguments.Add(input);
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var fam = FamilyOptions.Create(parse.GetValue(family)!, parse.GetValue(min), parse.GetValue(max));
            FamilyOptions.CheckExposure(fam, parse.GetValue(exposure));
            FamilyOptions.CheckInput(fam, parse.GetValue(input)!);
            FamilyOptions.CheckInflationOrder(fam, parse.GetValue(iorder));

            var ks = ListOption.Range("--groups", parse.GetValue(groups)!);
            var orders = ListOption.Range("--order", parse.GetValue(order)!);
            if (ks.Any(k => k < 1) || orders.Any(o => o is < 0 or > 5))
            {
                throw new UsageException("--groups must be 1 or more and --order within 0–5.");
            }

            FamilyOptions.CheckRefGroup(parse.GetValue(refGroup), parse.GetValue(risk), ks.Min());
            var criteria = new SelectionCriteria { MinShare = parse.GetValue(minShare), MinAvePP = parse.GetValue(minAvePP), MinOcc = parse.GetValue(minOcc) };
            var iorders = ListOption.Range("--iorder", parse.GetValue(iorder) ?? "0");
            var options = FitSettings.Options(parse.GetValue(starts), parse.GetValue(seed), parse.GetValue(threads), parse.GetValue(replications), parse.GetValue(maxStarts));
            using var folder = CliOutput.Open(context, parse.GetValue(output)!);
            var (loaded, reportAt) = FamilyOptions.Load(parse.GetValue(input)!, parse.GetValue(exposure), fam, parse.GetValue(risk), parse.GetValue(tcov), parse.GetValue(tcovAt));
            options = options with { ReportCovariates = reportAt };
            var grid = ModelSelector.Grid(fam, ks, orders, iorders, parse.GetValue(perGroup)).Select(m => FamilyOptions.Bind(m, loaded.Panel)).ToList();
            var result = ConsoleProgress.Run(context, $"{grid.Count} models", progress =>
                ModelSelector.Select(loaded.Panel, grid, options, criteria, progress is null ? null : new SelectionProgressAdapter(progress)));
            var chosen = result.Chosen?.Fit ?? throw new FitFailedException("no model of the grid could be fitted: " + string.Join("; ", result.Rows.Select(r => r.Error).Distinct()));
            TableWriter.WriteBoth(SelectionTable.Build(result), folder.Staging, "selection");
            var provenance = new FitProvenance(loaded.Source, InputLoading.FormatText(loaded.Format), parse.GetValue(exposure), loaded.DroppedPersons, options.Seed);
            ModelJson.Write(folder.PathOf("model.json"), chosen, provenance, parse.GetValue(refGroup));
            TableWriter.WriteBoth(FitTables.Posteriors(chosen.Posteriors), folder.Staging, "posteriors");
            TableWriter.WriteBoth(FitTables.Trajectories(chosen.Trajectories), folder.Staging, "trajectories");
            folder.Publish();
            Print(context, result, folder.Target);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Print(CliContext context, SelectionResult result, string target)
    {
        var c = CultureInfo.InvariantCulture;
        context.Out.WriteLine($"{"model",-44} {"LL",12} {"BIC(n)",11} {"entropy",7} {"minAvePP",8} {"adequate",8}");
        for (var i = 0; i < result.Rows.Count; i++)
        {
            var row = result.Rows[i];
            var f = row.Fit;
            var mark = (result.ChosenIndex == i ? " <- chosen" : string.Empty) + (f is { Search.Replicated: false } ? " (best not replicated)" : string.Empty);
            context.Out.WriteLine(f is null
                ? $"{row.Label,-44} failed: {row.Error}"
                : string.Create(c, $"{row.Label,-44} {f.LogLikelihood,12:F2} {f.BicPersons,11:F2} {f.Entropy,7:F3} {f.Groups.Min(g => g.AvePP ?? 0),8:F3} {(row.Adequate ? "yes" : "no"),8}{mark}"));
        }

        context.Out.WriteLine($"rule: {result.Rule}");
        if (!result.ChosenIsAdequate)
        {
            context.Error.WriteLine("warning: no model met every adequacy criterion; the chosen model is the best by BIC among converged fits and is flagged.");
        }

        context.Out.WriteLine($"written to {target}");
    }

    private sealed class SelectionProgressAdapter(IProgress<Core.Estimation.FitProgress> inner) : IProgress<SelectionProgress>
    {
        public void Report(SelectionProgress value) => inner.Report(new Core.Estimation.FitProgress($"models ({value.LastModel})", value.Completed, value.Total));
    }
}
