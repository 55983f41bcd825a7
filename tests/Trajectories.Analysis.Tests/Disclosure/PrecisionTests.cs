using Trajectories.Analysis.Disclosure;

namespace Trajectories.Analysis.Tests.Disclosure;

public sealed class PrecisionTests
{
    private static readonly DisclosureRule Rule = new(5, RoundingMode.Nearest, 5);

    [Theory]
    [InlineData(225, 23.4567, 23.46)]
    [InlineData(95, 23.4567, 23.5)]
    [InlineData(10, 23.4567, 23.0)]
    [InlineData(5, 23.4567, 23.0)]
    public void Means_of_integers_get_a_step_s_with_s_times_n_at_least_one(long n, double mean, double expected) =>
        Assert.Equal(expected, Precision.MeanOfIntegers(mean, Rule.Disclose(n, "n"), Rule));

    [Fact]
    public void A_mean_published_at_that_step_leaves_every_candidate_n_possible()
    {
        foreach (var n in new long[] { 5, 9, 12, 47, 95, 230 })
        {
            var published = Rule.Disclose(n, "n");
            var mean = Precision.MeanOfIntegers(1234.0 / n, published, Rule)!.Value;
            var interval = CountInterval.Of(published, Rule);
            var decimals = Decimals(mean);
            var half = 0.5 * Math.Pow(10, -decimals) + 1e-12;
            for (var m = interval.Low; m <= interval.High; m++)
            {
                Assert.True(Math.Floor((mean + half) * m) >= Math.Ceiling((mean - half) * m), $"n={n}: m={m} excluded by mean {mean}");
            }
        }
    }

    [Theory]
    [InlineData(630, 35.873, 36.0)]
    [InlineData(225, 8.91, 9.0)]
    [InlineData(95, 8.91, 10.0)]
    [InlineData(4000, 8.91, 8.9)]
    public void Model_percentages_get_at_least_two_persons_per_step(long n, double percent, double expected) =>
        Assert.Equal(expected, Precision.ModelPercent(percent, Rule.Disclose(n, "n"), Rule));

    [Fact]
    public void Suppressed_bases_withhold_and_no_rule_keeps_full_precision()
    {
        Assert.Null(Precision.MeanOfIntegers(3.2, Rule.Disclose(3, "n"), Rule));
        Assert.Null(Precision.ModelPercent(12.3, Rule.Disclose(3, "n"), Rule));
        Assert.Equal(3.2012711, Precision.MeanOfIntegers(3.2012711, DisclosureRule.None.Disclose(472, "n"), DisclosureRule.None));
        Assert.Equal(0.00012, Precision.Significant(0.000123456, Rule));
        Assert.Equal(1300, Precision.Significant(1337.1, Rule));
        Assert.Null(Precision.Significant(double.NaN, Rule));
        Assert.False(double.IsNegative(Precision.ModelPercent(-0.01, Rule.Disclose(70, "n"), Rule)!.Value));
    }

    private static int Decimals(double value)
    {
        var text = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : text.Length - dot - 1;
    }
}
