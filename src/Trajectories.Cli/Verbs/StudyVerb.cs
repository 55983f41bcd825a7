using System.CommandLine;
using System.Globalization;
using Trajectories.Core.Inference;
using Trajectories.Core.Simulation;
using Trajectories.Reporting.Inference;
using Trajectories.Reporting.Output;

namespace Trajectories.Cli.Verbs;

/// <summary><c>trajectories study</c>: a simulation study of the estimator (bias, RMSE, SE calibration, coverage, selection frequencies).</summary>
public sealed class StudyVerb : IReplicatedVerb
{
    private readonly ModelInputs _inputs = new(
        "Random starts of the global search of each model on each data set (10).",
        "Optional: with it, the model is fitted to INPUT and every data set keeps INPUT's persons, years, exposure and covariates (the estimator on data like "
        + "yours); without it, data sets come from the standard design (--persons, -k, --order; poisson or zip).");

    private readonly Option<int> _groups = new("--groups", "-k") { Description = "Number of groups K of the planted model (1–50).", Required = true };
    private readonly Option<int> _persons = new("--persons") { Description = "Without INPUT: persons per data set of the standard design (10–10 000 000).", DefaultValueFactory = _ => 500 };
    private readonly Option<int> _replicates = new("--replicates") { Description = "Data sets drawn and fitted (2–100 000).", DefaultValueFactory = _ => new StudyOptions().Replicates };
    private readonly Option<string?> _select = new("--select") { Description = "Also choose K by BIC (persons) on every data set among these numbers of groups, e.g. 1-5, and tabulate how often each is chosen." };
    private readonly Option<string> _output = new("--out", "-o") { Description = CliOutput.Help("Folder for study.json, study_parameters.csv/.parquet and study_selection.csv/.parquet"), Required = true };

    /// <inheritdoc />
    public string Name => "study";

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var command = new Command(
            Name,
            "Simulation study of the estimator: draw many data sets from a known model, fit it to each, align the groups to the planted ones, and report "
            + "per parameter the bias, RMSE, mean standard error against the spread, and 95 % Wald coverage; with --select, how often BIC picks each K.");
        _inputs.AddTo(command);
        foreach (var option in new Option[] { _groups, _persons, _replicates, _select, _output })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CliApp.Guard(context, () => Execute(parse, context)));
        return command;
    }

    /// <inheritdoc />
    public IReplicatePlan Plan(ParseResult parse, string folder, int part)
    {
        var (model, options) = Check(parse);
        return EstimatorStudy.Plan(Truth(parse, model, folder, CliContext.Silent()).Truth, options);
    }

    private (ModelChoice Model, StudyOptions Options) Check(ParseResult parse)
    {
        var model = _inputs.Check(parse, parse.GetValue(_groups));
        var family = model.Family;
        var ks = parse.GetValue(_select) is { } text ? ListOption.Range("--select", text) : null;
        if (ks is not null)
        {
            GridChecks.Groups("--select", ks);
        }

        if (_inputs.Input(parse) is null && family.Name is not ("poisson" or "zip"))
        {
            throw new UsageException($"--family: the standard design (no INPUT) is poisson or zip; for {family.Name}, give INPUT and study a fit to it.");
        }

        OptionRanges.Between("--persons", parse.GetValue(_persons), 10, 10_000_000, "expected 10 to 10 000 000");
        var most = OptionRanges.MaxStarts;
        return (model, new StudyOptions
        {
            Replicates = OptionRanges.Between("--replicates", parse.GetValue(_replicates), 2, most, $"expected 2 to {most}"),
            Seed = _inputs.Seed(parse),
            SelectGroups = ks,
            Fit = model.Fit,
        });
    }

    /// <summary>The truth: the standard design, or the fit to INPUT on its design; and how study.json names it.</summary>
    private (StudyTruth Truth, string Source) Truth(ParseResult parse, ModelChoice model, string folder, CliContext context)
    {
        var (k, family, order) = (parse.GetValue(_groups), model.Family, model.Order);
        if (_inputs.Input(parse) is not { } input)
        {
            var n = parse.GetValue(_persons);
            return (StudyTruth.FromDesign(GbtmSimulator.StandardDesign(n, k, order, family.Name == "zip")),
                string.Create(CultureInfo.InvariantCulture, $"standard design: {n} persons, {k} groups of order {order}, {family.Name}"));
        }

        var loaded = _inputs.Load(parse, model, folder);
        var spec = _inputs.Bound(parse, model, k, loaded.Panel);
        var fit = ConsoleProgress.Run(context, "fitting the planted model", progress => FitSettings.Fit(loaded.Panel, spec, model.Fit, progress));
        return (StudyTruth.FromFit(fit, loaded.Panel), $"the fit of {fit.Model.Label} to {input}, on its design");
    }

    private int Execute(ParseResult parse, CliContext context)
    {
        var (model, options) = Check(parse);
        using var folder = CliOutput.Open(context, parse.GetValue(_output)!);
        var (truth, source) = Truth(parse, model, Environment.CurrentDirectory, context);
        using var cluster = ClusterOption.Connect(_inputs.Cluster, parse);
        var result = ReplicateProgressBar.Run(context, "data sets", progress => EstimatorStudy.Run(truth, options with { Runner = cluster }, progress));
        InferenceJson.Write(folder.PathOf("study.json"), result, source);
        TableWriter.WriteBoth(InferenceTables.StudyParameters(result), folder.Staging, "study_parameters");
        if (options.SelectGroups is { } ks)
        {
            TableWriter.WriteBoth(InferenceTables.StudySelection(result), folder.Staging, "study_selection");
        }

        folder.Publish();
        var c = CultureInfo.InvariantCulture;
        context.Out.WriteLine($"{result.Model} on {result.Used} of {result.Replicates} data sets ({result.Unmatched} unmatched, {result.Failed} failed, {result.NotConverged} not converged)");
        context.Out.WriteLine("  parameter       group power      truth       bias       RMSE    mean SE  coverage");
        foreach (var p in result.Parameters)
        {
            var name = p.Kind == StudyParameterKind.Share ? "share" : "coefficient";
            context.Out.WriteLine(string.Create(c, $"  {name,-15} {p.Group,5} {p.Power,5} {p.Truth,10:F4} {p.Bias,10:F4} {p.Rmse,10:F4} {p.MeanSe,10:F4} {p.Coverage,9:P1}"));
        }

        if (options.SelectGroups is { } chosen)
        {
            context.Out.WriteLine("BIC chose: " + string.Join(", ", chosen.Select(g => $"K = {g}: {result.Selected.GetValueOrDefault(g)}")));
        }

        ClusterOption.Report(context, cluster);
        context.Out.WriteLine($"written to {folder.Target}");
        return ExitCodes.Success;
    }
}
