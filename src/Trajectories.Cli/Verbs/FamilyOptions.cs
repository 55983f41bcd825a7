using System.CommandLine;
using Trajectories.Core.Estimation;
using Trajectories.Core.Families;
using Trajectories.Core.Panels;
using Trajectories.Registers.Panels;

namespace Trajectories.Cli.Verbs;

/// <summary>The family options shared by <c>fit</c> and <c>select</c> (PROC TRAJ's MODEL, IORDER, MIN and MAX).</summary>
public static class FamilyOptions
{
    /// <summary>Families the command line offers.</summary>
    public static IReadOnlyList<string> Names => FamilyCatalog.Names;

    /// <summary>The families for count data (a register's yearly cases).</summary>
    public static IReadOnlyList<string> CountNames => [.. FamilyCatalog.All.Where(f => f.Outcome == OutcomeKind.Count).Select(f => f.Name)];

    /// <summary>--family; <paramref name="countsOnly"/> offers only the count families (for <c>analyze</c>, whose register holds case counts).</summary>
    public static Option<string> Family(bool countsOnly = false)
    {
        var option = new Option<string>("--family")
        {
            Description = "Distribution of an outcome given its group (PROC TRAJ's MODEL): poisson (counts, ZIP without inflation), "
                + "zip (zero-inflated Poisson, see --iorder), nb (negative binomial: counts with a dispersion per group), "
                + "frailty (Poisson with a person-level gamma frailty per group: persons of one group offend at persistently different levels)"
                + (countsOnly ? "." : ", logit (0/1 per time), cnorm (censored normal for scores, needs --min and --max)."),
            DefaultValueFactory = _ => "poisson",
        };
        option.AcceptOnlyFromAmong([.. countsOnly ? CountNames : Names]);
        return option;
    }

    /// <summary>
    /// --family of <c>analyze</c>: one or more count families, comma-separated, whose grids are searched together
    /// (default poisson,frailty; see <c>AnalysisOptions.Families</c>).
    /// </summary>
    public static Option<string> CountFamilies() => new("--family")
    {
        Description = "Count families of the selection grid, comma-separated (default poisson,frailty): poisson, zip (zero-inflated, see --iorder), "
            + "nb (negative binomial), frailty (Poisson with a person-level gamma frailty per group). The smallest BIC among adequate models of all of them is chosen.",
        DefaultValueFactory = _ => "poisson,frailty",
    };

    /// <summary>The families of a <see cref="CountFamilies"/> value, in the order given, without repeats.</summary>
    /// <exception cref="UsageException">An empty list, or a name that is not a count family.</exception>
    public static IReadOnlyList<ITrajectoryFamily> ParseCountFamilies(string value)
    {
        var names = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            throw new UsageException($"--family needs at least one of {string.Join(", ", CountNames)}.");
        }

