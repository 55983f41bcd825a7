using Trajectories.Analysis.Comparisons;
using Trajectories.Core.Results;
using Xunit.Abstractions;

namespace Trajectories.Analysis.Tests.Comparisons;

/// <summary>
/// The sandwich standard errors of the posterior-weighted and BCH estimates against a Monte Carlo of the estimators'
/// spread, on the constructed two-group mixture of <see cref="ClassificationCorrectionTests"/> (exact Bayes
/// posteriors from a noisy signal; outcome rates 0.10 and 0.60), and the Wald test's size under equal rates.
/// </summary>
public sealed class ClassEstimateTests(ITestOutputHelper output)
{
    private const int Persons = 2000;
    private const int Replicates = 400;

    [Fact]
    public void Standard_errors_match_the_spread_of_the_estimates()
    {
        var random = new Random(5);
        var bch = new List<double[]>();
        var weighted = new List<double[]>();
        var bchSe = new List<double[]>();
        var weightedSe = new List<double[]>();
        for (var r = 0; r < Replicates; r++)
        {
            var (table, y) = Draw(random, [0.10, 0.60]);
            var b = ClassificationCorrection.BchEstimate(table, i => y[i])!;
            var w = ClassificationCorrection.PosteriorWeightedEstimate(table, i => y[i]);
            bch.Add(b.Mean);
            weighted.Add(w.Mean);
            bchSe.Add([b.StandardError(0), b.StandardError(1)]);
            weightedSe.Add([w.StandardError(0), w.StandardError(1)]);
        }

        for (var s = 0; s < 2; s++)
        {
            foreach (var (name, estimates, ses) in new[] { ("BCH", bch, bchSe), ("weighted", weighted, weightedSe) })
            {
                var values = estimates.Select(e => e[s]).ToArray();
                var mean = values.Average();
                var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
                var se = ses.Average(e => e[s]);
                output.WriteLine($"{name} group {s}: Monte Carlo SD {sd:0.00000}, mean SE {se:0.00000}, ratio {se / sd:0.000}");

                // 400 replicates estimate an SD to about ±3.5 % (1/√(2·400)); allow three of those plus the bias of
                // holding the classification weights fixed.
                Assert.InRange(se / sd, 0.88, 1.12);
            }
        }
    }

    [Fact]
    public void The_wald_test_holds_its_size_when_the_groups_share_a_rate()
    {
        var random = new Random(9);
        var rejected = 0;
        for (var r = 0; r < Replicates; r++)
        {
            var (table, y) = Draw(random, [0.30, 0.30]);
            var test = ClassificationCorrection.BchEstimate(table, i => y[i])!.EqualityTest([0, 1])!;
            rejected += test.PValue < 0.05 ? 1 : 0;
        }

        // 5 % of 400 is 20; a binomial 99.9 % range is about 7–36.
        output.WriteLine($"rejected {rejected} of {Replicates} at 5 %");
        Assert.InRange(rejected, 7, 36);
    }

    [Fact]
    public void The_wald_test_compares_the_chosen_groups_only()
    {
        var estimate = new ClassEstimate([0.1, 0.5, 0.1], new double[,] { { 0.01, 0, 0 }, { 0, 0.01, 0 }, { 0, 0, 0.01 } });
        Assert.Equal(0.0, estimate.EqualityTest([0, 2])!.Statistic, 12);
        Assert.Equal(8.0, estimate.EqualityTest([0, 1])!.Statistic, 12); // 0.4² / 0.02
        Assert.Null(estimate.EqualityTest([1]));
    }

    private static (PosteriorTable Table, double[] Y) Draw(Random random, double[] rates)
    {
        double[] shares = [0.6, 0.4], means = [-1, 1];
        var probabilities = new double[Persons * 2];
        var y = new double[Persons];
        for (var i = 0; i < Persons; i++)
        {
            var s = random.NextDouble() < shares[0] ? 0 : 1;
            var x = means[s] + (Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
            var l0 = shares[0] * Math.Exp(-0.5 * (x - means[0]) * (x - means[0]));
            var l1 = shares[1] * Math.Exp(-0.5 * (x - means[1]) * (x - means[1]));
            probabilities[2 * i] = l0 / (l0 + l1);
            probabilities[(2 * i) + 1] = l1 / (l0 + l1);
            y[i] = random.NextDouble() < rates[s] ? 1 : 0;
        }

        var ids = Enumerable.Range(0, Persons).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return (new PosteriorTable(ids, 2, probabilities), y);
    }
}
