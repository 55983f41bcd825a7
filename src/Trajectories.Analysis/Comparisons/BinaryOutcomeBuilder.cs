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

    private IReadOnlyList<Population>? _indexed;
    private int[] _profileOf = [];

    private static (long N, long X) Tally(int[] members, Func<int, bool> include, Func<int, bool> has)
    {
        long n = 0, x = 0;
        foreach (var i in members)
        {
            if (include(i))
            {
                n++;
                x += has(i) ? 1 : 0;
            }
        }

        return (n, x);
    }

    /// <summary>
    /// Person index → position of their profile in <paramref name="profiles"/> (−1: none), built once for the
    /// profiles every outcome of an analysis shares, so the paired tables need no set per profile and outcome.
    /// </summary>
    private int[] ProfileOf(IReadOnlyList<Population> profiles)
    {
        if (!ReferenceEquals(profiles, _indexed))
        {
            var size = profiles.Select(p => p.Members.DefaultIfEmpty(-1).Max()).DefaultIfEmpty(-1).Max() + 1;
            _profileOf = new int[size];
            Array.Fill(_profileOf, -1);
            for (var k = 0; k < profiles.Count; k++)
            {
                foreach (var i in profiles[k].Members)
                {
                    _profileOf[i] = k;
                }
            }

            _indexed = profiles;
        }

        return _profileOf;
    }

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
        // Counted in one pass per population, without copying its members (a cohort can be millions of persons).
        var raw = cohorts.Concat(profiles).ToDictionary(p => p.Name, p => Tally(p.Members, include, has), StringComparer.Ordinal);
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
            outcome, countBase.Description, rates, cohortContrasts, Contrasts(profilePairs), across, Paired(outcome, countBase, has, include, pairs, profiles));
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

    // Offenders against their own matched controls, and each profile against the controls matched to its members
    // (the profiles differ in birth years, which the pooled reference ignores). Holm families: the offenders' two
    // tests; for each control group, the profiles' tests. The profiles' pair counts are the parts of the
    // offenders', so they are disclosed as a partition (the unobservable offenders' pairs are the remainder).
    private IReadOnlyList<PairedContrast> Paired(
        string outcome,
        CountBase countBase,
        Func<int, bool> has,
        Func<int, bool> include,
        IReadOnlyList<(string Versus, (int Offender, int Control)[] Pairs)> pairs,
        IReadOnlyList<Population> profiles)
    {
        var result = new List<(string Population, string Versus, DisclosedCount Pairs, DisclosedCount Both, DisclosedCount OffenderOnly, DisclosedCount ControlOnly)>();
        foreach (var (versus, all) in pairs)
        {
            var kept = all.Where(q => include(q.Offender) && include(q.Control)).ToArray();
            if (kept.Length == 0)
            {
                continue;
            }

            var key = $"{countBase.Code}/paired_{versus}";
            (long A, long B, long C, long D) Table(IEnumerable<(int Offender, int Control)> set) =>
                MatchedPairs.Tabulate(set.Select(q => (has(q.Offender), has(q.Control))));
            var total = Table(kept);
            var profileOf = ProfileOf(profiles);
            var parts = profiles.Select((p, k) => (p.Name, Table: Table(kept.Where(q => q.Offender < profileOf.Length && profileOf[q.Offender] == k)))).ToArray();
            DisclosedCount[] Cells(string quantity, Func<(long A, long B, long C, long D), long> of)
            {
                var published = ledger.Partition(
                    $"{key}/{PopulationNames.Offender}/{quantity}", of(total),
                    parts.Select(p => ($"{key}/{p.Name}/{quantity}", of(p.Table))).ToArray(), unobservedBound);
                return [ledger.Count(of(total), $"{key}/{PopulationNames.Offender}/{quantity}"), .. published];
            }

            var pairCounts = Cells("pairs", t => t.A + t.B + t.C + t.D);
            var both = Cells($"{outcome}/both", t => t.A);
            var offenderOnly = Cells($"{outcome}/offender_only", t => t.B);
            var controlOnly = Cells($"{outcome}/control_only", t => t.C);
            var names = new[] { PopulationNames.Offender }.Concat(parts.Select(p => p.Name)).ToArray();
            result.AddRange(names.Select((name, i) => (name, versus, pairCounts[i], both[i], offenderOnly[i], controlOnly[i])).Where(r => r.Item3.Value is not 0));
        }

        // Holm within each family, over the tests published.
        var contrasts = result.Select(r => (Row: r, Test: r.OffenderOnly.Value is { } b && r.ControlOnly.Value is { } c ? MatchedPairs.McNemar(b, c) : null)).ToArray();
        var holm = new double?[contrasts.Length];
        foreach (var family in contrasts.Select((c, i) => (c, i)).GroupBy(x => x.c.Row.Population == PopulationNames.Offender ? "offender" : "profiles/" + x.c.Row.Versus))
        {
            var tested = family.Where(x => x.c.Test is not null).ToArray();
            var adjusted = PValueAdjustment.Holm(tested.Select(x => x.c.Test!.PValue).ToArray());
            for (var j = 0; j < tested.Length; j++)
            {
                holm[tested[j].i] = adjusted[j];
            }
        }

        return contrasts.Select((x, i) =>
        {
            var r = x.Row;
            if (x.Test is not { } test)
            {
                return new PairedContrast(r.Population, r.Versus, r.Pairs, r.Both, r.OffenderOnly, r.ControlOnly, null, null, null, null, null, null, Withheld);
            }

            var (b, c) = (r.OffenderOnly.Value!.Value, r.ControlOnly.Value!.Value);
            var or = MatchedPairs.ConditionalOddsRatio(b, c);
            var rr = r.Both.Value is { } a && a + c > 0 ? MatchedPairs.RiskRatio(a, b, c) : null;
            return new PairedContrast(
                r.Population, r.Versus, r.Pairs, r.Both, r.OffenderOnly, r.ControlOnly,
                Numbers.Finite(or.Estimate), Numbers.Finite(or.Ci.Low), Numbers.Finite(or.Ci.High),
                rr is null ? null : Numbers.Finite(rr.Estimate), Numbers.Finite(test.PValue), holm[i] is { } h ? Numbers.Finite(h) : null, test.Method);
        }).ToArray();
    }

    private sealed record Published(string Name, DisclosedCount X, DisclosedCount N)
    {
        public bool Complete => X.Value is not null && N.Value is { } n && n > 0;
    }
}