        return names.Select(n => FamilyCatalog.Find(n) is { Outcome: OutcomeKind.Count } f
            ? f
            : throw new UsageException($"--family: '{n}' is not a count family; expected one or more of {string.Join(", ", CountNames)}, comma-separated.")).Distinct().ToArray();
    }

    /// <summary>--iorder.</summary>
    public static Option<string?> InflationOrder() =>
        new("--iorder") { Description = "ZIP zero-inflation order per group (PROC TRAJ's IORDER: −1 none, 0 constant, 1.. polynomial), one for all or one per group. Default 0 for zip." };

    /// <summary>--min.</summary>
    public static Option<double?> Min() =>
        new("--min") { Description = "cnorm: the minimum of the scale (PROC TRAJ's MIN); values at or below it are censored there." };

    /// <summary>--max.</summary>
    public static Option<double?> Max() =>
        new("--max") { Description = "cnorm: the maximum of the scale (PROC TRAJ's MAX); values at or above it are censored there." };

    /// <summary>--risk.</summary>
    public static Option<string?> Risk() =>
        new("--risk") { Description = "CSV of risk factors on group membership (PROC TRAJ's RISK): person_id, then one numeric column per covariate (categorical ones as 0/1 columns); every column enters a multinomial logit of membership." };

    /// <summary>--tcov.</summary>
    public static Option<string?> Tcov() =>
        new("--tcov") { Description = "Long CSV of time-varying covariates (PROC TRAJ's TCOV): person_id,time,NAME1[,NAME2…], a row for every observed person-year; each group gets its own coefficient of each, added to its trajectory. Trajectories are reported at the persons' mean covariates at each time." };

    /// <summary>--tcov-at.</summary>
    public static Option<string?> TcovAt() =>
        new("--tcov-at") { Description = "With --tcov: report the trajectories at these covariate values, e.g. detention=0,work=1 (a covariate not named stays at its persons' mean at each time)." };

    /// <summary>Parses --tcov-at against the covariates read; null when not given.</summary>
    /// <exception cref="UsageException">Without --tcov, a malformed pair, an unknown name or a value that is not a number.</exception>
    public static IReadOnlyDictionary<string, double>? ReportAt(string? text, IReadOnlyList<string>? names)
    {
        if (text is null)
        {
            return null;
        }

        if (names is null)
        {
            throw new UsageException("--tcov-at applies with --tcov only (it chooses the covariate values of the reported trajectories).");
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var pair in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !names.Contains(parts[0]) || values.ContainsKey(parts[0])
                || !double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            {
                throw new UsageException($"--tcov-at: '{pair}' is not NAME=VALUE with NAME one of {string.Join(", ", names)} (each once) and VALUE a number.");
            }

            values.Add(parts[0], v);
        }

        return values;
    }

    /// <summary>--refgroup.</summary>
    public static Option<int> RefGroup() =>
        new("--refgroup") { Description = "With --risk: the group the membership coefficients and odds ratios are relative to (PROC TRAJ's REFGROUP).", DefaultValueFactory = _ => 1 };

    /// <summary>Checks --refgroup against the numbers of groups and that it comes with --risk.</summary>
    public static void CheckRefGroup(int refGroup, string? risk, int smallestK)
    {
        if (refGroup != 1 && risk is null)
        {
            throw new UsageException("--refgroup applies with --risk only (it chooses the reference of the membership coefficients).");
        }

        if (refGroup < 1 || refGroup > smallestK)
        {
            throw new UsageException($"--refgroup {refGroup} is not a group of every model (1–{smallestK}).");
        }
    }

    /// <summary>The family of a name and its censoring bounds.</summary>
    /// <exception cref="UsageException">Bounds missing for cnorm, given for another family, not finite, or not increasing.</exception>
    public static ITrajectoryFamily Create(string name, double? min, double? max)
    {
        OptionRanges.Finite("--min", min);
        OptionRanges.Finite("--max", max);
        if (min is { } lo && max is { } hi && lo >= hi)
        {
            throw new UsageException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"--min: {lo} is not below --max {hi} (the censoring bounds of cnorm)."));
        }

        try
        {
            return FamilyCatalog.Create(name, min, max);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>Refuses --iorder for a family whose second predictor is not an inflation polynomial.</summary>
    public static void CheckInflationOrder(ITrajectoryFamily family, string? inflation)
    {
        if (inflation is not null && family.Secondary is not { Shape: SecondaryShape.Polynomial })
        {
            throw new UsageException($"--iorder applies to --family zip only, not to {family.Name}.");
        }
    }

    /// <summary>
    /// Reads INPUT with the family's outcome rule and the covariate files (--risk, --tcov), and the covariate values
    /// of the reported trajectories (--tcov-at, checked against the covariates read; --tcov-at without --tcov is
    /// refused before anything is read).
    /// </summary>
    public static (LoadedPanel Loaded, IReadOnlyDictionary<string, double>? ReportAt) Load(
        string input, string? exposure, ITrajectoryFamily family, string? risk, string? tcov, string? tcovAt)
    {
        if (tcov is null)
        {
            ReportAt(tcovAt, null);
        }

        var loaded = InputLoading.LoadPanel(input, exposure, family, risk, tcov);
        return (loaded, ReportAt(tcovAt, loaded.Panel.TimeCovariates?.Names));
    }

    /// <summary><paramref name="spec"/> with the panel's risk factors and time-varying covariates (all of each file's columns).</summary>
    public static ModelSpecification Bind(ModelSpecification spec, CountPanel panel) =>
        spec.WithRiskFactors(panel.Covariates?.Names ?? []).WithTimeCovariates(panel.TimeCovariates?.Names ?? []);

    /// <summary>Refuses a register folder (yearly case counts) for a family whose outcome is not a count.</summary>
    public static void CheckInput(ITrajectoryFamily family, string input)
    {
        if (family.Outcome != OutcomeKind.Count && Directory.Exists(input))
        {
            throw new UsageException($"{input} is a register folder, whose outcomes are yearly case counts: fit it with a count family (poisson, zip, nb), not {family.Name}.");
        }
    }

    /// <summary>Refuses a folder given as --exposure, --risk or --tcov, before the output folder is claimed.</summary>
    public static void CheckFiles(string? exposure, string? risk, string? tcov)
    {
        InputFiles.NotAFolder("--exposure", exposure);
        InputFiles.NotAFolder("--risk", risk);
        InputFiles.NotAFolder("--tcov", tcov);
    }

    /// <summary>Refuses an exposure file for a family that has no exposure.</summary>
    public static void CheckExposure(ITrajectoryFamily family, string? exposure)
    {
        if (exposure is not null && !family.UsesExposure)
        {
            throw new UsageException($"--exposure applies to the count families (poisson, zip, nb), not to {family.Name}: time at risk is an offset of a rate.");
        }
    }

    /// <summary>The model for a family, K, orders and optional inflation orders.</summary>
    public static ModelSpecification Specification(ITrajectoryFamily family, int groups, int[] orders, string? inflation)
    {
        GridChecks.Groups("--groups", [groups]);
        CheckInflationOrder(family, inflation);
        GridChecks.Orders("--order", orders);
        var iorders = inflation is null ? null : ListOption.Integers("--iorder", inflation);
        if (iorders is not null)
        {
            GridChecks.InflationOrders("--iorder", iorders);
        }

        try
        {
            return ModelSpecification.Of(family, groups, orders, iorders);
        }
        catch (ModelSpecificationException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
