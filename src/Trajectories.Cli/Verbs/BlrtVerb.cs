using System.CommandLine;
using System.Globalization;
using Trajectories.Core.Estimation;
using Trajectories.Core.Inference;
using Trajectories.Core.Results;
using Trajectories.Registers.Panels;
using Trajectories.Reporting.Fits;
using Trajectories.Reporting.Inference;
using Trajectories.Reporting.Output;

namespace Trajectories.Cli.Verbs;

/// <summary><c>trajectories blrt</c>: the bootstrap likelihood-ratio test of K − 1 against K groups.</summary>
public sealed class BlrtVerb : IReplicatedVerb
{
    private readonly ModelInputs _inputs = new("Random starts of the global search of each model, on the data and on every replicate (10). Each replicate's larger model also starts from its smaller model's solution.");
    private readonly Option<int> _groups = new("--groups", "-k") { Description = "K, the larger model's number of groups (2–50): the test is of K − 1 groups against K.", Required = true };
    private readonly Option<double> _alpha = new("--alpha") { Description = "The level the p-value is compared with (0–1, exclusive).", DefaultValueFactory = _ => new BlrtOptions().Alpha };
    private readonly Option<double> _precision = new("--precision") { Description = "Stop once the p-value's Monte Carlo standard error is at most this (0–1, exclusive).", DefaultValueFactory = _ => new BlrtOptions().Precision };
    private readonly Option<int> _minReplicates = new("--min-replicates") { Description = "Fewest replicates before the test may stop (1–100 000).", DefaultValueFactory = _ => new BlrtOptions().MinReplicates };
    private readonly Option<int> _maxReplicates = new("--max-replicates") { Description = "Most replicates (at least --min-replicates, at most 100 000).", DefaultValueFactory = _ => new BlrtOptions().MaxReplicates };
    private readonly Option<string> _output = new("--out", "-o") { Description = CliOutput.Help("Folder for blrt.json, blrt_replicates.csv/.parquet and both models' JSON"), Required = true };

    /// <inheritdoc />
    public string Name => "blrt";

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var command = new Command(
            Name,
            "Bootstrap likelihood-ratio test of K − 1 against K groups (Mplus TECH14): replicates are drawn from the (K − 1)-group fit on the data's own "
            + "design, both models refitted to each; the number of replicates adapts to the p-value (stops when the decision at --alpha is settled at "
            + "95 % confidence, or the p-value's Monte Carlo SE reaches --precision).");
        _inputs.AddTo(command);
        foreach (var option in new Option[] { _groups, _alpha, _precision, _minReplicates, _maxReplicates, _output })
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
        var (loaded, small, large) = Load(parse, model, folder, CliContext.Silent());
        return BootstrapLikelihoodRatio.Plan(loaded.Panel, small, large, options);
    }

    private (ModelChoice Model, BlrtOptions Options) Check(ParseResult parse)
    {
        var k = parse.GetValue(_groups);
        OptionRanges.Between("--groups", k, 2, 50, "expected 2 to 50 (the test is of K − 1 against K groups)");
        var model = _inputs.Check(parse, k - 1);
        var most = OptionRanges.MaxStarts;
        var options = new BlrtOptions
        {
            Alpha = OptionRanges.OpenFraction("--alpha", parse.GetValue(_alpha)),
            Precision = OptionRanges.OpenFraction("--precision", parse.GetValue(_precision)),
            MinReplicates = OptionRanges.Between("--min-replicates", parse.GetValue(_minReplicates), 1, most, $"expected 1 to {most}"),
            MaxReplicates = OptionRanges.Between("--max-replicates", parse.GetValue(_maxReplicates), 1, most, $"expected 1 to {most}"),
            Seed = _inputs.Seed(parse),
            Fit = model.Fit,
        };
        return options.MaxReplicates < options.MinReplicates
            ? throw new UsageException($"--max-replicates: {options.MaxReplicates} is below --min-replicates {options.MinReplicates}.")
            : (model, options);
    }

    private (LoadedPanel Loaded, TrajectoryFit Small, TrajectoryFit Large) Load(ParseResult parse, ModelChoice model, string folder, CliContext context)
    {
        var k = parse.GetValue(_groups);
        var loaded = _inputs.Load(parse, model, folder);
        var prepared = PreparedPanel.Prepare(loaded.Panel, model.Family);
        var smallSpec = _inputs.Bound(parse, model, k - 1, loaded.Panel);
        var largeSpec = _inputs.Bound(parse, model, k, loaded.Panel);
        var (small, large) = ConsoleProgress.Run(context, "fitting both models", _ =>
        {
            var s = FitSettings.Fit(prepared, smallSpec, model.Fit, []);
            return (s, FitSettings.Fit(prepared, largeSpec, model.Fit, [s]));
        });
        return (loaded, small, large);
    }

    private int Execute(ParseResult parse, CliContext context)
    {
        var k = parse.GetValue(_groups);
        var (model, options) = Check(parse);
        using var folder = CliOutput.Open(context, parse.GetValue(_output)!);
        var (loaded, small, large) = Load(parse, model, Environment.CurrentDirectory, context);
        using var cluster = ClusterOption.Connect(_inputs.Cluster, parse);
        var result = ReplicateProgressBar.Run(
            context, "bootstrap replicates", progress => BootstrapLikelihoodRatio.Test(loaded.Panel, small, large, options with { Runner = cluster }, progress));

        var provenance = _inputs.Provenance(parse, loaded, options.Fit);
        InferenceJson.Write(folder.PathOf("blrt.json"), result, _inputs.Input(parse)!);
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

        if (result.Stop == BlrtStop.Limit && 1.0 / (1 + result.Replicates) >= options.Alpha)
        {
            // (1 + 0)/(1 + R) is the smallest p-value R replicates can give: the test could not have rejected.
            context.Error.WriteLine(string.Create(c, $"warning: with {result.Replicates} replicates the smallest possible p-value is {1.0 / (1 + result.Replicates):F4}, not below alpha {options.Alpha}; raise --max-replicates."));
        }

        ClusterOption.Report(context, cluster);
        context.Out.WriteLine($"written to {folder.Target}");
        return ExitCodes.Success;
    }
}
