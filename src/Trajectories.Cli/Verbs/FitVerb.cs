using System.CommandLine;
using Trajectories.Core.Estimation;
using Trajectories.Core.Results;
using Trajectories.Reporting.Fits;
using Trajectories.Reporting.Output;

namespace Trajectories.Cli.Verbs;

/// <summary><c>trajectories fit</c>: one group-based trajectory model.</summary>
public sealed class FitVerb : IVerb
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var input = new Argument<string>("INPUT") { Description = "Wide CSV (person_id,8,9,…), long CSV/Parquet (person_id,time,count[,exposure]; count holds the outcome: a count, 0/1 or a score) or a register folder (its offender panel)." };
        var family = FamilyOptions.Family();
        var groups = new Option<int>("--groups", "-k") { Description = "Number of groups K (1–50).", Required = true };
        var order = new Option<string>("--order") { Description = "Polynomial order, one for all groups or one per group (0–5), e.g. 2 or 1,2,3,3.", DefaultValueFactory = _ => "2" };
        var iorder = FamilyOptions.InflationOrder();
        var min = FamilyOptions.Min();
        var max = FamilyOptions.Max();
        var risk = FamilyOptions.Risk();
        var tcov = FamilyOptions.Tcov();
        var tcovAt = FamilyOptions.TcovAt();
        var refGroup = FamilyOptions.RefGroup();
        var exposure = new Option<string?>("--exposure") { Description = "Wide CSV of time at risk in (0,1], same shape as a wide INPUT (e.g. crimCV's TO1Risk); count families (poisson, zip, nb) only." };
        var starts = new Option<int>("--starts")
        {
            Description = "Number of starts of the global search. 20, twice select's and analyze's 10 per model: a model of their grids also starts "
                + "from the solutions of the models nested in it, a single fit has only its random starts.",
            DefaultValueFactory = _ => 20,
        };
        var replications = FitSettings.Replications();
        var maxStarts = FitSettings.MaxStarts();
        var seed = new Option<int>("--seed") { Description = "Seed of the start scheme (same seed, same result, whatever the thread count).", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = all cores). Results do not depend on it.", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out", "-o") { Description = CliOutput.Help("Folder for model.json, posteriors.csv/.parquet, trajectories.csv/.parquet"), Required = true };
        var plot = TrajectoryPlot.Option();
        var sharding = new ShardOptions();

        var command = new Command("fit", "Fit one group-based trajectory model and write model.json, posteriors and trajectories.");
        foreach (var option in new Option[] { family, groups, order, iorder, min, max, risk, refGroup, tcov, tcovAt, exposure, starts, replications, maxStarts, seed, threads, output, plot })
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
            var k = parse.GetValue(groups);
            var spec = FamilyOptions.Specification(fam, k, ListOption.Integers("--order", parse.GetValue(order)!), parse.GetValue(iorder));
            FamilyOptions.CheckRefGroup(parse.GetValue(refGroup), parse.GetValue(risk), k);
            var options = FitSettings.Options(parse.GetValue(starts), parse.GetValue(seed), parse.GetValue(threads), parse.GetValue(replications), parse.GetValue(maxStarts));
            var outDir = parse.GetValue(output)!;
            var plotTarget = TrajectoryPlot.Target(parse, plot);
            var shardChoice = sharding.Check(parse);
            using var folder = CliOutput.Open(context, outDir);
            using var sharded = ShardOptions.Open(shardChoice);
            var (loaded, reportAt) = FamilyOptions.Load(parse.GetValue(input)!, parse.GetValue(exposure), fam, parse.GetValue(risk), parse.GetValue(tcov), parse.GetValue(tcovAt));
            options = options with { ReportCovariates = reportAt, EStep = sharded?.Backend };
            spec = FamilyOptions.Bind(spec, loaded.Panel);
            var fit = ConsoleProgress.Run(context, "fitting", progress => FitSettings.Fit(loaded.Panel, spec, options, progress));
            var provenance = new FitProvenance(loaded.Source, InputLoading.FormatText(loaded.Format), parse.GetValue(exposure), loaded.DroppedPersons, options.Seed);
            ModelJson.Write(folder.PathOf("model.json"), fit, provenance, parse.GetValue(refGroup));
            TableWriter.WriteBoth(FitTables.Posteriors(fit.Posteriors), folder.Staging, "posteriors");
            TableWriter.WriteBoth(FitTables.Trajectories(fit.Trajectories), folder.Staging, "trajectories");
            var svg = TrajectoryPlot.Stage(plotTarget, folder, fit);
            folder.Publish();
            var figure = TrajectoryPlot.Finish(plotTarget, folder, svg);
            FitSummaryText.Write(context.Out, fit, parse.GetValue(refGroup));
            sharded?.Report(context);
            context.Out.WriteLine($"written to {folder.Target}");
            if (figure is not null)
            {
                context.Out.WriteLine($"figure: {figure}");
            }

            if (!fit.Converged)
            {
                // A flagged fit is still a result (PROC TRAJ and traj also report it with a warning); exit 1 is kept
                // for models that cannot be fitted at all, where nothing is written.
                context.Error.WriteLine($"warning: the fit did not converge ({ModelJson.StopReasonText(fit.StopReason)}); model.json says converged: false.");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
