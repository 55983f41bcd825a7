using System.CommandLine;
using System.Globalization;
using Trajectories.Core.Estimation;
using Trajectories.Core.Results;
using Trajectories.Reporting.Fits;
using Trajectories.Reporting.Output;

namespace Trajectories.Cli.Verbs;

/// <summary><c>trajectories fit</c>: one group-based trajectory model.</summary>
public sealed class FitVerb : IVerb
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var input = new Argument<string>("INPUT") { Description = "Wide CSV (person_id,8,9,…), long CSV/Parquet (person_id,time,count[,exposure]; count holds the outcome: a count, 0/1 or a score) or a register folder (its offender panel)." };
        var family = FamilyOptions.Family();
        var groups = new Option<int>("--groups", "-k") { Description = "Number of groups K.", Required = true };
        var order = new Option<string>("--order") { Description = "Polynomial order, one for all groups or one per group (0–5), e.g. 2 or 1,2,3,3.", DefaultValueFactory = _ => "2" };
        var iorder = FamilyOptions.InflationOrder();
        var min = FamilyOptions.Min();
        var max = FamilyOptions.Max();
        var risk = FamilyOptions.Risk();
        var tcov = FamilyOptions.Tcov();
        var tcovAt = FamilyOptions.TcovAt();
        var refGroup = FamilyOptions.RefGroup();
        var exposure = new Option<string?>("--exposure") { Description = "Wide CSV of time at risk in (0,1], same shape as a wide INPUT (e.g. crimCV's TO1Risk); count families (poisson, zip, nb) only." };
        var starts = new Option<int>("--starts") { Description = "Number of starts of the global search.", DefaultValueFactory = _ => 20 };
        var replications = FitSettings.Replications();
        var maxStarts = FitSettings.MaxStarts();
        var seed = new Option<int>("--seed") { Description = "Seed of the start scheme (same seed, same result, whatever the thread count).", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (0 = all cores). Results do not depend on it.", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out", "-o") { Description = CliOutput.Help("Folder for model.json, posteriors.csv/.parquet, trajectories.csv/.parquet"), Required = true };

        var command = new Command("fit", "Fit one group-based trajectory model and write model.json, posteriors and trajectories.");
        foreach (var option in new Option[] { family, groups, order, iorder, min, max, risk, refGroup, tcov, tcovAt, exposure, starts, replications, maxStarts, seed, threads, output })
        {
            command.Options.Add(option);
        }

        command.Arguments.Add(input);
        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            var fam = FamilyOptions.Create(parse.GetValue(family)!, parse.GetValue(min), parse.GetValue(max));
            FamilyOptions.CheckExposure(fam, parse.GetValue(exposure));
            FamilyOptions.CheckInput(fam, parse.GetValue(input)!);
            var k = parse.GetValue(groups);
            var spec = FamilyOptions.Specification(fam, k, ListOption.Integers("--order", parse.GetValue(order)!), parse.GetValue(iorder));
            FamilyOptions.CheckRefGroup(parse.GetValue(refGroup), parse.GetValue(risk), k);
            var options = FitSettings.Options(parse.GetValue(starts), parse.GetValue(seed), parse.GetValue(threads), parse.GetValue(replications), parse.GetValue(maxStarts));
            var outDir = parse.GetValue(output)!;
            using var folder = CliOutput.Open(context, outDir);
            var (loaded, reportAt) = FamilyOptions.Load(parse.GetValue(input)!, parse.GetValue(exposure), fam, parse.GetValue(risk), parse.GetValue(tcov), parse.GetValue(tcovAt));
            options = options with { ReportCovariates = reportAt };
            spec = FamilyOptions.Bind(spec, loaded.Panel);
            var fit = ConsoleProgress.Run(context, "fitting", progress => FitSettings.Fit(loaded.Panel, spec, options, progress));
            var provenance = new FitProvenance(loaded.Source, InputLoading.FormatText(loaded.Format), parse.GetValue(exposure), loaded.DroppedPersons, options.Seed);
            ModelJson.Write(folder.PathOf("model.json"), fit, provenance, parse.GetValue(refGroup));
            TableWriter.WriteBoth(FitTables.Posteriors(fit.Posteriors), folder.Staging, "posteriors");
            TableWriter.WriteBoth(FitTables.Trajectories(fit.Trajectories), folder.Staging, "trajectories");
            folder.Publish();
            Summary(context.Out, fit, folder.Target, parse.GetValue(refGroup));
            if (!fit.Converged)
            {
                // A flagged fit is still a result (PROC TRAJ and traj also report it with a warning); exit 1 is kept
                // for models that cannot be fitted at all, where nothing is written.
                context.Error.WriteLine($"warning: the fit did not converge ({ModelJson.StopReasonText(fit.StopReason)}); model.json says converged: false.");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void Summary(TextWriter output, TrajectoryFit fit, string target, int refGroup)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{fit.Family}, {fit.Groups.Count} groups: log-likelihood {fit.LogLikelihood:F3}, BIC(persons) {fit.BicPersons:F2}, BIC(observations) {fit.BicObservations:F2}, AIC {fit.Aic:F2}, entropy {fit.Entropy:F3}"));
        output.WriteLine(string.Create(c, $"{fit.PersonCount} persons, {fit.ObservationCount} observations, {fit.PatternCount} distinct patterns; {ModelJson.StopReasonText(fit.StopReason)} after {fit.Iterations} iterations in {fit.Seconds:F2} s"));
        output.WriteLine(SearchText.Line(fit.Search));
        foreach (var g in fit.Groups)
        {
            output.WriteLine(string.Create(c, $"  group {g.Index}: share {g.Share:P1} (assigned {g.AssignedShare:P1}), AvePP {Show(g.AvePP)}, OCC {Show(g.Occ)}, order {g.Order}{(g.InflationOrder >= 0 ? $", iorder {g.InflationOrder}" : string.Empty)}{Natural(g)}{Tcov(g)}{(g.Degenerate ? "  DEGENERATE" : string.Empty)}"));
        }

        if (fit.MembershipRelativeTo(refGroup) is { } membership)
        {
            output.WriteLine(string.Create(c, $"membership (multinomial logit, reference group {membership.ReferenceGroup}):"));
            foreach (var m in membership.Coefficients.Where(m => m.Covariate != MembershipEstimate.Intercept))
            {
                output.WriteLine(string.Create(c, $"  group {m.Group}, {m.Covariate}: {m.Estimate:F3} (SE {Show(m.Se)}), odds ratio {m.OddsRatio:F3}, p {P(m.P)}"));
            }

            foreach (var t in membership.Tests)
            {
                output.WriteLine(string.Create(c, $"  {t.Covariate}: Wald χ²({t.Df}) {Show(t.Chi2)}, p {P(t.P)}"));
            }
        }

        foreach (var warning in fit.Warnings)
        {
            output.WriteLine($"warning: {warning}");
        }

        output.WriteLine($"written to {target}");
    }

    /// <summary>The group's time-varying covariate coefficients, e.g. ", detention −0.81 (SE 0.12)".</summary>
    private static string Tcov(GroupEstimate g) =>
        string.Concat(g.TimeCovariates.Select(c => string.Create(CultureInfo.InvariantCulture, $", {c.Name} {c.Estimate:F3} (SE {Show(c.Se)})")));

    /// <summary>A constant second predictor on its natural scale, e.g. ", dispersion 0.42 (SE 0.05)".</summary>
    private static string Natural(GroupEstimate g) =>
        g.Secondary is { Natural: { } v } s
            ? string.Create(CultureInfo.InvariantCulture, $", {s.Predictor.Key} {v:G4}{(s.NaturalSe is { } se ? $" (SE {se:G3})" : string.Empty)}")
            : string.Empty;

    private static string P(double? p) => p switch
    {
        null => "–",
        < 0.001 => "< 0.001",
        { } v => v.ToString("F3", CultureInfo.InvariantCulture),
    };

    private static string Show(double? value) => value is { } v ? v.ToString("F2", CultureInfo.InvariantCulture) : "–";
}
