using System.CommandLine;
using System.Globalization;
using Trajectories.Core.Estimation;
using Trajectories.Core.Inference;
using Trajectories.Core.Results;
using Trajectories.Registers.Panels;
using Trajectories.Reporting.Inference;
using Trajectories.Reporting.Output;

namespace Trajectories.Cli.Verbs;

/// <summary><c>trajectories cve</c>: crimCV's cross-validation error for a range of group numbers.</summary>
public sealed class CveVerb : IReplicatedVerb
{
    private readonly ModelInputs _inputs = new("Random starts of the global search of each model on the data (10); the refits start from the data's solution, as crimCV's.");
    private readonly Option<string> _groups = new("--groups", "-k") { Description = "Numbers of groups to cross-validate (each 1–50), e.g. 1-4 or 2,3.", DefaultValueFactory = _ => "1-4" };
    private readonly Option<int> _folds = new("--folds") { Description = "0 (the default, crimCV's): leave one person out at a time; 2 or more: that many random folds.", DefaultValueFactory = _ => 0 };
    private readonly Option<bool> _fullSearch = new("--full-search")
    {
        Description = "Also run the full random-start search on every refit, not only crimCV's run from the data's solution (about --starts times slower); "
            + "cve.json counts the refits where it found a better optimum.",
    };

    private readonly Option<string> _output = new("--out", "-o") { Description = CliOutput.Help("Folder for cve.json and cve.csv/.parquet"), Required = true };

    /// <inheritdoc />
    public string Name => "cve";

    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var command = new Command(
            Name,
            "Cross-validation error of each model (crimCV's definition): refit without the held-out persons from the data's solution, predict each "
            + "held-out person's outcomes by the group means weighted by their posterior, and average the absolute errors over the observed person-times. "
            + "The lowest CVE is crimCV's choice of K.");
        _inputs.AddTo(command);
        foreach (var option in new Option[] { _groups, _folds, _fullSearch, _output })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CliApp.Guard(context, () => Execute(parse, context)));
        return command;
    }

    /// <inheritdoc />
    public IReplicatePlan Plan(ParseResult parse, string folder, int part)
    {
        var (ks, model, options) = Check(parse);
        var loaded = Load(parse, model, folder);
        var fits = Fits(parse, model, loaded, ks[..(part + 1)], CliContext.Silent(), (_, _) => { });
        return CrossValidation.Plan(loaded.Panel, fits[part], options);
    }

    private (int[] Groups, ModelChoice Model, CrossValidationOptions Options) Check(ParseResult parse)
    {
        var ks = ListOption.Range("--groups", parse.GetValue(_groups)!);
        GridChecks.Groups("--groups", ks);
        var model = _inputs.Check(parse, ks.Min());
        var folds = parse.GetValue(_folds);
        if (folds is < 0 or 1)
        {
            throw new UsageException($"--folds: {folds.ToString(CultureInfo.InvariantCulture)} is out of range (expected 0 for leave-one-out, or 2 or more folds).");
        }

        return (ks, model, new CrossValidationOptions { Folds = folds, Seed = _inputs.Seed(parse), FullSearch = parse.GetValue(_fullSearch), Fit = model.Fit });
    }

    private LoadedPanel Load(ParseResult parse, ModelChoice model, string folder)
    {
        var loaded = _inputs.Load(parse, model, folder);
        var folds = parse.GetValue(_folds);
        return folds > loaded.Panel.PersonCount
            ? throw new UsageException($"--folds: {folds} folds for {loaded.Panel.PersonCount} persons (expected at most one fold per person).")
            : loaded;
    }

    /// <summary>The models in order, each also started from the smaller ones' solutions; <paramref name="each"/> sees each fit as it is made.</summary>
    private List<TrajectoryFit> Fits(ParseResult parse, ModelChoice model, LoadedPanel loaded, int[] ks, CliContext context, Action<int, TrajectoryFit> each)
    {
        var prepared = PreparedPanel.Prepare(loaded.Panel, model.Family);
        var fits = new List<TrajectoryFit>();
        for (var i = 0; i < ks.Length; i++)
        {
            var spec = _inputs.Bound(parse, model, ks[i], loaded.Panel);
            var fit = ConsoleProgress.Run(context, $"fitting K = {ks[i]}", _ => FitSettings.Fit(prepared, spec, model.Fit, fits));
            fits.Add(fit);
            each(i, fit);
        }

        return fits;
    }

    private int Execute(ParseResult parse, CliContext context)
    {
        var (ks, model, options) = Check(parse);
        using var folder = CliOutput.Open(context, parse.GetValue(_output)!);
        var loaded = Load(parse, model, Environment.CurrentDirectory);
        using var cluster = ClusterOption.Connect(_inputs.Cluster, parse);
        var rows = new List<CrossValidationRow>();
        Fits(parse, model, loaded, ks, context, (i, fit) =>
        {
            var part = options with { Runner = cluster?.For(i) };
            var result = ReplicateProgressBar.Run(context, $"cross-validating K = {ks[i]}", progress => CrossValidation.Run(loaded.Panel, fit, part, progress));
            rows.Add(new CrossValidationRow(ks[i], fit.LogLikelihood, fit.BicPersons, result));
        });

        InferenceJson.Write(folder.PathOf("cve.json"), rows, _inputs.Input(parse)!, options);
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

        ClusterOption.Report(context, cluster);
        context.Out.WriteLine($"written to {folder.Target}");
        return ExitCodes.Success;
    }
}
