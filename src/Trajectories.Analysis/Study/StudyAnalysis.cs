using System.Globalization;
using Trajectories.Analysis.Comparisons;
using Trajectories.Analysis.Disclosure;
using Trajectories.Analysis.Profiles;
using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;
using Trajectories.Core.Results;
using Trajectories.Core.Selection;
using Trajectories.Registers.Columns;
using Trajectories.Registers.Io;
using Trajectories.Registers.Model;
using Trajectories.Registers.Panels;

namespace Trajectories.Analysis.Study;

/// <summary>
/// The study's analysis in one call: offender panel → model selection → labelled profiles → LVB and victimisation
/// comparisons with the matched controls → classification-uncertainty table, under disclosure control.
/// </summary>
public static class StudyAnalysis
{
    private static readonly LvbSource?[] LvbIndicators = [null, LvbSource.AO, LvbSource.CIZ, LvbSource.WSW];

    /// <summary>Runs the analysis on a loaded (validated) register and returns the published results only.</summary>
    /// <param name="register">The register, e.g. from <c>RegisterReader.LoadColumns</c>.</param>
    /// <param name="options">Grid, starts, seed, threads, selection criteria and disclosure rule.</param>
    /// <param name="progress">Receives one report per model fitted.</param>
    /// <exception cref="InputException">The register has no offenders or an empty control cohort.</exception>
    /// <exception cref="NoModelFittedException">No model of the grid could be fitted.</exception>
    public static AnalysisResult Run(ColumnarRegister register, AnalysisOptions options, IProgress<SelectionProgress>? progress = null) =>
        RunWithMicrodata(register, options, progress).Published;

    /// <summary>Runs the analysis on an in-memory register (e.g. the synthetic generator's) and returns the published results only.</summary>
    /// <exception cref="InputException">The register has no metadata, no offenders or an empty control cohort.</exception>
    /// <exception cref="NoModelFittedException">No model of the grid could be fitted.</exception>
    public static AnalysisResult Run(InMemoryRegister register, AnalysisOptions options, IProgress<SelectionProgress>? progress = null) =>
        RunWithMicrodata(ColumnarRegister.From(register), options, progress).Published;

    /// <summary>Runs the analysis on an in-memory register and returns the published results together with the (unpublishable) fit.</summary>
    /// <exception cref="InputException">The register has no metadata, no offenders or an empty control cohort.</exception>
    /// <exception cref="NoModelFittedException">No model of the grid could be fitted.</exception>
    public static AnalysisRun RunWithMicrodata(InMemoryRegister register, AnalysisOptions options, IProgress<SelectionProgress>? progress = null) =>
        RunWithMicrodata(ColumnarRegister.From(register), options, progress);

    /// <summary>Runs the analysis and returns the published results together with the (unpublishable) fit.</summary>
    /// <param name="register">The register.</param>
    /// <param name="options">Grid, starts, seed, threads, selection criteria and disclosure rule.</param>
    /// <param name="progress">Receives one report per model fitted.</param>
    /// <param name="stages">Receives the name and seconds of each stage (facts, panel, selection, comparisons) as it ends.</param>
    /// <exception cref="InputException">The register has no offenders or an empty control cohort.</exception>
    /// <exception cref="NoModelFittedException">No model of the grid could be fitted.</exception>
    public static AnalysisRun RunWithMicrodata(
        ColumnarRegister register, AnalysisOptions options, IProgress<SelectionProgress>? progress = null, Action<string, double>? stages = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RunWithMicrodata(StudyData.Prepare(register, options.RecentYears, stages), options, progress, stages);
    }

