using Trajectories.Analysis.Disclosure;
using Trajectories.Analysis.Study;

namespace Trajectories.Analysis.Profiles;

/// <summary>Computes the <see cref="ProfileSummary"/> rows from the modal assignment of the chosen fit.</summary>
internal static class ProfileSummaries
{
    /// <param name="model">The published model (its groups give the estimated shares).</param>
    /// <param name="labels">The group labels.</param>
    /// <param name="facts">Per-person facts.</param>
    /// <param name="members">Register indices of each group's modal members (index g − 1).</param>
    /// <param name="ledger">The analysis's disclosed counts; the profile sizes are already in it.</param>
    public static IReadOnlyList<ProfileSummary> Build(
        PublishedModel model, IReadOnlyList<ProfileLabel> labels, PersonFacts facts, int[][] members, DisclosureLedger ledger)
    {
        var rule = ledger.Rule;
        var panel = ledger.Count(members.Sum(m => (long)m.Length), "panel/offender/n");
        long Cases(IEnumerable<int> set) => set.Sum(i => (long)facts.TotalCases[i]);
        var caseParts = labels.Select(l => ($"all/{StudyAnalysis.PopulationName(l)}/cases", Cases(members[l.Group - 1]))).ToArray();
        var panelCases = caseParts.Sum(p => p.Item2);
        var cases = ledger.Partition("panel/offender/cases", panelCases, caseParts, 0);
        var allCases = ledger.Count(panelCases, "panel/offender/cases");
        return labels.Select((l, k) =>
        {
            var name = StudyAnalysis.PopulationName(l);
            var m = members[l.Group - 1];
            var n = ledger.Count(m.Length, $"all/{name}/n");
            var withCase = m.Where(i => facts.FirstCaseYear(i) is not null).ToArray();
            var withFt = m.Where(i => facts.People.FirstTraffickingYearOf(i) is not null).ToArray();
            var withCaseN = ledger.Count(withCase.Length, $"all/{name}/with_case");
            var withFtN = ledger.Count(withFt.Length, $"all/{name}/with_trafficking");
            var startsWithFt = ledger.Count(withFt.Count(i => facts.CasesBeforeTrafficking[i] == 0), $"all/{name}/starts_with_trafficking");
            double? Mean(int[] set, DisclosedCount persons, Func<int, double> f) =>
                set.Length == 0 ? null : Precision.MeanOfIntegers(set.Average(f), persons, rule);
            return new ProfileSummary(
                l.Group,
                l.Label,
                l.Description,
                n,
                DisclosureRule.Ratio(n, panel),
                model.Groups.Single(g => g.Group == l.Group).Share,
                DisclosureRule.Ratio(cases[k], allCases),
                Mean(withCase, withCaseN, i => facts.FirstCaseYear(i)!.Value - facts.People.BirthYearOf(i)),
                Mean(withFt, withFtN, i => facts.People.FirstTraffickingYearOf(i)!.Value - facts.People.BirthYearOf(i)),
                Mean(withFt, withFtN, i => facts.CasesBeforeTrafficking[i]),
                DisclosureRule.Ratio(startsWithFt, withFtN));
        }).ToArray();
    }
}
