using Trajectories.Analysis.Disclosure;
using Trajectories.Analysis.Statistics;
using Trajectories.Analysis.Study;
using Trajectories.Registers.Model;

namespace Trajectories.Analysis.Comparisons;

/// <summary>Builds the <see cref="VictimisationResult"/>: ever victim, mean count among victims, categories, recent.</summary>
internal static class VictimisationAnalysis
{
    public static VictimisationResult Build(
        PersonFacts facts,
        RegisterMetadata meta,
        IReadOnlyList<Population> cohorts,
        IReadOnlyList<Population> profiles,
        IReadOnlyList<(string Versus, (int Offender, int Control)[] Pairs)> pairs,
        DisclosureRule rule,
        int seed,
        int recentYears)
    {
        var builder = new BinaryOutcomeBuilder(rule, seed);
        var window = $"{meta.VictimisationYears.First}-{meta.VictimisationYears.Last}";
        var ever = builder.Build("ever_victim", $"all persons, victim in {window}", cohorts, profiles, facts.IsVictim, _ => true, pairs);

        var all = cohorts.Concat(profiles).ToArray();
        var means = all.Select(p =>
        {
            var victims = p.Members.Where(facts.IsVictim).ToArray();
            var mean = victims.Length == 0 ? double.NaN : victims.Average(i => (double)facts.Victimisations[i]);
            return new MeanCount(p.Name, rule.Disclose(victims.Length, $"victim_count/{p.Name}/victims"), rule.Statistic(mean, victims.Length, 3).Value);
        }).ToArray();

        double[] Counts(Population p) => p.Members.Where(facts.IsVictim).Select(i => (double)facts.Victimisations[i]).ToArray();
        var byName = cohorts.ToDictionary(c => c.Name);
        var pairsToCompare = new[]
        {
            (PopulationNames.Offender, PopulationNames.CriminalControl),
            (PopulationNames.Offender, PopulationNames.NoncriminalControl),
            (PopulationNames.CriminalControl, PopulationNames.NoncriminalControl),
        }.Where(p => byName.ContainsKey(p.Item1) && byName.ContainsKey(p.Item2)).ToArray();
        var comparisons = pairsToCompare
            .Select(p => (p.Item1, p.Item2, Counts(byName[p.Item1]), Counts(byName[p.Item2])))
            .Where(p => p.Item3.Length > 1 && p.Item4.Length > 1)
            .Select(p => (p.Item1, p.Item2, C: MeanCountComparison.Compute(p.Item3, p.Item4)))
            .ToArray();
        var holm = PValueAdjustment.Holm(comparisons.Select(c => c.C.PValue).ToArray());
        var meanContrasts = comparisons.Select((c, i) => new MeanContrast(
            c.Item1, c.Item2, Numbers.Finite(c.C.RatioOfMeans.Estimate ?? double.NaN), Numbers.Finite(c.C.RatioOfMeans.Ci?.Low ?? double.NaN),
            Numbers.Finite(c.C.RatioOfMeans.Ci?.High ?? double.NaN), Numbers.Finite(c.C.PValue), Numbers.Finite(holm[i]),
            c.C.RankTest.Method + "; ratio of means: " + c.C.RatioOfMeans.Method)).ToArray();

        var profileCounts = profiles.Select(Counts).Where(c => c.Length > 0).ToArray();
        GlobalTest? kw = null;
        if (profileCounts.Length >= 2)
        {
            var t = RankTests.KruskalWallis(profileCounts);
            kw = new GlobalTest(profiles.Where(p => Counts(p).Length > 0).Select(p => p.Name).ToArray(), Numbers.Finite(t.Statistic), Numbers.Finite(t.PValue), t.Method);
        }

        // No paired analysis among victims: a pair would count only when both members are victims, a conditional
        // comparison the study does not make and that would drop most pairs.
        var categories = Enum.GetValues<VictimCategory>().Select(c => builder.Build(
            "victim_" + Codes.Of(c), $"victims in {window}", cohorts, profiles, i => facts.Categories[i, (int)c], facts.IsVictim, [])).ToArray();

        var offenderCohorts = cohorts.Where(c => c.Name == PopulationNames.Offender).ToArray();
        var recent = builder.Build(
            "recent_victim",
            $"offenders whose first trafficking year FT has FT-{recentYears} >= {meta.VictimisationYears.First}; victim in FT-{recentYears}..FT-1",
            offenderCohorts, profiles, i => facts.RecentVictim[i], i => facts.RecentEligible[i], []);

        return new VictimisationResult(window, ever, means, meanContrasts, kw, categories, recent);
    }
}
