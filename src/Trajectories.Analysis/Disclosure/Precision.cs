namespace Trajectories.Analysis.Disclosure;

/// <summary>
/// Publication precision for figures that are not functions of published counts (means of person attributes,
/// model-based percentages and shares, tests on the microdata): coarse enough that the figure cannot pin the count
/// behind it. WHY these steps: a mean of integer values over n persons published to a step s leaves, for every
/// candidate n, an interval of sums of width s·n; when s·n ≥ 1 every candidate n stays possible. A percentage of n
/// persons published to a step s (in percent) leaves an interval of s·n/100 numerators; when that is ≥ 2 no
/// denominator allows only one numerator.
/// </summary>
public static class Precision
{
    private static readonly double[] PercentSteps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50];

    /// <summary>
    /// A mean of integer-valued person attributes (ages, numbers of cases) over <paramref name="persons"/>, rounded to
    /// the finest decimal step s ≥ 0.001 with s·(smallest possible n) ≥ 1; null when the base is suppressed or the
    /// value is not finite.
    /// </summary>
    public static double? MeanOfIntegers(double mean, DisclosedCount persons, DisclosureRule rule)
    {
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(rule);
        if (!rule.IsApplied)
        {
            return double.IsFinite(mean) ? mean : null;
        }

        if (persons.IsSuppressed || !double.IsFinite(mean))
        {
            return null;
        }

        var low = Math.Max(1, CountInterval.Of(persons, rule).Low);
        for (var decimals = 3; decimals > -3; decimals--)
        {
            var step = Math.Pow(10, -decimals);
            if (step * low >= 1)
            {
                return ToStep(mean, step, Math.Max(decimals, 0));
            }
        }

        return ToStep(mean, 1000, 0);
    }

    /// <summary>
    /// A model-based percentage (posterior-weighted, BCH-corrected, an estimated share in percent) of about
    /// <paramref name="persons"/> persons, on the finest step of 0.1, 0.2, 0.5, 1, 2, 5, … percent with
    /// step·(smallest possible n)/100 ≥ 2; null when the base is suppressed or the value is not finite.
    /// </summary>
    public static double? ModelPercent(double percent, DisclosedCount persons, DisclosureRule rule)
    {
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentNullException.ThrowIfNull(rule);
        if (!rule.IsApplied)
        {
            return double.IsFinite(percent) ? percent : null;
        }

        if (persons.IsSuppressed || !double.IsFinite(percent))
        {
            return null;
        }

        var low = Math.Max(1, CountInterval.Of(persons, rule).Low);
        var step = PercentSteps.FirstOrDefault(s => s * low / 100 >= 2, 100);
        return ToStep(percent, step, step < 1 ? 1 : 0);
    }

    /// <summary>A share (0–1) of about <paramref name="persons"/> persons, on the step <see cref="ModelPercent"/> uses.</summary>
    public static double? ModelShare(double share, DisclosedCount persons, DisclosureRule rule) =>
        ModelPercent(100 * share, persons, rule) is { } p ? Math.Round(p / 100, 4) : null;

    /// <summary>
    /// A statistic computed on the microdata (a rank-test p-value, a quasi-Poisson interval bound) to
    /// <paramref name="digits"/> significant digits; null when not finite. Used where no formula from published counts
    /// exists: two significant digits cannot single out one of the neighbouring counts an attacker would try.
    /// </summary>
    public static double? Significant(double value, DisclosureRule rule, int digits = 2)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        if (!double.IsFinite(value))
        {
            return null;
        }

        if (!rule.IsApplied || value == 0)
        {
            return value;
        }

        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var decimals = digits - 1 - magnitude;
        return decimals >= 0 && decimals <= 15
            ? Math.Round(value, decimals, MidpointRounding.AwayFromZero)
            : Math.Round(value / Math.Pow(10, -decimals), MidpointRounding.AwayFromZero) * Math.Pow(10, -decimals);
    }

    // "+ 0.0" turns a −0 (a tiny negative BCH estimate rounded) into 0, so no "-0.0 %" is published.
    private static double ToStep(double value, double step, int decimals) =>
        Math.Round(Math.Round(value / step, MidpointRounding.AwayFromZero) * step, decimals, MidpointRounding.AwayFromZero) + 0.0;
}
