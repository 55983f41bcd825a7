using System.Globalization;
using Trajectories.Analysis.Comparisons;
using Trajectories.Analysis.Disclosure;
using Trajectories.Analysis.Profiles;
using Trajectories.Core.Estimation;
using Trajectories.Core.Results;
using Trajectories.Core.Selection;
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

    /// <summary>Runs the analysis on a loaded (validated) register.</summary>
    /// <param name="register">The register, e.g. from <c>RegisterReader.Load</c> or the synthetic generator.</param>
    /// <param name="options">Grid, starts, seed, threads, selection criteria and disclosure rule.</param>
    /// <param name="progress">Receives one report per model fitted.</param>
    /// <exception cref="InputException">The register has no metadata, no offenders or an empty control cohort.</exception>
    /// <exception cref="InvalidOperationException">No model of the grid could be fitted.</exception>
    public static AnalysisResult Run(InMemoryRegister register, AnalysisOptions options, IProgress<SelectionProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(options);
        var meta = register.Metadata ?? throw new InputException("register.json", null, null, "the register has no metadata.");
        foreach (var c in Enum.GetValues<Cohort>().Where(c => register.Persons.All(p => p.Cohort != c)))
        {
            throw new InputException("persons", null, "cohort", $"the register has no persons of cohort {Codes.Of(c)}; the analysis needs offenders and both control groups.");
        }

        var facts = new PersonFacts(register, meta, options.RecentYears);
        var cohorts = Enum.GetValues<Cohort>().Select(c => new Population(Codes.Of(c), facts.Cohort(c))).ToArray();

        var panel = RegisterPanel.Build(register);
        var grid = ModelSelector.Grid(options.Family, options.Groups, options.Orders, [options.InflationOrder]);
        var fitOptions = new FitOptions
        {
            Starts = options.Starts,
            Replications = options.Replications,
            MaxStarts = options.MaxStarts,
            Seed = options.Seed,
            Threads = options.Threads,
        };
        var selection = ModelSelector.Select(panel.Panel, grid, fitOptions, options.Criteria, progress);
        var fit = selection.Chosen?.Fit ?? throw new InvalidOperationException(
            "no model of the grid could be fitted: " + string.Join("; ", selection.Rows.Select(r => r.Error).Distinct()));

        var rule = options.EffectiveDisclosure;
        var labels = ProfileLabeller.Label(fit);
        var members = ModalMembers(fit.Posteriors, facts);
        var profiles = labels.Select(l => new Population(PopulationName(l), members[l.Group - 1])).ToArray();
        var pairs = MatchedPairsOf(facts);

        var builder = new BinaryOutcomeBuilder(rule, options.Seed);
        var lvb = LvbIndicators.Select(source => builder.Build(
            source is { } s ? "lvb_" + Codes.Of(s).ToLowerInvariant() : "lvb_any",
            LvbBase(meta, source),
            cohorts, profiles, i => facts.HasLvb(i, source), _ => true, pairs)).ToArray();
        var victimisation = VictimisationAnalysis.Build(facts, meta, cohorts, profiles, pairs, rule, options.Seed, options.RecentYears);

        return new AnalysisResult(
            Summary(meta, facts, panel, rule),
            selection,
            fit,
            ProfileLabeller.Rule,
            labels,
            ProfileSummaries.Build(fit, labels, facts, members, rule),
            lvb,
            victimisation,
            Uncertainty(fit, labels, facts, rule),
            rule,
            Notes(selection, fit, labels, panel));
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
            ? $"all persons, {Codes.Of(s)} provision in {years.First}-{years.Last}"
            : $"all persons; the register has no {Codes.Of(s)} window, so no {Codes.Of(s)} provision counts";
    }

    private static int[][] ModalMembers(PosteriorTable posteriors, PersonFacts facts)
    {
        var members = Enumerable.Range(0, posteriors.Groups).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < posteriors.Count; i++)
        {
            members[posteriors.ModalGroup(i) - 1].Add(facts.Index[posteriors.PersonIds[i]]);
        }

        return members.Select(m => m.ToArray()).ToArray();
    }

    private static (string Versus, (int Offender, int Control)[] Pairs)[] MatchedPairsOf(PersonFacts facts)
    {
        var offenders = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in facts.Cohort(Cohort.Offender))
        {
            offenders[facts.Persons[i].MatchId] = i;
        }

        (string, (int, int)[]) For(Cohort control) => (Codes.Of(control), facts.Cohort(control)
            .Where(i => offenders.ContainsKey(facts.Persons[i].MatchId))
            .Select(i => (offenders[facts.Persons[i].MatchId], i)).ToArray());
        return [For(Cohort.CriminalControl), For(Cohort.NoncriminalControl)];
    }

    private static IReadOnlyList<UncertaintyRow> Uncertainty(TrajectoryFit fit, IReadOnlyList<ProfileLabel> labels, PersonFacts facts, DisclosureRule rule)
    {
        var post = fit.Posteriors;
        var index = Enumerable.Range(0, post.Count).Select(i => facts.Index[post.PersonIds[i]]).ToArray();
        var outcomes = new (string Name, Func<int, double> Y)[]
        {
            ("lvb_any", i => facts.HasLvb(index[i], null) ? 1.0 : 0.0),
            ("ever_victim", i => facts.IsVictim(index[i]) ? 1.0 : 0.0),
        };
        var expected = ClassificationCorrection.ExpectedSizes(post);
        var rows = new List<UncertaintyRow>();
        foreach (var (name, y) in outcomes)
        {
            var modal = ClassificationCorrection.Modal(post, y);
            var weighted = ClassificationCorrection.PosteriorWeighted(post, y);
            var bch = ClassificationCorrection.Bch(post, y);
            foreach (var l in labels)
            {
                var g = l.Group - 1;
                long n = Enumerable.Range(0, post.Count).Count(i => post.ModalGroup(i) == l.Group);
                var expectedN = (long)Math.Round(expected[g]);
                var hidden = rule.IsSuppressed(n) || rule.IsSuppressed(expectedN);
                rows.Add(new UncertaintyRow(
                    name, l.Group, l.Label, rule.Disclose(n, $"uncertainty/{l.Group}/modal_n"), rule.Disclose(expectedN, $"uncertainty/{l.Group}/expected_n"),
                    hidden ? null : Numbers.Finite(100 * modal[g]), hidden ? null : Numbers.Finite(100 * weighted[g]), hidden ? null : Numbers.Finite(100 * bch[g])));
            }
        }

        return rows;
    }

    private static RegisterSummary Summary(RegisterMetadata meta, PersonFacts facts, OffenderPanel panel, DisclosureRule rule)
    {
        DisclosedCount Count(Cohort c) => rule.Disclose(facts.Cohort(c).Length, $"register/{Codes.Of(c)}");
        return new RegisterSummary(
            meta.Name, meta.Synthetic, Count(Cohort.Offender), Count(Cohort.CriminalControl), Count(Cohort.NoncriminalControl),
            rule.Disclose(panel.Panel.PersonCount, "register/panel_offenders"),
            rule.Disclose(panel.UnobservableOffenders.Count, "register/unobservable_offenders"),
            meta.CaseYears, meta.VictimisationYears, meta.LvbYears, meta.MinAge);
    }

    private static IReadOnlyList<string> Notes(SelectionResult selection, TrajectoryFit fit, IReadOnlyList<ProfileLabel> labels, OffenderPanel panel)
    {
        var notes = new List<string>();
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
        return notes;
    }
}
