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
        BinaryOutcomeBuilder builder,
        DisclosureLedger ledger,
        int recentYears)
    {
        var window = $"{meta.VictimisationYears.First}-{meta.VictimisationYears.Last}";
        var ever = builder.Build("ever_victim", CountBase.All($"all persons, victim in {window}"), cohorts, profiles, facts.IsVictim, _ => true, pairs);
        var rule = ledger.Rule;

        // The mean is published victimisations / published victims: both are counts under the ledger, so the mean
        // reveals nothing they do not (a mean of unrounded counts pins the number of victims).
        var victims = ever.Rates.ToDictionary(r => r.Population, r => r.Events, StringComparer.Ordinal);
        var all = cohorts.Concat(profiles).ToArray();
        var means = all.Select(p =>
        {
            var total = ledger.Count(p.Members.Where(facts.IsVictim).Sum(i => (long)facts.Victimisations[i]), $"all/{p.Name}/victimisations");
            return new MeanCount(p.Name, victims[p.Name], total, DisclosureRule.Ratio(total, victims[p.Name]));
        }).ToDictionary(m => m.Population, StringComparer.Ordinal);

        double[] Counts(Population p) => p.Members.Where(facts.IsVictim).Select(i => (double)facts.Victimisations[i]).ToArray();
        var byName = cohorts.ToDictionary(c => c.Name);
        var comparisons = new[]
            {
                (PopulationNames.Offender, PopulationNames.CriminalControl),
                (PopulationNames.Offender, PopulationNames.NoncriminalControl),
                (PopulationNames.CriminalControl, PopulationNames.NoncriminalControl),
            }
            .Where(p => byName.ContainsKey(p.Item1) && byName.ContainsKey(p.Item2))
            .Select(p => (A: p.Item1, B: p.Item2, YA: Counts(byName[p.Item1]), YB: Counts(byName[p.Item2])))
            .Where(p => p.YA.Length > 1 && p.YB.Length > 1)
            .Select(p => (p.A, p.B, C: Published(means[p.A], means[p.B]) ? MeanCountComparison.Compute(p.YA, p.YB) : null))
            .ToArray();
        var available = comparisons.Where(c => c.C is not null).ToArray();
        var holm = PValueAdjustment.Holm(available.Select(c => c.C!.PValue).ToArray());
        var meanContrasts = comparisons.Select(c =>
        {
            if (c.C is not { } m)
            {
                return new MeanContrast(c.A, c.B, null, null, null, null, null, BinaryOutcomeBuilder.Withheld);
            }

            // The ratio is of the published means; its quasi-Poisson interval keeps the microdata's relative width,
            // published to three significant digits, and the rank test's p-value to two.
            var ratio = means[c.A].Mean!.Value / means[c.B].Mean!.Value;
            double? low = null, high = null;
            if (m.RatioOfMeans.Ci is { } ci && ci.Low > 0 && double.IsFinite(ci.High) && ratio > 0)
            {
                var halfWidth = (Math.Log(ci.High) - Math.Log(ci.Low)) / 2;
                (low, high) = (Precision.Significant(ratio * Math.Exp(-halfWidth), rule, 3), Precision.Significant(ratio * Math.Exp(halfWidth), rule, 3));
            }

            return new MeanContrast(
                c.A, c.B, Numbers.Finite(ratio), low, high, Precision.Significant(m.PValue, rule),
                Precision.Significant(holm[Array.IndexOf(available, c)], rule), m.RankTest.Method + "; ratio of means: " + m.RatioOfMeans.Method);
        }).ToArray();

        var withVictims = profiles.Where(p => Counts(p).Length > 0).ToArray();
        GlobalTest? kw = null;
        if (withVictims.Length >= 2)
        {
            kw = withVictims.All(p => Published(means[p.Name]))
                ? Kruskal(withVictims.Select(Counts).ToArray(), withVictims.Select(p => p.Name).ToArray(), rule)
                : new GlobalTest(withVictims.Select(p => p.Name).ToArray(), null, null, BinaryOutcomeBuilder.Withheld);
        }

        // No paired analysis among victims: a pair would count only when both members are victims, a conditional
        // comparison the study does not make and that would drop most pairs.
        var categories = Enum.GetValues<VictimCategory>().Select(c => builder.Build(
            "victim_" + Codes.Of(c), CountBase.Victims($"victims in {window}"), cohorts, profiles, i => facts.InCategory(i, c), facts.IsVictim, [])).ToArray();

        var offenderCohorts = cohorts.Where(c => c.Name == PopulationNames.Offender).ToArray();
        var recent = builder.Build(
            "recent_victim",
            CountBase.RecentEligible($"offenders whose first trafficking year FT has FT-{recentYears} >= {meta.VictimisationYears.First}; victim in FT-{recentYears}..FT-1"),
            offenderCohorts, profiles, i => facts.RecentVictim[i], i => facts.RecentEligible[i], []);

        return new VictimisationResult(window, ever, all.Select(p => means[p.Name]).ToArray(), meanContrasts, kw, categories, recent);
    }

    private static bool Published(params MeanCount[] means) => means.All(m => m.Mean is not null && m.Victims.Value is > 0);

    // Kruskal–Wallis needs the person-level counts; its statistic and p-value are published at limited precision.
    private static GlobalTest Kruskal(IReadOnlyList<double[]> groups, IReadOnlyList<string> names, DisclosureRule rule)
    {
        var t = RankTests.KruskalWallis(groups);
        return new GlobalTest(names, Precision.Significant(t.Statistic, rule, 3), Precision.Significant(t.PValue, rule), t.Method);
    }
}
