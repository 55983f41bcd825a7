using Trajectories.Analysis.Disclosure;
using Trajectories.Analysis.Statistics;

namespace Trajectories.Analysis.Comparisons;

/// <summary>
/// Computes a <see cref="BinaryOutcome"/>: rates per population, risk ratios against the non-criminal controls,
/// offenders vs criminal controls, the across-profile and pairwise profile tests, and paired McNemar analyses —
/// every statistic from unrounded counts, every published count through the disclosure rule.
/// </summary>
internal sealed class BinaryOutcomeBuilder(DisclosureRule rule, int seed)
{
    /// <summary>Builds the outcome; <paramref name="include"/> restricts every population to its base (e.g. victims).</summary>
    public BinaryOutcome Build(
        string outcome,
        string basis,
        IReadOnlyList<Population> cohorts,
        IReadOnlyList<Population> profiles,
        Func<int, bool> has,
        Func<int, bool> include,
        IReadOnlyList<(string Versus, (int Offender, int Control)[] Pairs)> pairs)
    {
        var counts = cohorts.Concat(profiles)
            .Select(p => (p.Name, Members: p.Members.Where(include).ToArray()))
            .Select(p => (p.Name, N: (long)p.Members.Length, X: (long)p.Members.Count(has)))
            .ToArray();
        var reference = counts.FirstOrDefault(c => c.Name == PopulationNames.NoncriminalControl);
        var hasReference = reference.Name is not null && reference.N > 0;

        var vsReference = new List<(int Row, TwoProportionComparison Comparison)>();
        for (var i = 0; i < counts.Length; i++)
        {
            if (hasReference && counts[i].Name != PopulationNames.NoncriminalControl && counts[i].N > 0)
            {
                vsReference.Add((i, TwoProportionComparison.Compute(counts[i].X, counts[i].N, reference.X, reference.N)));
            }
        }

        // Two Holm families against the reference: the cohorts (offenders, criminal controls) and the profiles.
        var isProfile = vsReference.Select(v => v.Row >= cohorts.Count).ToArray();
        var holmReference = new double[vsReference.Count];
        foreach (var family in new[] { false, true })
        {
            var members = Enumerable.Range(0, vsReference.Count).Where(i => isProfile[i] == family).ToArray();
            var adjusted = PValueAdjustment.Holm(members.Select(i => vsReference[i].Comparison.Test.PValue).ToArray());
            for (var j = 0; j < members.Length; j++)
            {
                holmReference[members[j]] = adjusted[j];
            }
        }

        var rates = counts.Select((c, i) =>
        {
            var at = vsReference.FindIndex(v => v.Row == i);
            var contrast = at < 0 ? null : ToContrast(c.Name, reference, vsReference[at].Comparison, holmReference[at]);
            return new PopulationRate(
                c.Name, rule.Disclose(c.N, $"{outcome}/{c.Name}/n"), rule.Disclose(c.X, $"{outcome}/{c.Name}/events"),
                c.N > 0 ? rule.Percent(c.X, c.N).Value : null, contrast);
        }).ToArray();

        var contrasts = new List<Contrast>();
        var offender = counts.FirstOrDefault(c => c.Name == PopulationNames.Offender);
        var criminal = counts.FirstOrDefault(c => c.Name == PopulationNames.CriminalControl);
        if (offender.N > 0 && criminal.N > 0)
        {
            var comparison = TwoProportionComparison.Compute(offender.X, offender.N, criminal.X, criminal.N);
            contrasts.Add(ToContrast(offender.Name, criminal, comparison, comparison.Test.PValue));
        }

        var profileCounts = counts.Where(c => profiles.Any(p => p.Name == c.Name) && c.N > 0).ToArray();
        var pairwise = new List<(string A, (string Name, long N, long X) B, TwoProportionComparison C)>();
        for (var a = 0; a < profileCounts.Length; a++)
        {
            for (var b = a + 1; b < profileCounts.Length; b++)
            {
                var (pa, pb) = (profileCounts[a], profileCounts[b]);
                pairwise.Add((pa.Name, pb, TwoProportionComparison.Compute(pa.X, pa.N, pb.X, pb.N)));
            }
        }

        var holmPairs = PValueAdjustment.Holm(pairwise.Select(p => p.C.Test.PValue).ToArray());
        var pairwiseContrasts = pairwise.Select((p, i) => ToContrast(p.A, p.B, p.C, holmPairs[i])).ToArray();

        GlobalTest? across = null;
        if (profileCounts.Length >= 2)
        {
            var test = ContingencyTests.Proportions(profileCounts.Select(c => c.X).ToArray(), profileCounts.Select(c => c.N).ToArray(), seed);
            across = new GlobalTest(profileCounts.Select(c => c.Name).ToArray(), Numbers.Finite(test.Statistic), Numbers.Finite(test.PValue), test.Method);
        }

        return new BinaryOutcome(outcome, basis, rates, contrasts, pairwiseContrasts, across, Paired(outcome, has, include, pairs));
    }

    private IReadOnlyList<PairedContrast> Paired(
        string outcome, Func<int, bool> has, Func<int, bool> include, IReadOnlyList<(string Versus, (int Offender, int Control)[] Pairs)> pairs)
    {
        var tables = pairs
            .Select(p => (p.Versus, Table: MatchedPairs.Tabulate(p.Pairs.Where(q => include(q.Offender) && include(q.Control)).Select(q => (has(q.Offender), has(q.Control))))))
            .Where(p => p.Table.A + p.Table.B + p.Table.C + p.Table.D > 0)
            .ToArray();
        var tests = tables.Select(t => MatchedPairs.McNemar(t.Table.B, t.Table.C)).ToArray();
        var holm = PValueAdjustment.Holm(tests.Select(t => t.PValue).ToArray());
        return tables.Select((t, i) =>
        {
            var (a, b, c, d) = t.Table;
            var key = $"{outcome}/paired/{t.Versus}";
            var offenderOnly = rule.Disclose(b, key + "/offender_only");
            var controlOnly = rule.Disclose(c, key + "/control_only");
            var hidden = offenderOnly.IsSuppressed || controlOnly.IsSuppressed;
            var or = MatchedPairs.ConditionalOddsRatio(b, c);
            var rr = a + c > 0 ? MatchedPairs.RiskRatio(a, b, c) : null;
            return new PairedContrast(
                t.Versus, rule.Disclose(a + b + c + d, key + "/pairs"), offenderOnly, controlOnly,
                hidden ? null : Numbers.Finite(or.Estimate), hidden ? null : Numbers.Finite(or.Ci.Low), hidden ? null : Numbers.Finite(or.Ci.High),
                rr is null ? null : Numbers.Finite(rr.Estimate), Numbers.Finite(tests[i].PValue), Numbers.Finite(holm[i]), tests[i].Method);
        }).ToArray();
    }

    // A ratio would let a suppressed count be recovered from the published rates, so it is withheld with the count.
    private Contrast ToContrast(string name, (string Name, long N, long X) versus, TwoProportionComparison c, double holm)
    {
        var hidden = rule.IsSuppressed(c.X1) || rule.IsSuppressed(c.X2) || rule.IsSuppressed(c.N1) || rule.IsSuppressed(c.N2);
        return new Contrast(
            name, versus.Name,
            hidden ? null : Numbers.Finite(c.RiskRatio.Estimate),
            hidden ? null : Numbers.Finite(c.RiskRatio.Ci.Low),
            hidden ? null : Numbers.Finite(c.RiskRatio.Ci.High),
            Numbers.Finite(c.Test.PValue), Numbers.Finite(holm), c.Test.Method);
    }
}
