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
        var groups = new Option<string>("--groups", "-k") { Description = "Numbers of groups to try (each 1–50), e.g. 1-6 or 2,4.", DefaultValueFactory = _ => "1-6" };
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
        var minShare = new Option<double>("--min-share")
        {
            Description = "Adequacy: smallest group share allowed (0–1). 0.02, not analyze's 0.05: in a general panel a small chronic group is often real "
                + "(a 5 % floor rejects the models that find it); analyze runs the study, whose smallest profile is 15 %, where a 5 % floor keeps out slivers of a profile.",
            DefaultValueFactory = _ => new SelectionCriteria().MinShare,
        };
        var minAvePP = new Option<double>("--min-avepp") { Description = "Adequacy: smallest average posterior probability allowed in any group (0–1).", DefaultValueFactory = _ => new SelectionCriteria().MinAvePP };
        var minOcc = new Option<double>("--min-occ") { Description = "Adequacy: smallest odds of correct classification allowed in any group (0 or more).", DefaultValueFactory = _ => new SelectionCriteria().MinOcc };
        var starts = new Option<int>("--starts")
        {
            Description = "Random starts of the global search per model (as analyze; fit's default is 20): each model of the grid also starts from the "
                + "solutions of the models nested in it, and rounds of starts are added until its best is replicated (--replications).",
            DefaultValueFactory = _ => 10,
        };
        var replications = FitSettings.Replications();
        var maxStarts = FitSettings.MaxStarts();
        var seed = new Option<int>("--seed") { Description = "Seed of the start scheme.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Models fitted in parallel (0 = all cores). Results do not depend on it.", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out", "-o") { Description = CliOutput.Help("Folder for selection.csv/.parquet and the chosen model's model.json, posteriors and trajectories"), Required = true };
        var sharding = new ShardOptions();

        var command = new Command("select", "Fit a grid of models and choose one: the smallest BIC (persons) among adequate models.");
        foreach (var option in new Option[] { family, groups, order, perGroup, iorder, min, max, risk, refGroup, tcov, tcovAt, exposure, minShare, minAvePP, minOcc, starts, replications, maxStarts, seed, threads, output })
        {
            command.Options.Add(option);
        }

        sharding.AddTo(command);
        command.Arguments.Add(input);
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var fam = FamilyOptions.Create(parse.GetValue(family)!, parse.GetValue(min), parse.GetValue(max));
            FamilyOptions.CheckExposure(fam, parse.GetValue(exposure));
            FamilyOptions.CheckFiles(parse.GetValue(exposure), parse.GetValue(risk), parse.GetValue(tcov));
            FamilyOptions.CheckInput(fam, parse.GetValue(input)!);
            FamilyOptions.CheckInflationOrder(fam, parse.GetValue(iorder));

            var ks = ListOption.Range("--groups", parse.GetValue(groups)!);
            var orders = ListOption.Range("--order", parse.GetValue(order)!);
            GridChecks.Groups("--groups", ks);
            GridChecks.Orders("--order", orders);

            FamilyOptions.CheckRefGroup(parse.GetValue(refGroup), parse.GetValue(risk), ks.Min());
            var criteria = new SelectionCriteria
            {
                MinShare = OptionRanges.Fraction("--min-share", parse.GetValue(minShare)),
                MinAvePP = OptionRanges.Fraction("--min-avepp", parse.GetValue(minAvePP)),
                MinOcc = OptionRanges.Between("--min-occ", parse.GetValue(minOcc), 0, double.MaxValue, "expected a finite number, 0 or more"),
            };
            var iorders = GridChecks.InflationOrders("--iorder", ListOption.Range("--iorder", parse.GetValue(iorder) ?? "0"));
            var options = FitSettings.Options(parse.GetValue(starts), parse.GetValue(seed), parse.GetValue(threads), parse.GetValue(replications), parse.GetValue(maxStarts));
            var shardChoice = sharding.Check(parse);
            using var folder = CliOutput.Open(context, parse.GetValue(output)!);
            using var sharded = ShardOptions.Open(shardChoice);
            var (loaded, reportAt) = FamilyOptions.Load(parse.GetValue(input)!, parse.GetValue(exposure), fam, parse.GetValue(risk), parse.GetValue(tcov), parse.GetValue(tcovAt));
            options = options with { ReportCovariates = reportAt, EStep = sharded?.Backend };
            var grid = ModelSelector.Grid(fam, ks, orders, iorders, parse.GetValue(perGroup)).Select(m => FamilyOptions.Bind(m, loaded.Panel)).ToList();
            var result = ConsoleProgress.Run(context, $"{grid.Count} models", progress =>
                ModelSelector.Select(loaded.Panel, grid, options, criteria, progress is null ? null : new SelectionProgressAdapter(progress)));
            var chosen = result.Chosen?.Fit ?? throw new FitFailedException("no model of the grid could be fitted: " + string.Join("; ", result.Rows.Select(r => r.Error).Distinct()));
            var edge = GridEdgeAdvice.Text(GridEdge.Of(result));
            if (edge is not null)
            {
                chosen = chosen with { Warnings = [.. chosen.Warnings, edge] };
            }

            TableWriter.WriteBoth(SelectionTable.Build(result, edge), folder.Staging, "selection");
            var provenance = new FitProvenance(loaded.Source, InputLoading.FormatText(loaded.Format), parse.GetValue(exposure), loaded.DroppedPersons, options.Seed);
            ModelJson.Write(folder.PathOf("model.json"), chosen, provenance, parse.GetValue(refGroup));
            TableWriter.WriteBoth(FitTables.Posteriors(chosen.Posteriors), folder.Staging, "posteriors");
            TableWriter.WriteBoth(FitTables.Trajectories(chosen.Trajectories), folder.Staging, "trajectories");
            folder.Publish();
            Print(context, result);
            context.Out.WriteLine();
            context.Out.WriteLine($"Chosen model: {result.Chosen!.Label}");

            // The grid-edge warning is among the chosen model's warnings, which close its summary.
            FitSummaryText.Write(context.Out, chosen, parse.GetValue(refGroup));
            sharded?.Report(context);

            context.Out.WriteLine($"written to {folder.Target}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Print(CliContext context, SelectionResult result)
    {
        var c = CultureInfo.InvariantCulture;
        var rows = result.Rows.Select((row, i) =>
        {
            var f = row.Fit;
            var mark = (result.ChosenIndex == i ? "<- chosen" : string.Empty) + (f is { Search.Replicated: false } ? " (best not replicated)" : string.Empty);
            return (IReadOnlyList<string>)(f is null
                ? [row.Label, "–", "–", "–", "–", "–", "–", "no", "failed: " + row.Error]
                : [
                    row.Label,
                    f.LogLikelihood.ToString("F2", c),
                    f.BicPersons.ToString("F2", c),
                    f.BicObservations.ToString("F2", c),
                    f.Entropy.ToString("F3", c),
                    (f.Groups.Min(g => g.AvePP) is { } pp ? pp.ToString("F3", c) : "–"),
                    f.Groups.Min(g => g.Share).ToString("P1", c),
                    row.Adequate ? "yes" : "no",
                    mark.Trim(),
                ]);
        });
        foreach (var line in TextTable.Render(
            [new("model", TextAlign.Left), new("LL"), new("BIC(persons)"), new("BIC(obs)"), new("entropy"), new("minAvePP"), new("minShare"), new("adequate", TextAlign.Left), new("note", TextAlign.Left)],
            rows,
            indent: string.Empty))
        {
            context.Out.WriteLine(line);
        }

        context.Out.WriteLine();
        context.Out.WriteLine($"rule: {result.Rule}");
        if (!result.ChosenIsAdequate)
        {
            context.Error.WriteLine("warning: no model met every adequacy criterion; the chosen model is the best by BIC among converged fits and is flagged.");
        }
    }

    private sealed class SelectionProgressAdapter(IProgress<Core.Estimation.FitProgress> inner) : IProgress<SelectionProgress>
    {
        public void Report(SelectionProgress value) => inner.Report(new Core.Estimation.FitProgress($"models ({value.LastModel})", value.Completed, value.Total));
    }
}
