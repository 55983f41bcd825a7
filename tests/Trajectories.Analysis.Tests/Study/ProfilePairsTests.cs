using Trajectories.Analysis.Comparisons;
using Trajectories.Analysis.Statistics;
using Trajectories.Analysis.Study;
using Trajectories.Registers.Model;

namespace Trajectories.Analysis.Tests.Study;

/// <summary>
/// Each profile against the controls matched to its own members: the counts, recomputed here from the register's
/// match ids and the modal assignment, and their Holm families.
/// </summary>
public sealed class ProfilePairsTests(StudyFixture fixture) : IClassFixture<StudyFixture>
{
    [Fact]
    public void Profile_pairs_are_counted_from_the_members_own_matches()
    {
        var run = StudyAnalysis.RunWithMicrodata(fixture.Register, new AnalysisOptions { Groups = [4], Orders = [3], Starts = 2, NoDisclosureControl = true });
        var result = run.Published;
        var persons = fixture.Register.Persons;
        var window = fixture.Register.Metadata!.VictimisationYears;
        var victims = fixture.Register.Victimisations.Where(v => v.Year >= window.First && v.Year <= window.Last).Select(v => v.PersonId).ToHashSet(StringComparer.Ordinal);
        var post = run.Fit.Posteriors;
        var group = Enumerable.Range(0, post.Count).ToDictionary(i => post.PersonIds[i], post.ModalGroup, StringComparer.Ordinal);
        var ever = result.Victimisation.Ever;
        foreach (var label in result.Labels)
        {
            var name = StudyAnalysis.PopulationName(label);
            foreach (var cohort in new[] { Cohort.CriminalControl, Cohort.NoncriminalControl })
            {
                var controls = persons.Where(p => p.Cohort == cohort).ToDictionary(p => p.MatchId, p => p.PersonId, StringComparer.Ordinal);
                var pairs = persons.Where(p => p.Cohort == Cohort.Offender && group.TryGetValue(p.PersonId, out var g) && g == label.Group && controls.ContainsKey(p.MatchId))
                    .Select(p => (victims.Contains(p.PersonId), victims.Contains(controls[p.MatchId]))).ToArray();
                var (a, b, c, d) = MatchedPairs.Tabulate(pairs);
                var row = ever.Paired.Single(r => r.Population == name && r.Versus == Codes.Of(cohort));
                Assert.Equal([a + b + c + d, a, b, c], new[] { row.Pairs, row.Both, row.OffenderOnly, row.ControlOnly }.Select(x => x.Value!.Value));
                Assert.Equal(b == 0 && c == 0 ? null : MatchedPairs.McNemar(b, c).PValue, row.PValue);
            }
        }

        Assert.NotEmpty(victims);

        // Families: the offenders' two tests, and per control group the profiles' tests.
        foreach (var family in ever.Paired.GroupBy(r => r.Population == PopulationNames.Offender ? "offender" : r.Versus))
        {
            var rows = family.Where(r => r.PValue is not null).ToArray();
            Assert.Equal(PValueAdjustment.Holm(rows.Select(r => r.PValue!.Value).ToArray()), rows.Select(r => r.PHolm!.Value));
        }

        Assert.Equal(2 + (2 * result.Labels.Count), ever.Paired.Count);
    }
}
