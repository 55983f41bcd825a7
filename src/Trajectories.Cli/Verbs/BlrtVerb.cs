using System.CommandLine;
using System.Globalization;
using Trajectories.Core.Estimation;
using Trajectories.Core.Inference;
using Trajectories.Reporting.Fits;
using Trajectories.Reporting.Inference;
using Trajectories.Reporting.Output;

namespace Trajectories.Cli.Verbs;

/// <summary><c>trajectories blrt</c>: the bootstrap likelihood-ratio test of K − 1 against K groups.</summary>
public sealed class BlrtVerb : IVerb
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var inputs = new ModelInputs("Random starts of the global search of each model, on the data and on every replicate (10). Each replicate's larger model also starts from its smaller model's solution.");
        var groups = new Option<int>("--groups", "-k") { Description = "K, the larger model's number of groups (2–50): the test is of K − 1 groups against K.", Required = true };
        var defaults = new BlrtOptions();
        var alpha = new Option<double>("--alpha") { Description = "The level the p-value is compared with (0–1, exclusive).", DefaultValueFactory = _ => defaults.Alpha };
        var precision = new Option<double>("--precision") { Description = "Stop once the p-value's Monte Carlo standard error is at most this (0–1, exclusive).", DefaultValueFactory = _ => defaults.Precision };
        var minReplicates = new Option<int>("--min-replicates") { Description = "Fewest replicates before the test may stop (1–100 000).", DefaultValueFactory = _ => defaults.MinReplicates };
        var maxReplicates = new Option<int>("--max-replicates") { Description = "Most replicates (at least --min-replicates, at most 100 000).", DefaultValueFactory = _ => defaults.MaxReplicates };
        var output = new Option<string>("--out", "-o") { Description = CliOutput.Help("Folder for blrt.json, blrt_replicates.csv/.parquet and both models' JSON"), Required = true };

        var command = new Command(
            "blrt",
            "Bootstrap likelihood-ratio test of K − 1 against K groups (Mplus TECH14): replicates are drawn from the (K − 1)-group fit on the data's own "
            + "design, both models refitted to each; the number of replicates adapts to the p-value (stops when the decision at --alpha is settled at "
            + "95 % confidence, or the p-value's Monte Carlo SE reaches --precision).");
        inputs.AddTo(command);
        foreach (var option in new Option[] { groups, alpha, precision, minReplicates, maxReplicates, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var k = parse.GetValue(groups);
            OptionRanges.Between("--groups", k, 2, 50, "expected 2 to 50 (the test is of K − 1 against K groups)");
            var (family, order, fitOptions) = inputs.Check(parse, k - 1);
            var most = OptionRanges.MaxStarts;
            var options = new BlrtOptions
            {
                Alpha = OptionRanges.OpenFraction("--alpha", parse.GetValue(alpha)),
                Precision = OptionRanges.OpenFraction("--precision", parse.GetValue(precision)),
                MinReplicates = OptionRanges.Between("--min-replicates", parse.GetValue(minReplicates), 1, most, $"expected 1 to {most}"),
                MaxReplicates = OptionRanges.Between("--max-replicates", parse.GetValue(maxReplicates), 1, most, $"expected 1 to {most}"),
                Seed = inputs.Seed(parse),
                Fit = fitOptions,
            };
            if (options.MaxReplicates < options.MinReplicates)
            {
                throw new UsageException($"--max-replicates: {options.MaxReplicates} is below --min-replicates {options.MinReplicates}.");
            }

            using var folder = CliOutput.Open(context, parse.GetValue(output)!);
            var loaded = inputs.Load(parse, family);
            var panel = loaded.Panel;
            var prepared = PreparedPanel.Prepare(panel, family);
            var smallSpec = inputs.Bound(parse, family, order, k - 1, panel);
            var largeSpec = inputs.Bound(parse, family, order, k, panel);
            var (small, large) = ConsoleProgress.Run(context, "fitting both models", _ =>
            {
                var s = FitSettings.Fit(prepared, smallSpec, fitOptions, []);
                return (s, FitSettings.Fit(prepared, largeSpec, fitOptions, [s]));
            });
            var result = ReplicateProgressBar.Run(context, "bootstrap replicates", progress => BootstrapLikelihoodRatio.Test(panel, small, large, options, progress));

            var provenance = new FitProvenance(loaded.Source, InputLoading.FormatText(loaded.Format), inputs.Exposure(parse), loaded.DroppedPersons, fitOptions.Seed);
            InferenceJson.Write(folder.PathOf("blrt.json"), result, inputs.Input(parse)!);
            TableWriter.WriteBoth(InferenceTables.Replicates(result), folder.Staging, "blrt_replicates");
            ModelJson.Write(folder.PathOf("null_model.json"), small, provenance);
            ModelJson.Write(folder.PathOf("alternative_model.json"), large, provenance);
            folder.Publish();

            var c = CultureInfo.InvariantCulture;
            context.Out.WriteLine(string.Create(c, $"BLRT of {k - 1} against {k} groups: LR = {result.Statistic:F3}, p = {result.PValue:F4} (Monte Carlo SE {result.MonteCarloError:F4}; {result.Replicates} replicates, stopped by {InferenceJson.StopText(result.Stop)})"));
            context.Out.WriteLine(result.Rejects
                ? string.Create(c, $"{k} groups fit better than {k - 1} at alpha {options.Alpha}.")
                : string.Create(c, $"{k} groups do not fit significantly better than {k - 1} at alpha {options.Alpha}."));
            if (result.Failed > 0)
            {
                context.Error.WriteLine($"warning: {result.Failed} replicate(s) could not be fitted and were left out of the p-value.");
            }

            context.Out.WriteLine($"written to {folder.Target}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