    /// <summary>
    /// Runs the analysis on prepared data (<see cref="StudyData.Prepare"/>; the register itself is no longer needed)
    /// and returns the published results together with the (unpublishable) fit.
    /// </summary>
    /// <param name="data">The per-person facts and the offender panel of the register.</param>
    /// <param name="options">Grid, starts, seed, threads, selection criteria and disclosure rule; its RecentYears must be the data's.</param>
    /// <param name="progress">Receives one report per model fitted.</param>
    /// <param name="stages">Receives the name and seconds of each stage (selection, the chosen model on all offenders, comparisons) as it ends.</param>
    /// <exception cref="NoModelFittedException">No model of the grid could be fitted.</exception>
    public static AnalysisRun RunWithMicrodata(
        StudyData data, AnalysisOptions options, IProgress<SelectionProgress>? progress = null, Action<string, double>? stages = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (data.RecentYears != options.RecentYears)
        {
            throw new ArgumentException($"the data were prepared for {data.RecentYears} recent years, the options ask for {options.RecentYears}.", nameof(options));
        }

        var meta = data.Metadata;
        var facts = data.Facts;
        var panel = data.Panel;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Stage(string name)
        {
            stages?.Invoke(name, clock.Elapsed.TotalSeconds);
            clock.Restart();
        }

        var cohorts = Enum.GetValues<Cohort>().Select(c => new Population(Codes.Of(c), facts.Cohort(c))).ToArray();
        var grid = options.Families.SelectMany(f => ModelSelector.Grid(f, options.Groups, options.Orders, [options.InflationOrder])).ToArray();
        var fitOptions = new FitOptions
        {
            Starts = options.Starts,
            Replications = options.Replications,
            MaxStarts = options.MaxStarts,
            Seed = options.Seed,
            Threads = options.Threads,
        };
        var sampled = options.SelectionSample > 0 && panel.Panel.PersonCount > options.SelectionSample;
        var selectionPanel = sampled ? PanelSample.Draw(panel.Panel, options.SelectionSample, options.Seed).Panel : panel.Panel;
        var selection = ModelSelector.Select(selectionPanel, grid, fitOptions, options.Criteria, progress);
        var fit = selection.Chosen?.Fit ?? throw new NoModelFittedException(
            "no model of the grid could be fitted: " + string.Join("; ", selection.Rows.Select(r => r.Error).Distinct()));
        Stage("model selection");
        if (sampled)
        {
            progress?.Report(new SelectionProgress(grid.Length, grid.Length, $"{selection.Chosen!.Label} on all {panel.Panel.PersonCount} offenders"));
            fit = Refit(panel.Panel, fit, fitOptions);
            Stage("chosen model on all offenders");
        }

        var ledger = new DisclosureLedger(options.EffectiveDisclosure);
        var labels = ProfileLabeller.Label(fit);
        var members = ModalMembers(fit.Posteriors, panel.PersonIndices);
        var profiles = labels.Select(l => new Population(PopulationName(l), members[l.Group - 1])).ToArray();
        var pairs = MatchedPairsOf(facts);

        // The sizes first, as relations a reader can use (panel + unobservable = offenders; the profiles partition
        // the panel), so that secondary suppression is decided before any table uses them.
        var summary = Summary(meta, facts, panel, ledger);
        var sizes = ledger.Partition("panel/offender/n", panel.Panel.PersonCount, profiles.Select(p => ($"all/{p.Name}/n", (long)p.Members.Length)).ToArray(), 0);
        var assigned = labels.Select((l, i) => (l.Group, Size: sizes[i])).ToDictionary(x => x.Group, x => x.Size);
        var unobservedBound = panel.UnobservableOffenders.Count == 0 ? 0 : CountInterval.Of(summary.UnobservableOffenders, ledger.Rule).High;

        // A model chosen on a sample publishes the sample's global search (its starts and replication), with where the
        // fit to all offenders came from; the refit's own one-start summary would read as an unreplicated search.
        var search = sampled
            ? selection.Chosen!.Fit!.Search with { BestOrigin = selection.Chosen.Fit.Search.BestOrigin + $" on the selection sample of {selectionPanel.PersonCount} offenders, then one run from it on all offenders" }
            : null;
        var model = ModelPublication.Model(fit, labels, assigned, ledger, search);
        var builder = new BinaryOutcomeBuilder(ledger, options.Seed, unobservedBound);
        var lvb = LvbIndicators.Select(source => builder.Build(
            source is { } s ? "lvb_" + Codes.Of(s).ToLowerInvariant() : "lvb_any",
            CountBase.All(LvbBase(meta, source)),
            cohorts, profiles, i => facts.HasLvb(i, source), _ => true, pairs)).ToArray();
        var victimisation = VictimisationAnalysis.Build(facts, meta, cohorts, profiles, pairs, builder, ledger, options.RecentYears);
        var summaries = ProfileSummaries.Build(model, labels, facts, members, ledger);
        var outcomes = ClassifiedOutcomes(facts, lvb, victimisation);
        ProfileBootstrap.Result? bootstrap = null;
        if (options.BootstrapReplicates > 0)
        {
            Stage("comparisons");
            progress?.Report(new SelectionProgress(grid.Length, grid.Length, $"bootstrap of the profile figures: {options.BootstrapReplicates} case-resamples of {panel.Panel.PersonCount} offenders"));
            bootstrap = ProfileBootstrap.Run(
                fit, panel.Panel, panel.PersonIndices, outcomes, fitOptions, options.BootstrapReplicates, options.Threads > 0 ? options.Threads : Environment.ProcessorCount);
            Stage("bootstrap of the profile figures");
        }

        var uncertainty = UncertaintyAnalysis.Build(fit, labels, panel.PersonIndices, outcomes, model, ledger, bootstrap);

        var published = new AnalysisResult(
            summary,
            sampled
                ? ModelPublication.Selection(
                    selection, ledger.Count(selectionPanel.PersonCount, "selection/sample/n"), ledger.Count(selectionPanel.ObservationCount, "selection/sample/observations"),
                    ledger.Rule, options.SelectionSample)
                : ModelPublication.Selection(selection, model.Persons, model.Observations, ledger.Rule, null),
            model,
            ProfileLabeller.Rule,
            labels,
            summaries,
            lvb,
            victimisation,
            uncertainty.Rows,
            uncertainty.Tests,
            ledger.Rule,
            new SuppressionSummary(ledger.PrimarySuppressions, ledger.SecondarySuppressions),
            Notes(selection, fit, labels, panel, sampled ? selectionPanel.PersonCount : null, bootstrap));
        Stage("comparisons and disclosure");
        return new AnalysisRun(published, fit, selection);
    }

