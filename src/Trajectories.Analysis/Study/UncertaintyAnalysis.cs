using Trajectories.Analysis.Comparisons;
using Trajectories.Analysis.Disclosure;
using Trajectories.Analysis.Profiles;
using Trajectories.Analysis.Statistics;
using Trajectories.Core.Results;

namespace Trajectories.Analysis.Study;

/// <summary>
/// Modal, posterior-weighted and BCH estimates of every binary outcome per profile, with sandwich standard errors and
/// Wald tests across the profiles. Modal percentages are the profile rows of the outcome's table (the same published
/// counts); the model-based figures are published at a precision that cannot pin a count, and withheld with the
/// profile's counts.
/// </summary>
internal static class UncertaintyAnalysis
{
    /// <summary>One outcome: its published table, who is counted (ledger base code and predicate), who has it.</summary>
    public sealed record Outcome(BinaryOutcome Published, string BaseCode, Func<int, bool> Include, Func<int, bool> Has);

    public static (IReadOnlyList<UncertaintyRow> Rows, IReadOnlyList<UncertaintyTest> Tests) Build(
        TrajectoryFit fit, IReadOnlyList<ProfileLabel> labels, int[] panelPersons, IReadOnlyList<Outcome> outcomes, PublishedModel model, DisclosureLedger ledger,
        ProfileBootstrap.Result? bootstrap)
    {
        var rule = ledger.Rule;
        var post = fit.Posteriors;
        // Posterior row i is panel person i, register person panelPersons[i].
        var index = panelPersons;
        var rows = new List<UncertaintyRow>();
        var tests = new List<UncertaintyTest>();
        for (var k = 0; k < outcomes.Count; k++)
        {
            var o = outcomes[k];
            bool Include(int i) => o.Include(index[i]);
            double Y(int i) => o.Has(index[i]) ? 1.0 : 0.0;
            var weighted = ClassificationCorrection.PosteriorWeightedEstimate(post, Y, Include);
            var bch = ClassificationCorrection.BchEstimate(post, Y, Include);
            var expected = ClassificationCorrection.ExpectedSizes(post, Include);
            var visible = new List<int>();
            var complete = true;
            foreach (var l in labels)
            {
                var g = l.Group - 1;
                var population = StudyAnalysis.PopulationName(l);
                var rate = o.Published.Rates.Single(r => r.Population == population);
                var expectedN = o.BaseCode == "all"
                    ? model.Groups.Single(x => x.Group == l.Group).ExpectedN
                    : ledger.Count((long)Math.Round(expected[g]), $"model/{population}/{o.BaseCode}/expected_n");
                var shown = !rate.N.IsSuppressed && !rate.Events.IsSuppressed && !expectedN.IsSuppressed;
                complete &= shown;
                if (shown && rate.N.Value > 0)
                {
                    visible.Add(g);
                }

                double? Percent(ClassEstimate? e) => shown && e is not null ? Precision.ModelPercent(100 * e.Mean[g], expectedN, rule) : null;
                double? Se(ClassEstimate? e) => shown && e is not null ? Precision.Significant(100 * e.StandardError(g), rule) : null;

                // Interval ends are model figures like the percentages, at their precision and withheld with them.
                double? End(int estimator, bool high) =>
                    shown && bootstrap?.Of(estimator, k, g) is { Replicates: >= ProfileBootstrap.MinReplicates } interval
                        ? Precision.ModelPercent(high ? interval.High : interval.Low, expectedN, rule)
                        : null;
                rows.Add(new UncertaintyRow(
                    o.Published.Outcome, l.Group, l.Label, rate.N, expectedN, rate.Percent, Percent(weighted), Se(weighted), Percent(bch), Se(bch),
                    End(0, false), End(0, true), End(1, false), End(1, true)));
            }

            foreach (var (name, estimate) in new (string, ClassEstimate?)[] { ("weighted", weighted), ("bch", bch) })
            {
                tests.Add(Test(o.Published.Outcome, name, complete ? estimate?.EqualityTest(visible) : null, complete, rule));
            }
        }

        return (rows, tests);
    }

    private static UncertaintyTest Test(string outcome, string estimator, TestResult? test, bool complete, DisclosureRule rule) =>
        test is null
            ? new UncertaintyTest(outcome, estimator, null, null, null, complete ? "not estimable" : BinaryOutcomeBuilder.Withheld)
            : new UncertaintyTest(
                outcome, estimator, Precision.Significant(test.Statistic, rule, 3), (int?)test.DegreesOfFreedom,
                Precision.Significant(test.PValue, rule), test.Method);
}
