using System.CommandLine;
using System.Globalization;
using Trajectories.Core.Inference;
using Trajectories.Reporting.Fits;
using Trajectories.Reporting.Inference;
using Trajectories.Reporting.Output;

namespace Trajectories.Cli.Verbs;

/// <summary><c>trajectories bootstrap</c>: nonparametric bootstrap intervals of a model's shares, trajectories and coefficients.</summary>
public sealed class BootstrapVerb : IVerb
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var inputs = new ModelInputs("Random starts of the global search of the model on the data (10), and on every sample with --full-search.");
        var groups = new Option<int>("--groups", "-k") { Description = "Number of groups K (1–50).", Required = true };
        var defaults = new BootstrapOptions();
        var replicates = new Option<int>("--replicates") { Description = "Bootstrap samples (2–100 000).", DefaultValueFactory = _ => defaults.Replicates };
        var level = new Option<double>("--level") { Description = "Confidence level of the percentile intervals (0–1, exclusive).", DefaultValueFactory = _ => defaults.Level };
        var fullSearch = new Option<bool>("--full-search")
        {
            Description = "Also run the full random-start search on every sample, not only a run from the data's solution (about --starts times slower; "
                + "the intervals then also carry the search's uncertainty, and the count of samples with another optimum is reported).",
        };
        var output = new Option<string>("--out", "-o") { Description = CliOutput.Help("Folder for bootstrap.json, bootstrap.csv/.parquet and model.json"), Required = true };

        var command = new Command(
            "bootstrap",
            "Fit one model, then resample persons with replacement and refit it to each sample: percentile intervals and standard errors of the shares, "
            + "trajectories and coefficients. Each sample's groups are re-aligned to the data fit's by optimal assignment; samples whose groups cannot "
            + "be matched clearly are counted and left out.");
        inputs.AddTo(command);
        foreach (var option in new Option[] { groups, replicates, level, fullSearch, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var k = parse.GetValue(groups);
            var (family, order, fitOptions) = inputs.Check(parse, k);
            var most = OptionRanges.MaxStarts;
            var options = new BootstrapOptions
            {
                Replicates = OptionRanges.Between("--replicates", parse.GetValue(replicates), 2, most, $"expected 2 to {most}"),
                Level = OptionRanges.OpenFraction("--level", parse.GetValue(level)),
                FullSearch = parse.GetValue(fullSearch),
                Seed = inputs.Seed(parse),
                Fit = fitOptions,
            };

            using var folder = CliOutput.Open(context, parse.GetValue(output)!);
            var loaded = inputs.Load(parse, family);
            var spec = inputs.Bound(parse, family, order, k, loaded.Panel);
            var fit = ConsoleProgress.Run(context, "fitting", progress => FitSettings.Fit(loaded.Panel, spec, fitOptions, progress));
            var result = ReplicateProgressBar.Run(context, "bootstrap samples", progress => Bootstrap.Run(loaded.Panel, fit, options, progress));

            var provenance = new FitProvenance(loaded.Source, InputLoading.FormatText(loaded.Format), inputs.Exposure(parse), loaded.DroppedPersons, fitOptions.Seed);
            ModelJson.Write(folder.PathOf("model.json"), fit, provenance);
            InferenceJson.Write(folder.PathOf("bootstrap.json"), result, inputs.Input(parse)!);
            TableWriter.WriteBoth(InferenceTables.Intervals(result), folder.Staging, "bootstrap");
            folder.Publish();

            var c = CultureInfo.InvariantCulture;
            context.Out.WriteLine($"{fit.Model.Label}: {result.Used} of {result.Replicates} samples used ({result.Unmatched} unmatched, {result.Failed} failed)");
            foreach (var share in result.Intervals.Where(i => i.Quantity == BootstrapQuantity.Share))
            {
                context.Out.WriteLine(string.Create(c, $"  group {share.Group}: share {share.Estimate:P1}, {options.Level:P0} interval {share.Lower:P1} – {share.Upper:P1} (SE {share.Se:P1})"));
            }

            if (result.Used < result.Replicates / 2)
            {
                context.Error.WriteLine("warning: fewer than half of the samples could be used; the groups are not stable under resampling, and the intervals describe only the samples that matched.");
            }

            context.Out.WriteLine($"written to {folder.Target}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
