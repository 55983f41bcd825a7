using Trajectories.Core.Panels;

namespace Trajectories.Core.Estimation;

/// <summary>Checks that a model is identifiable on a panel before any fitting, with messages that say why not.</summary>
internal static class DataChecks
{
    /// <summary>Throws <see cref="ModelSpecificationException"/> when the model cannot be fitted to the data.</summary>
    public static void Check(CountPanel panel, PatternPanel patterns, ModelSpecification spec)
    {
        spec.Validate();
        if (panel.ObservationCount == 0)
        {
            throw new ModelSpecificationException("the panel has no observations.");
        }

        var observedTimes = panel.TimeIndex.Distinct().Count();
        for (var g = 0; g < spec.Groups; g++)
        {
            var needed = Math.Max(spec.Orders[g], spec.InflationOrders[g]) + 1;
            if (needed > observedTimes)
            {
                throw new ModelSpecificationException(
                    $"group {g + 1}: a polynomial of order {needed - 1} needs at least {needed} distinct observed time points, the data have {observedTimes}.");
            }
        }

        if (panel.Counts.All(c => c == 0))
        {
            throw new ModelSpecificationException(
                "every count is zero: the rates are not identifiable (their maximum-likelihood estimate is 0, log rate −∞).");
        }

        var distinct = 0;
        for (var i = 0; i < patterns.PatternCount; i++)
        {
            if (patterns.Patterns.RowStart[i + 1] > patterns.Patterns.RowStart[i])
            {
                distinct++;
            }
        }

        if (spec.Groups > distinct)
        {
            throw new ModelSpecificationException(
                $"{spec.Groups} groups were asked for but the data have only {distinct} distinct person patterns; a mixture cannot have more groups than distinct patterns.");
        }
    }
}
