using System.CommandLine;
using System.Globalization;
using Trajectories.Core.Inference;
using Trajectories.Core.Simulation;
using Trajectories.Reporting.Inference;
using Trajectories.Reporting.Output;

namespace Trajectories.Cli.Verbs;

/// <summary><c>trajectories study</c>: a simulation study of the estimator (bias, RMSE, SE calibration, coverage, selection frequencies).</summary>
public sealed class StudyVerb : IVerb
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var inputs = new ModelInputs(
            "Random starts of the global search of each model on each data set (10).",
            "Optional: with it, the model is fitted to INPUT and every data set keeps INPUT's persons, years, exposure and covariates (the estimator on data like "
            + "yours); without it, data sets come from the standard design (--persons, -k, --order; poisson or zip).");
        var groups = new Option<int>("--groups", "-k") { Description = "Number of groups K of the planted model (1–50).", Required = true };
        var persons = new Option<int>("--persons") { Description = "Without INPUT: persons per data set of the standard design (10–10 000 000).", DefaultValueFactory = _ => 500 };
        var replicates = new Option<int>("--replicates") { Description = "Data sets drawn and fitted (2–100 000).", DefaultValueFactory = _ => new StudyOptions().Replicates };
        var select = new Option<string?>("--select") { Description = "Also choose K by BIC (persons) on every data set among these numbers of groups, e.g. 1-5, and tabulate how often each is chosen." };
        var output = new Option<string>("--out", "-o") { Description = CliOutput.Help("Folder for study.json, study_parameters.csv/.parquet and study_selection.csv/.parquet"), Required = true };

        var command = new Command(
            "study",
            "Simulation study of the estimator: draw many data sets from a known model, fit it to each, align the groups to the planted ones, and report "
            + "per parameter the bias, RMSE, mean standard error against the spread, and 95 % Wald coverage; with --select, how often BIC picks each K.");
        inputs.AddTo(command);
        foreach (var option in new Option[] { groups, persons, replicates, select, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var k = parse.GetValue(groups);
            var (family, order, fitOptions) = inputs.Check(parse, k);
            var most = OptionRanges.MaxStarts;
            var ks = parse.GetValue(select) is { } text ? ListOption.Range("--select", text) : null;
            if (ks is not null)
            {
                GridChecks.Groups("--select", ks);
            }

            var options = new StudyOptions
            {
                Replicates = OptionRanges.Between("--replicates", parse.GetValue(replicates), 2, most, $"expected 2 to {most}"),
                Seed = inputs.Seed(parse),
                SelectGroups = ks,
                Fit = fitOptions,
            };
            var input = inputs.Input(parse);
            if (input is null && family.Name is not ("poisson" or "zip"))
            {
                throw new UsageException($"--family: the standard design (no INPUT) is poisson or zip; for {family.Name}, give INPUT and study a fit to it.");
            }

            var n = OptionRanges.Between("--persons", parse.GetValue(persons), 10, 10_000_000, "expected 10 to 10 000 000");
            using var folder = CliOutput.Open(context, parse.GetValue(output)!);
            StudyTruth truth;
            string source;
            if (input is null)
            {
                truth = StudyTruth.FromDesign(GbtmSimulator.StandardDesign(n, k, order, family.Name == "zip"));
                source = string.Create(CultureInfo.InvariantCulture, $"standard design: {n} persons, {k} groups of order {order}, {family.Name}");
            }
            else
            {
                var loaded = inputs.Load(parse, family);
                var spec = inputs.Bound(parse, family, order, k, loaded.Panel);
                var fit = ConsoleProgress.Run(context, "fitting the planted model", progress => FitSettings.Fit(loaded.Panel, spec, fitOptions, progress));
                truth = StudyTruth.FromFit(fit, loaded.Panel);
                source = $"the fit of {fit.Model.Label} to {input}, on its design";
            }

            var result = ReplicateProgressBar.Run(context, "data sets", progress => EstimatorStudy.Run(truth, options, progress));
            InferenceJson.Write(folder.PathOf("study.json"), result, source);
            TableWriter.WriteBoth(InferenceTables.StudyParameters(result), folder.Staging, "study_parameters");
            if (ks is not null)
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

            if (ks is not null)
            {
                context.Out.WriteLine("BIC chose: " + string.Join(", ", ks.Select(g => $"K = {g}: {result.Selected.GetValueOrDefault(g)}")));
            }

            context.Out.WriteLine($"written to {folder.Target}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
