using Trajectories.Analysis.Disclosure;
using Trajectories.Analysis.Statistics;

namespace Trajectories.Analysis.Comparisons;

/// <summary>
/// Computes a <see cref="BinaryOutcome"/>: rates per population, risk ratios against the non-criminal controls,
/// offenders vs criminal controls, the across-profile and pairwise profile tests, and paired McNemar analyses.
/// Every count is disclosed through the ledger first; every percentage, ratio, interval, statistic and p-value is
/// then computed from the PUBLISHED counts, and withheld when one of them is suppressed.
/// </summary>
/// <param name="ledger">The analysis's disclosed counts.</param>
/// <param name="seed">Seed of Monte Carlo p-values.</param>
/// <param name="unobservedBound">What a reader knows of the offenders outside the profiles (the unobservable ones):
/// at most this many; 0 when the profiles cover every offender.</param>
internal sealed class BinaryOutcomeBuilder(DisclosureLedger ledger, int seed, long unobservedBound)
{
    /// <summary>The test text of a comparison withheld with its counts.</summary>
    public const string Withheld = "withheld: a count behind it is suppressed";

    /// <summary>Builds the outcome; <paramref name="include"/> restricts every population to the base (e.g. victims).</summary>
    public BinaryOutcome Build(
        string outcome,
        CountBase countBase,
        IReadOnlyList<Population> cohorts,
        IReadOnlyList<Population> profiles,
        Func<int, bool> has,
        Func<int, bool> include,
        IReadOnlyList<(string Versus, (int Offender, int Control)[] Pairs)> pairs)
    {
        var raw = cohorts.Concat(profiles)
            .Select(p => (p.Name, Members: p.Members.Where(include).ToArray()))
            .ToDictionary(p => p.Name, p => (N: (long)p.Members.Length, X: (long)p.Members.Count(has)), StringComparer.Ordinal);
        var n = Disclose(cohorts, profiles, p => countBase.SizeKey(p), p => raw[p].N);
        var x = Disclose(cohorts, profiles, p => countBase.EventKey(p, outcome), p => raw[p].X);
        var names = cohorts.Concat(profiles).Select(p => p.Name).ToArray();
        var profileNames = profiles.Select(p => p.Name).Where(p => raw[p].N > 0).ToArray();

        Published Of(string p) => new(p, x[p], n[p]);
        var reference = n.ContainsKey(PopulationNames.NoncriminalControl) && raw[PopulationNames.NoncriminalControl].N > 0
            ? Of(PopulationNames.NoncriminalControl) : null;

        // Two Holm families against the reference: the cohorts (offenders, criminal controls) and the profiles.
        var vsReference = new Dictionary<string, Contrast>(StringComparer.Ordinal);
        if (reference is not null)
        {
            foreach (var family in new[] { cohorts.Select(c => c.Name), profileNames })
            {
                var members = family.Where(p => p != PopulationNames.NoncriminalControl && raw[p].N > 0).Select(Of).ToArray();
                foreach (var c in Contrasts(members.Select(m => (m, reference)).ToArray()))
                {
                    vsReference[c.Population] = c;
                }
            }
        }

        var rates = names.Select(p => new PopulationRate(
            p, n[p], x[p], DisclosureRule.Percent(x[p], n[p]), vsReference.GetValueOrDefault(p))).ToArray();

        var cohortContrasts = raw.TryGetValue(PopulationNames.Offender, out var o) && o.N > 0
            && raw.TryGetValue(PopulationNames.CriminalControl, out var cc) && cc.N > 0
            ? Contrasts([(Of(PopulationNames.Offender), Of(PopulationNames.CriminalControl))])
            : [];

        var profilePairs = new List<(Published, Published)>();
        for (var a = 0; a < profileNames.Length; a++)
        {
            for (var b = a + 1; b < profileNames.Length; b++)
            {
                profilePairs.Add((Of(profileNames[a]), Of(profileNames[b])));
            }
        }

        GlobalTest? across = null;
        if (profileNames.Length >= 2)
        {
            var cells = profileNames.Select(Of).ToArray();
            if (cells.All(c => c.Complete))
            {
                var test = ContingencyTests.Proportions(cells.Select(c => c.X.Value!.Value).ToArray(), cells.Select(c => c.N.Value!.Value).ToArray(), seed);
                across = new GlobalTest(profileNames, Numbers.Finite(test.Statistic), Numbers.Finite(test.PValue), test.Method);
            }
            else
            {
                across = new GlobalTest(profileNames, null, null, Withheld);
            }
        }

        return new BinaryOutcome(
            outcome, countBase.Description, rates, cohortContrasts, Contrasts(profilePairs), across, Paired(outcome, countBase, has, include, pairs));
    }

