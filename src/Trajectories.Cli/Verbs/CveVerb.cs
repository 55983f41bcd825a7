using System.CommandLine;
using System.Globalization;
using Trajectories.Core.Estimation;
using Trajectories.Core.Inference;
using Trajectories.Core.Results;
using Trajectories.Reporting.Inference;
using Trajectories.Reporting.Output;

namespace Trajectories.Cli.Verbs;

/// <summary><c>trajectories cve</c>: crimCV's cross-validation error for a range of group numbers.</summary>
public sealed class CveVerb : IVerb
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var inputs = new ModelInputs("Random starts of the global search of each model on the data (10); the refits start from the data's solution, as crimCV's.");
        var groups = new Option<string>("--groups", "-k") { Description = "Numbers of groups to cross-validate (each 1–50), e.g. 1-4 or 2,3.", DefaultValueFactory = _ => "1-4" };
        var folds = new Option<int>("--folds") { Description = "0 (the default, crimCV's): leave one person out at a time; 2 or more: that many random folds.", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out", "-o") { Description = CliOutput.Help("Folder for cve.json and cve.csv/.parquet"), Required = true };

        var command = new Command(
            "cve",
            "Cross-validation error of each model (crimCV's definition): refit without the held-out persons from the data's solution, predict each "
            + "held-out person's outcomes by the group means weighted by their posterior, and average the absolute errors over the observed person-times. "
            + "The lowest CVE is crimCV's choice of K.");
        inputs.AddTo(command);
        foreach (var option in new Option[] { groups, folds, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var ks = ListOption.Range("--groups", parse.GetValue(groups)!);
            GridChecks.Groups("--groups", ks);
            var (family, order, fitOptions) = inputs.Check(parse, ks.Min());
            var foldCount = parse.GetValue(folds);
            if (foldCount is < 0 or 1)
            {
                throw new UsageException($"--folds: {foldCount.ToString(CultureInfo.InvariantCulture)} is out of range (expected 0 for leave-one-out, or 2 or more folds).");
            }

            var options = new CrossValidationOptions { Folds = foldCount, Seed = inputs.Seed(parse), Fit = fitOptions };
            using var folder = CliOutput.Open(context, parse.GetValue(output)!);
            var loaded = inputs.Load(parse, family);
            var panel = loaded.Panel;
            if (foldCount > panel.PersonCount)
            {
                throw new UsageException($"--folds: {foldCount} folds for {panel.PersonCount} persons (expected at most one fold per person).");
            }

            var prepared = PreparedPanel.Prepare(panel, family);
            var rows = new List<CrossValidationRow>();
            var fits = new List<TrajectoryFit>();
            foreach (var k in ks)
            {
                var spec = inputs.Bound(parse, family, order, k, panel);
                var fit = ConsoleProgress.Run(context, $"fitting K = {k}", _ => FitSettings.Fit(prepared, spec, fitOptions, fits));
                fits.Add(fit);
                var result = ReplicateProgressBar.Run(context, $"cross-validating K = {k}", progress => CrossValidation.Run(panel, fit, options, progress));
                rows.Add(new CrossValidationRow(k, fit.LogLikelihood, fit.BicPersons, result));
            }

            InferenceJson.Write(folder.PathOf("cve.json"), rows, inputs.Input(parse)!, options);
            TableWriter.WriteBoth(InferenceTables.CrossValidation(rows), folder.Staging, "cve");
            folder.Publish();

            var c = CultureInfo.InvariantCulture;
            context.Out.WriteLine(options.Folds == 0 ? "leave-one-out cross-validation (crimCV's CVE)" : $"{options.Folds}-fold cross-validation");
            context.Out.WriteLine("  K   log-likelihood   BIC (persons)        CVE       CVE2");
            foreach (var r in rows)
            {
                context.Out.WriteLine(string.Create(c, $"{r.Groups,3} {r.LogLikelihood,16:F3} {r.BicPersons,15:F2} {r.Result.Cve,10:F5} {r.Result.Cve2,10:F5}"));
            }

            if (rows.Where(r => double.IsFinite(r.Result.Cve)).MinBy(r => r.Result.Cve) is { } best)
            {
                context.Out.WriteLine($"lowest CVE: K = {best.Groups}");
            }

            var failed = rows.Sum(r => r.Result.Failed);
            if (failed > 0)
            {
                context.Error.WriteLine($"warning: {failed} refit(s) failed; their held-out persons are left out of the errors (cve.json: failed, persons_left_out).");
            }

            context.Out.WriteLine($"written to {folder.Target}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
