using System.CommandLine;
using System.Globalization;
using Trajectories.Core.Inference;
using Trajectories.Core.Results;
using Trajectories.Registers.Panels;
using Trajectories.Reporting.Fits;
using Trajectories.Reporting.Inference;
using Trajectories.Reporting.Output;

namespace Trajectories.Cli.Verbs;

/// <summary><c>trajectories bootstrap</c>: nonparametric bootstrap intervals of a model's shares, trajectories and coefficients.</summary>
public sealed class BootstrapVerb : IReplicatedVerb
{
    private readonly ModelInputs _inputs = new("Random starts of the global search of the model on the data (10), and on every sample with --full-search.");
    private readonly Option<int> _groups = new("--groups", "-k") { Description = "Number of groups K (1–50).", Required = true };
    private readonly Option<int> _replicates = new("--replicates") { Description = "Bootstrap samples (2–100 000).", DefaultValueFactory = _ => new BootstrapOptions().Replicates };
    private readonly Option<double> _level = new("--level") { Description = "Confidence level of the percentile intervals (0–1, exclusive).", DefaultValueFactory = _ => new BootstrapOptions().Level };
    private readonly Option<bool> _fullSearch = new("--full-search")
    {
        Description = "Also run the full random-start search on every sample, not only a run from the data's solution (about --starts times slower; "
            + "the intervals then also carry the search's uncertainty, and the count of samples with another optimum is reported).",
    };

    private readonly Option<string> _output = new("--out", "-o") { Description = CliOutput.Help("Folder for bootstrap.json, bootstrap.csv/.parquet and model.json"), Required = true };

    /// <inheritdoc />
    public string Name => "bootstrap";

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var command = new Command(
            Name,
            "Fit one model, then resample persons with replacement and refit it to each sample: percentile intervals and standard errors of the shares, "
            + "trajectories and coefficients. Each sample's groups are re-aligned to the data fit's by optimal assignment; samples whose groups cannot "
            + "be matched clearly are counted and left out.");
        _inputs.AddTo(command);
        foreach (var option in new Option[] { _groups, _replicates, _level, _fullSearch, _output })
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
        var (loaded, fit) = Load(parse, model, folder, CliContext.Silent());
        return Bootstrap.Plan(loaded.Panel, fit, options);
    }

    private (ModelChoice Model, BootstrapOptions Options) Check(ParseResult parse)
    {
        var model = _inputs.Check(parse, parse.GetValue(_groups));
        var most = OptionRanges.MaxStarts;
        return (model, new BootstrapOptions
        {
            Replicates = OptionRanges.Between("--replicates", parse.GetValue(_replicates), 2, most, $"expected 2 to {most}"),
            Level = OptionRanges.OpenFraction("--level", parse.GetValue(_level)),
            FullSearch = parse.GetValue(_fullSearch),
            Seed = _inputs.Seed(parse),
            Fit = model.Fit,
        });
    }

    private (LoadedPanel Loaded, TrajectoryFit Fit) Load(ParseResult parse, ModelChoice model, string folder, CliContext context)
    {
        var loaded = _inputs.Load(parse, model, folder);
        var spec = _inputs.Bound(parse, model, parse.GetValue(_groups), loaded.Panel);
        var fit = ConsoleProgress.Run(context, "fitting", progress => FitSettings.Fit(loaded.Panel, spec, model.Fit, progress));
        return (loaded, fit);
    }

    private int Execute(ParseResult parse, CliContext context)
    {
        var (model, options) = Check(parse);
        using var folder = CliOutput.Open(context, parse.GetValue(_output)!);
        var (loaded, fit) = Load(parse, model, Environment.CurrentDirectory, context);
        using var cluster = ClusterOption.Connect(_inputs.Cluster, parse);
        var result = ReplicateProgressBar.Run(context, "bootstrap samples", progress => Bootstrap.Run(loaded.Panel, fit, options with { Runner = cluster }, progress));

        var input = _inputs.Input(parse)!;
        ModelJson.Write(folder.PathOf("model.json"), fit, _inputs.Provenance(parse, loaded, options.Fit));
        InferenceJson.Write(folder.PathOf("bootstrap.json"), result, input);
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

        ClusterOption.Report(context, cluster);
        context.Out.WriteLine($"written to {folder.Target}");
        return ExitCodes.Success;
    }
}