    // Sizes or events: the cohorts one by one, the profiles as the parts of the offenders' count, so that secondary
    // suppression sees the relation a reader can use.
    private Dictionary<string, DisclosedCount> Disclose(
        IReadOnlyList<Population> cohorts, IReadOnlyList<Population> profiles, Func<string, string> key, Func<string, long> count)
    {
        var published = new Dictionary<string, DisclosedCount>(StringComparer.Ordinal);
        foreach (var c in cohorts)
        {
            published[c.Name] = ledger.Count(count(c.Name), key(c.Name));
        }

        var parts = profiles.Select(p => (key(p.Name), count(p.Name))).ToArray();
        var disclosed = cohorts.Any(c => c.Name == PopulationNames.Offender)
            ? ledger.Partition(key(PopulationNames.Offender), count(PopulationNames.Offender), parts, unobservedBound)
            : parts.Select(p => ledger.Count(p.Item2, p.Item1)).ToArray();
        for (var i = 0; i < profiles.Count; i++)
        {
            published[profiles[i].Name] = disclosed[i];
        }

        return published;
    }

    // One Holm family: the comparisons whose counts are all published are tested and adjusted together; the others
    // are withheld and left out of the family, since their p-values would otherwise shape the adjusted ones.
    private static Contrast[] Contrasts(IReadOnlyList<(Published A, Published B)> pairs)
    {
        var tested = pairs.Select(p => p.A.Complete && p.B.Complete
            ? TwoProportionComparison.Compute(p.A.X.Value!.Value, p.A.N.Value!.Value, p.B.X.Value!.Value, p.B.N.Value!.Value)
            : null).ToArray();
        var available = Enumerable.Range(0, pairs.Count).Where(i => tested[i] is not null).ToArray();
        var holm = PValueAdjustment.Holm(available.Select(i => tested[i]!.Test.PValue).ToArray());
        return pairs.Select((p, i) =>
        {
            if (tested[i] is not { } c)
            {
                return new Contrast(p.A.Name, p.B.Name, null, null, null, null, null, Withheld);
            }

            return new Contrast(
                p.A.Name, p.B.Name, Numbers.Finite(c.RiskRatio.Estimate), Numbers.Finite(c.RiskRatio.Ci.Low), Numbers.Finite(c.RiskRatio.Ci.High),
                Numbers.Finite(c.Test.PValue), Numbers.Finite(holm[Array.IndexOf(available, i)]), c.Test.Method);
        }).ToArray();
    }

    private IReadOnlyList<PairedContrast> Paired(
        string outcome, CountBase countBase, Func<int, bool> has, Func<int, bool> include, IReadOnlyList<(string Versus, (int Offender, int Control)[] Pairs)> pairs)
    {
        var tables = pairs
            .Select(p => (p.Versus, Table: MatchedPairs.Tabulate(p.Pairs.Where(q => include(q.Offender) && include(q.Control)).Select(q => (has(q.Offender), has(q.Control))))))
            .Where(p => p.Table.A + p.Table.B + p.Table.C + p.Table.D > 0)
            .Select(p =>
            {
                var (a, b, c, d) = p.Table;
                var key = $"{countBase.Code}/paired_{p.Versus}";
                return (p.Versus,
                    Pairs: ledger.Count(a + b + c + d, key + "/pairs"),
                    Both: ledger.Count(a, $"{key}/{outcome}/both"),
                    OffenderOnly: ledger.Count(b, $"{key}/{outcome}/offender_only"),
                    ControlOnly: ledger.Count(c, $"{key}/{outcome}/control_only"));
            })
            .ToArray();
        var tests = tables.Select(t => t.OffenderOnly.Value is { } b && t.ControlOnly.Value is { } c ? MatchedPairs.McNemar(b, c) : null).ToArray();
        var available = Enumerable.Range(0, tables.Length).Where(i => tests[i] is not null).ToArray();
        var holm = PValueAdjustment.Holm(available.Select(i => tests[i]!.PValue).ToArray());
        return tables.Select((t, i) =>
        {
            if (tests[i] is not { } test)
            {
                return new PairedContrast(t.Versus, t.Pairs, t.Both, t.OffenderOnly, t.ControlOnly, null, null, null, null, null, null, Withheld);
            }

            var (b, c) = (t.OffenderOnly.Value!.Value, t.ControlOnly.Value!.Value);
            var or = MatchedPairs.ConditionalOddsRatio(b, c);
            var rr = t.Both.Value is { } a && a + c > 0 ? MatchedPairs.RiskRatio(a, b, c) : null;
            return new PairedContrast(
                t.Versus, t.Pairs, t.Both, t.OffenderOnly, t.ControlOnly,
                Numbers.Finite(or.Estimate), Numbers.Finite(or.Ci.Low), Numbers.Finite(or.Ci.High),
                rr is null ? null : Numbers.Finite(rr.Estimate), Numbers.Finite(test.PValue), Numbers.Finite(holm[Array.IndexOf(available, i)]), test.Method);
        }).ToArray();
    }

    private sealed record Published(string Name, DisclosedCount X, DisclosedCount N)
    {
        public bool Complete => X.Value is not null && N.Value is { } n && n > 0;
    }
}