    /// <summary>The population code of a labelled group (an <c>other</c> group carries its group number).</summary>
    public static string PopulationName(ProfileLabel label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return label.Label == ProfileLabeller.Other ? $"other_{label.Group.ToString(CultureInfo.InvariantCulture)}" : label.Label;
    }

    private static string LvbBase(RegisterMetadata meta, LvbSource? source)
    {
        if (source is not { } s)
        {
            return "all persons, any LVB provision in the source windows";
        }

        return meta.LvbYears.TryGetValue(s, out var years)
            ? $"all persons, {DisplayNames.Of(s)} provision in {years.First}-{years.Last}"
            : $"all persons; the register has no {DisplayNames.Of(s)} window, so no {DisplayNames.Of(s)} provision counts";
    }

    /// <summary>Register indices of each group's modal members (index g − 1); posterior row i is panel person i.</summary>
    private static int[][] ModalMembers(PosteriorTable posteriors, int[] panelPersons)
    {
        var sizes = new int[posteriors.Groups];
        for (var i = 0; i < posteriors.Count; i++)
        {
            sizes[posteriors.ModalGroup(i) - 1]++;
        }

        var members = sizes.Select(n => new int[n]).ToArray();
        Array.Clear(sizes);
        for (var i = 0; i < posteriors.Count; i++)
        {
            var g = posteriors.ModalGroup(i) - 1;
            members[g][sizes[g]++] = panelPersons[i];
        }

        return members;
    }

    private static (string Versus, (int Offender, int Control)[] Pairs)[] MatchedPairsOf(PersonFacts facts)
    {
        // Matches are dense indices: one array from match to its offender instead of a dictionary of match ids.
        var offenderOf = new int[facts.People.MatchCount];
        Array.Fill(offenderOf, -1);
        foreach (var i in facts.Cohort(Cohort.Offender))
        {
            offenderOf[facts.People.MatchOf(i)] = i;
        }

        (string, (int, int)[]) For(Cohort control) => (Codes.Of(control), facts.Cohort(control)
            .Where(i => offenderOf[facts.People.MatchOf(i)] >= 0)
            .Select(i => (offenderOf[facts.People.MatchOf(i)], i)).ToArray());
        return [For(Cohort.CriminalControl), For(Cohort.NoncriminalControl)];
    }

