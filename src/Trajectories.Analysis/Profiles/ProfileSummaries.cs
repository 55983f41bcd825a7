using Trajectories.Analysis.Disclosure;
using Trajectories.Analysis.Study;
using Trajectories.Core.Results;

namespace Trajectories.Analysis.Profiles;

/// <summary>Computes the <see cref="ProfileSummary"/> rows from the modal assignment of the chosen fit.</summary>
internal static class ProfileSummaries
{
    /// <param name="fit">The chosen fit.</param>
    /// <param name="labels">Its group labels.</param>
    /// <param name="facts">Per-person facts.</param>
    /// <param name="members">Register indices of each group's modal members (index g − 1).</param>
    /// <param name="rule">Disclosure rule.</param>
    public static IReadOnlyList<ProfileSummary> Build(
        TrajectoryFit fit, IReadOnlyList<ProfileLabel> labels, PersonFacts facts, int[][] members, DisclosureRule rule)
    {
        var panelCount = members.Sum(m => m.Length);
        var allCases = (double)members.SelectMany(m => m).Sum(i => facts.TotalCases[i]);
        return labels.Select(l =>
        {
            var m = members[l.Group - 1];
            long n = m.Length;
            var withCase = m.Where(i => facts.FirstCaseYear[i] is not null).ToArray();
            var withFt = m.Where(i => facts.Persons[i].FirstTraffickingYear is not null).ToArray();
            double? Mean(int[] set, Func<int, double> f) => set.Length == 0 ? null : rule.Statistic(set.Average(f), set.Length, 3).Value;
            return new ProfileSummary(
                l.Group,
                l.Label,
                l.Description,
                rule.Disclose(n, $"profiles/{l.Label}/{l.Group}/n"),
                panelCount > 0 && !rule.IsSuppressed(n) ? (double)n / panelCount : null,
                fit.Groups[l.Group - 1].Share,
                allCases > 0 && !rule.IsSuppressed(n) ? m.Sum(i => facts.TotalCases[i]) / allCases : null,
                Mean(withCase, i => facts.FirstCaseYear[i]!.Value - facts.Persons[i].BirthYear),
                Mean(withFt, i => facts.Persons[i].FirstTraffickingYear!.Value - facts.Persons[i].BirthYear),
                Mean(withFt, i => facts.CasesBeforeTrafficking[i]),
                withFt.Length > 0 && !rule.IsSuppressed(withFt.Length) ? withFt.Count(i => facts.CasesBeforeTrafficking[i] == 0) / (double)withFt.Length : null);
        }).ToArray();
    }
}
