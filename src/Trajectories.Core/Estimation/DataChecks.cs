using Trajectories.Core.Families;
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
            var needed = Math.Max(spec.Orders[g], spec.SecondaryOrders[g]) + 1;
            if (needed > observedTimes)
            {
                throw new ModelSpecificationException(
                    $"group {g + 1}: a polynomial of order {needed - 1} needs at least {needed} distinct observed time points, the data have {observedTimes}.");
            }
        }

        var family = spec.Family;
        if (panel.Exposure is not null && !family.UsesExposure)
        {
            throw new ModelSpecificationException($"the {family.Name} family takes no exposure (time at risk is an offset of count rates only).");
        }

        // The distinct patterns hold every distinct value (each under the first person who has it), at a fraction of the cost.
        var distinctRows = patterns.Patterns;
        for (var i = 0; i < distinctRows.PersonCount; i++)
        {
            var s = distinctRows.Series(i);
            for (var k = 0; k < s.Length; k++)
            {
                if (family.OutcomeProblem(s.Values[k]) is { } problem)
                {
                    throw new ModelSpecificationException($"person '{distinctRows.PersonIds[i]}', time {distinctRows.Times[s.TimeIndex[k]]}: {problem}");
                }
            }
        }

        if (Constant(panel.Values) is { } only)
        {
            var why = family.Outcome switch
            {
                OutcomeKind.Count when only == 0 => "every count is zero: the rates are not identifiable (their maximum-likelihood estimate is 0, log rate −∞).",
                OutcomeKind.Count => null,
                OutcomeKind.Binary => $"every outcome is {only}: the probabilities are not identifiable (their maximum-likelihood estimate is {only}, logit {(only == 0 ? "−∞" : "+∞")}).",
                _ => $"every value is {only}: the spread is not identifiable (its maximum-likelihood estimate is σ = 0).",
            };
            if (why is not null)
            {
                throw new ModelSpecificationException(why);
            }
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

    /// <summary>The one value every observation has, or null when they differ.</summary>
    private static double? Constant(double[] values)
    {
        foreach (var v in values)
        {
            if (v != values[0])
            {
                return null;
            }
        }

        return values.Length > 0 ? values[0] : null;
    }
}