    // Every binary outcome with its base, in the order of the tables.
    private static IReadOnlyList<UncertaintyAnalysis.Outcome> ClassifiedOutcomes(PersonFacts facts, IReadOnlyList<BinaryOutcome> lvb, VictimisationResult victimisation)
    {
        var outcomes = LvbIndicators.Select((source, k) => new UncertaintyAnalysis.Outcome(lvb[k], "all", _ => true, i => facts.HasLvb(i, source))).ToList();
        outcomes.Add(new(victimisation.Ever, "all", _ => true, facts.IsVictim));
        outcomes.AddRange(Enum.GetValues<VictimCategory>().Select((c, k) =>
            new UncertaintyAnalysis.Outcome(victimisation.Categories[k], "victims", facts.IsVictim, i => facts.InCategory(i, c))));
        outcomes.Add(new(victimisation.Recent, "recent_eligible", i => facts.RecentEligible[i], i => facts.RecentVictim[i]));
        return outcomes;
    }

    private static RegisterSummary Summary(RegisterMetadata meta, PersonFacts facts, OffenderPanel panel, DisclosureLedger ledger)
    {
        DisclosedCount Count(Cohort c) => ledger.Count(facts.Cohort(c).Length, $"all/{Codes.Of(c)}/n");
        var parts = ledger.Partition(
            $"all/{PopulationNames.Offender}/n", facts.Cohort(Cohort.Offender).Length,
            [("panel/offender/n", panel.Panel.PersonCount), ("panel/unobservable/n", panel.UnobservableOffenders.Count)], 0);
        return new RegisterSummary(
            meta.Name, meta.Synthetic, Count(Cohort.Offender), Count(Cohort.CriminalControl), Count(Cohort.NoncriminalControl),
            parts[0], parts[1], meta.CaseYears, meta.VictimisationYears, meta.LvbYears, meta.MinAge);
    }

    /// <summary>The chosen model fitted to the whole panel from its fit on the selection sample.</summary>
    private static TrajectoryFit Refit(CountPanel panel, TrajectoryFit sampleFit, FitOptions options)
    {
        try
        {
            return TrajectoryEstimator.Refit(PreparedPanel.Prepare(panel, sampleFit.Model.Family, options.CompressPatterns), sampleFit, options);
        }
        catch (ModelSpecificationException e)
        {
            throw new NoModelFittedException($"the model chosen on the selection sample, {sampleFit.Model.Label}, could not be fitted to all offenders: {e.Message}");
        }
    }

    private static IReadOnlyList<string> Notes(
        SelectionResult selection, TrajectoryFit fit, IReadOnlyList<ProfileLabel> labels, OffenderPanel panel, int? sample, ProfileBootstrap.Result? bootstrap)
    {
        var notes = new List<string>();
        if (sample is { } n)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"The selection grid was fitted to a random sample of {n} of the panel's offenders (AnalysisOptions.SelectionSample, seeded); the chosen model was then fitted to all offenders from the sample's solution, and every estimate, profile and comparison comes from that fit."));
            if (!fit.Converged)
            {
                notes.Add($"The chosen model's fit to all offenders did not converge ({fit.StopReason}); its estimates are those of the last iteration.");
            }
        }

        if (!selection.ChosenIsAdequate)
        {
            notes.Add("No model of the grid met every adequacy rule; the model with the smallest BIC among converged models was used (see the selection table).");
        }

        if (fit.Groups.Count != 4)
        {
            notes.Add($"The chosen model has {fit.Groups.Count} groups, not the study's 4; groups that match no profile are labelled 'other'.");
        }

        var missing = ProfileLabeller.Labels.Where(l => labels.All(x => x.Label != l)).ToArray();
        if (missing.Length > 0)
        {
            notes.Add("Profiles not found among the groups: " + string.Join(", ", missing) + ".");
        }

        if (panel.UnobservableOffenders.Count > 0)
        {
            notes.Add("Some offenders are never at least min_age in the case years; they are in the cohort figures but not in the trajectory model or the profiles.");
        }

        notes.Add("Profile figures use modal assignment, as the study; classification_uncertainty adds posterior-weighted and BCH-corrected percentages.");
        if (bootstrap is not null)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"The 95 % intervals of classification_uncertainty are bootstrap percentile intervals over {bootstrap.Replicates} case-resamples of the panel's offenders, each refitted from the chosen model's solution with its groups matched to the chosen fit's by the optimal assignment of their trajectories. In {bootstrap.Unclear} resamples that matching was not clear (a group's nearest group of the chosen fit was not its match); they are kept, so the intervals include that uncertainty rather than hide it. {bootstrap.Failed} resamples whose refit failed were left out; an interval needs {ProfileBootstrap.MinReplicates} resamples behind it."));
        }

        return notes;
    }
}
