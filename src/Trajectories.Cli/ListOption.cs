using System.Globalization;

namespace Trajectories.Cli;

/// <summary>Parses the list and range arguments of the verbs: "2", "2,3,3", "1-6".</summary>
public static class ListOption
{
    /// <summary>Most values a range may list; every range option (groups, orders) allows far fewer.</summary>
    public const int MaxRangeLength = 1_000;

    /// <summary>Parses comma-separated integers; throws <see cref="UsageException"/> naming the option.</summary>
    public static int[] Integers(string option, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new UsageException($"{option}: '{parts[i]}' is not an integer (expected e.g. 2 or 2,3,3).");
            }
        }

        return values;
    }

    /// <summary>Parses "a-b", "a" or "a,b,c" into the listed integers, ascending and distinct.</summary>
    public static int[] Range(string option, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dash = text.IndexOf('-', 1 < text.Length ? 1 : 0);
        if (dash > 0 && !text.Contains(',', StringComparison.Ordinal))
        {
            var from = Integers(option, text[..dash])[0];
            var to = Integers(option, text[(dash + 1)..])[0];
            if (to < from)
            {
                throw new UsageException($"{option}: the range '{text}' is empty (expected e.g. 1-6).");
            }

            // Refused before Enumerable.Range allocates it: a mistyped bound (1-100000000) must not exhaust memory.
            if ((long)to - from + 1 > MaxRangeLength)
            {
                throw new UsageException($"{option}: the range '{text}' has more than {MaxRangeLength} values.");
            }

            return Enumerable.Range(from, to - from + 1).ToArray();
        }

        return Integers(option, text).Distinct().Order().ToArray();
    }
}
