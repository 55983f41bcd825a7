using FsCheck;
using FsCheck.Xunit;
using Trajectories.Analysis.Disclosure;

namespace Trajectories.Analysis.Tests.Disclosure;

public class DisclosureRuleProperties
{
    private static DisclosureRule Rule(int baseMinus1, bool random, ulong seed) =>
        new(roundingBase: 1 + baseMinus1 % 20, mode: random ? RoundingMode.UnbiasedRandom : RoundingMode.Nearest, suppressionThreshold: 0, seed: seed);

    [Property]
    public bool Rounded_values_are_multiples_of_the_base(NonNegativeInt n, NonNegativeInt b, bool random, ulong seed, string? key)
    {
        var rule = Rule(b.Get, random, seed);
        return rule.Round(n.Get, key ?? string.Empty) % rule.RoundingBase == 0;
    }

    [Property]
    public bool Rounding_moves_less_than_one_base(NonNegativeInt n, NonNegativeInt b, bool random, ulong seed, string? key)
    {
        var rule = Rule(b.Get, random, seed);
        return Math.Abs(rule.Round(n.Get, key ?? string.Empty) - n.Get) < rule.RoundingBase;
    }

    [Property]
    public bool Nearest_rounding_is_never_farther_than_the_other_multiple(NonNegativeInt n)
    {
        var r = new DisclosureRule().Round(n.Get, "k");
        return Math.Abs(r - n.Get) <= 2;
    }

    [Property]
    public bool Suppression_applies_below_threshold_only(NonNegativeInt n, NonNegativeInt threshold)
    {
        var t = threshold.Get % 50;
        var d = new DisclosureRule(suppressionThreshold: t).Disclose(n.Get, "cell");
        return d.IsSuppressed == (n.Get > 0 && n.Get < t) && (d.IsSuppressed ? d.Display == "x" : d.Value % 5 == 0);
    }

    [Property]
    public bool Same_key_and_seed_give_the_same_published_value(NonNegativeInt n, ulong seed, string? key)
    {
        var rule = new DisclosureRule(mode: RoundingMode.UnbiasedRandom, seed: seed);
        return rule.Disclose(n.Get, key ?? "") == rule.Disclose(n.Get, key ?? "");
    }

    [Property(MaxTest = 20)]
    public bool Unbiased_random_rounding_averages_to_n_over_keys(NonNegativeInt n, ulong seed, PositiveInt b)
    {
        // For any count, seed and base, the mean over 20 000 cell keys is n within 5 standard errors
        // (each draw is n − r or n − r + base, so SD ≤ base/2).
        var rule = new DisclosureRule(roundingBase: 2 + b.Get % 9, mode: RoundingMode.UnbiasedRandom, suppressionThreshold: 0, seed: seed);
        const int keys = 20_000;
        double sum = 0;
        for (var i = 0; i < keys; i++)
        {
            sum += rule.Round(n.Get, "cell/" + i);
        }

        return Math.Abs(sum / keys - n.Get) <= 5 * (rule.RoundingBase / 2.0) / Math.Sqrt(keys);
    }
}
