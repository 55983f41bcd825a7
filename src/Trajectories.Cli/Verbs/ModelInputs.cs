using System.CommandLine;
using Trajectories.Core.Estimation;
using Trajectories.Core.Families;
using Trajectories.Core.Panels;
using Trajectories.Registers.Panels;
using Trajectories.Reporting.Fits;

namespace Trajectories.Cli.Verbs;

/// <summary>
/// The input and model options the inference verbs (<c>blrt</c>, <c>bootstrap</c>, <c>cve</c>) share with <c>fit</c>:
/// INPUT and its covariate files, the family, orders, starts, seed and threads, checked in fit's order (options, then
/// files, before --out is claimed).
/// </summary>
internal sealed class ModelInputs
{
    private readonly Argument<string?> _input;
    private readonly Option<string> _family = FamilyOptions.Family();
    private readonly Option<string> _order = new("--order") { Description = "Polynomial order of every group (0–5).", DefaultValueFactory = _ => "2" };
    private readonly Option<string?> _iorder = FamilyOptions.InflationOrder();
    private readonly Option<double?> _min = FamilyOptions.Min();
    private readonly Option<double?> _max = FamilyOptions.Max();
    private readonly Option<string?> _risk = FamilyOptions.Risk();
    private readonly Option<string?> _tcov = FamilyOptions.Tcov();
    private readonly Option<string?> _exposure = new("--exposure") { Description = "Wide CSV of time at risk in (0,1], same shape as a wide INPUT; count families (poisson, zip, nb) only." };
    private readonly Option<int> _starts;
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of the start scheme and of the replicates (same seed, same result, whatever the thread count).", DefaultValueFactory = _ => 1 };
    private readonly Option<string?> _cluster = ClusterOption.Create();
    private readonly Option<int> _threads = new("--threads") { Description = "Worker threads (0 = all cores); replicates run in parallel, one per thread. Results do not depend on it.", DefaultValueFactory = _ => 0 };

    /// <summary>The options, with <paramref name="startsHelp"/> for --starts (default 10); INPUT may be left out when <paramref name="inputHelp"/> says what then.</summary>
    public ModelInputs(string startsHelp, string? inputHelp = null)
    {
        _starts = new Option<int>("--starts") { Description = startsHelp, DefaultValueFactory = _ => 10 };
        _input = new Argument<string?>("INPUT")
        {
            Description = "Wide CSV, long CSV/Parquet or a register folder (as for fit)." + (inputHelp is null ? string.Empty : " " + inputHelp),
            Arity = inputHelp is null ? ArgumentArity.ExactlyOne : ArgumentArity.ZeroOrOne,
        };
    }

    /// <summary>Adds the argument and options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(_input);
        foreach (var option in new Option[] { _family, _order, _iorder, _min, _max, _risk, _tcov, _exposure, _starts, _seed, _threads, _cluster })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// Checks the options that need no file (exit 2), once per run, before --out is claimed: the family, the single order
    /// and the fit settings, which the verb then carries; also --cluster (<see cref="Cluster"/>).
    /// </summary>
    public ModelChoice Check(ParseResult parse, int smallestGroups)
    {
        ArgumentNullException.ThrowIfNull(parse);
        Cluster = ClusterOption.Parse("--cluster", parse.GetValue(_cluster));
        var family = FamilyOptions.Create(parse.GetValue(_family)!, parse.GetValue(_min), parse.GetValue(_max));
        FamilyOptions.CheckExposure(family, parse.GetValue(_exposure));
        FamilyOptions.CheckFiles(parse.GetValue(_exposure), parse.GetValue(_risk), parse.GetValue(_tcov));
        if (parse.GetValue(_input) is { } input)
        {
            FamilyOptions.CheckInput(family, input);
        }
        FamilyOptions.CheckInflationOrder(family, parse.GetValue(_iorder));
        var orders = ListOption.Integers("--order", parse.GetValue(_order)!);
        if (orders.Length != 1)
        {
            // Models with fewer or more groups must be defined from one another; per-group orders would leave open which group goes.
            throw new UsageException($"--order: give one order for every group (got {parse.GetValue(_order)}); per-group orders are for fit and select.");
        }

        _ = Specification(parse, family, orders[0], smallestGroups);
        var options = FitSettings.Options(parse.GetValue(_starts), parse.GetValue(_seed), parse.GetValue(_threads));
        return new ModelChoice(family, orders[0], options);
    }

    /// <summary>The model with <paramref name="groups"/> groups, every one of order <paramref name="order"/>.</summary>
    public ModelSpecification Specification(ParseResult parse, ITrajectoryFamily family, int order, int groups)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var iorder = parse.GetValue(_iorder);
        return FamilyOptions.Specification(family, groups, [order], iorder);
    }

    /// <summary>The --cluster of the last <see cref="Check"/>, or null for local threads.</summary>
    public ClusterTarget? Cluster { get; private set; }

    /// <summary>
    /// Reads INPUT and its covariate files, relative paths against <paramref name="folder"/> (the working folder; a
    /// cluster worker passes the coordinator's); the model is then bound to the covariates read.
    /// </summary>
    public LoadedPanel Load(ParseResult parse, ModelChoice model, string folder)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(model);
        var family = model.Family;
        string? Full(string? path) => path is null ? null : Path.GetFullPath(path, folder);
        return FamilyOptions.Load(Full(parse.GetValue(_input))!, Full(parse.GetValue(_exposure)), family, Full(parse.GetValue(_risk)), Full(parse.GetValue(_tcov)), null).Loaded;
    }

    /// <summary>The model of <paramref name="groups"/> groups bound to the loaded covariates.</summary>
    public ModelSpecification Bound(ParseResult parse, ModelChoice model, int groups, CountPanel panel)
    {
        ArgumentNullException.ThrowIfNull(model);
        return FamilyOptions.Bind(Specification(parse, model.Family, model.Order, groups), panel);
    }

    /// <summary>What a fit ran on, for model.json: INPUT as given.</summary>
    public FitProvenance Provenance(ParseResult parse, LoadedPanel loaded, FitOptions options)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(options);
        return new FitProvenance(Input(parse)!, InputLoading.FormatText(loaded.Format), Exposure(parse), loaded.DroppedPersons, options.Seed);
    }

    /// <summary>The seed option's value.</summary>
    public int Seed(ParseResult parse) => parse.GetValue(_seed);

    /// <summary>The input as the user named it (null when it may be and was left out).</summary>
    public string? Input(ParseResult parse) => parse.GetValue(_input);

    /// <summary>The exposure file, if any.</summary>
    public string? Exposure(ParseResult parse) => parse.GetValue(_exposure);
}

/// <summary>What <see cref="ModelInputs.Check"/> settled: the family, the order of every group, and the fit settings.</summary>
/// <param name="Family">The family.</param>
/// <param name="Order">The polynomial order of every group.</param>
/// <param name="Fit">Starts, seed and threads of every fit.</param>
internal sealed record ModelChoice(ITrajectoryFamily Family, int Order, FitOptions Fit);
