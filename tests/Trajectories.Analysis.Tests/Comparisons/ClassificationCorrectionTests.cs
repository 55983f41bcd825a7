using Trajectories.Analysis.Comparisons;
using Trajectories.Core.Results;

namespace Trajectories.Analysis.Tests.Comparisons;

/// <summary>
/// BCH on a constructed mixture with known truth: two groups (shares 0.6/0.4) whose membership shows in a noisy
/// signal x ~ N(±1, 1), exact Bayes posteriors from x, and an outcome that depends only on the true group
/// (P = 0.10 and 0.60). Modal assignment misclassifies about 16 % and pulls both rates toward each other.
/// </summary>
public sealed class ClassificationCorrectionTests
{
    private const int N = 40_000;

    [Fact]
    public void Bch_recovers_the_true_group_rates_better_than_modal_and_weighted()
    {
        var random = new Random(17);
        double[] shares = [0.6, 0.4], means = [-1, 1], truth = [0.10, 0.60];
        var probabilities = new double[N * 2];
        var outcome = new double[N];
        for (var i = 0; i < N; i++)
        {
            var s = random.NextDouble() < shares[0] ? 0 : 1;
            var x = means[s] + Normal(random);
            var l0 = shares[0] * Math.Exp(-0.5 * (x - means[0]) * (x - means[0]));
            var l1 = shares[1] * Math.Exp(-0.5 * (x - means[1]) * (x - means[1]));
            probabilities[2 * i] = l0 / (l0 + l1);
            probabilities[(2 * i) + 1] = l1 / (l0 + l1);
            outcome[i] = random.NextDouble() < truth[s] ? 1 : 0;
        }

        var table = new PosteriorTable(Enumerable.Range(0, N).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), 2, probabilities);
        var modal = ClassificationCorrection.Modal(table, i => outcome[i]);
        var weighted = ClassificationCorrection.PosteriorWeighted(table, i => outcome[i]);
        var bch = ClassificationCorrection.Bch(table, i => outcome[i]);
        for (var s = 0; s < 2; s++)
        {
            Assert.True(Math.Abs(bch[s] - truth[s]) < 0.015, $"group {s}: BCH {bch[s]:0.000} vs truth {truth[s]}");
            Assert.True(Math.Abs(modal[s] - truth[s]) > 0.03, $"group {s}: modal {modal[s]:0.000} should be attenuated");
            Assert.True(Math.Abs(bch[s] - truth[s]) < Math.Abs(modal[s] - truth[s]));
            Assert.True(Math.Abs(bch[s] - truth[s]) < Math.Abs(weighted[s] - truth[s]));
        }

        var d = ClassificationCorrection.ErrorMatrix(table);
        Assert.Equal(1.0, d[0, 0] + d[0, 1], 12);
        Assert.InRange(d[0, 0], 0.75, 0.95);
    }

    [Fact]
    public void A_perfect_classification_leaves_modal_means_unchanged()
    {
        var table = new PosteriorTable(["a", "b", "c", "d"], 2, [1, 0, 1, 0, 0, 1, 0, 1]);
        double[] y = [1, 0, 1, 1];
        Assert.Equal([0.5, 1.0], ClassificationCorrection.Bch(table, i => y[i]));
        Assert.Equal([0.5, 1.0], ClassificationCorrection.Modal(table, i => y[i]));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
