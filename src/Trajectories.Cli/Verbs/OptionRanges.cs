using System.Globalization;

namespace Trajectories.Cli.Verbs;

/// <summary>
/// Range checks of the numeric options, shared by every verb, so a value that makes no sense (NaN, Infinity, a
/// negative count, a share above 1, a budget no machine can run) is an argument error (exit 2, naming the option and
/// the value) before anything is read, allocated or fitted — and never reaches results.json or report.html.
/// </summary>
public static class OptionRanges
{
    /// <summary>Most random starts per model: more than any published analysis uses, and bounded so 5 × starts fits an int.</summary>
    public const int MaxStarts = 100_000;

    /// <summary>Most worker threads: far above any machine's cores (0 means all cores).</summary>
    public const int MaxThreads = 1_024;

    /// <summary>Most offenders of <c>simulate</c>: 3 N persons must fit an int, with room for the study's 17 M target.</summary>
    public const int MaxOffenders = 100_000_000;

    /// <summary>Largest disclosure suppression threshold: beyond it every published count would be suppressed.</summary>
    public const int MaxSuppressBelow = 1_000_000;

    /// <summary>An integer within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <exception cref="UsageException">Outside it.</exception>
    public static int Between(string option, int value, int min, int max, string rule)
    {
        if (value < min || value > max)
        {
            throw new UsageException($"{option}: {value.ToString(CultureInfo.InvariantCulture)} is out of range ({rule}).");
        }

        return value;
    }

    /// <summary>A finite number within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <exception cref="UsageException">NaN, an infinity, or outside the interval.</exception>
    public static double Between(string option, double value, double min, double max, string rule)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw new UsageException($"{option}: {Text(value)} is out of range ({rule}).");
        }

        return value;
    }

    /// <summary>A finite number, or null when the option was not given.</summary>
    /// <exception cref="UsageException">NaN or an infinity.</exception>
    public static double? Finite(string option, double? value) =>
        value is { } v && !double.IsFinite(v) ? throw new UsageException($"{option}: {Text(v)} is not a finite number.") : value;

    /// <summary>A share or probability floor: 0 (no floor) to 1.</summary>
    public static double Fraction(string option, double value) => Between(option, value, 0, 1, "expected a number from 0 to 1");

    /// <summary>A level or precision strictly between 0 and 1 (NaN and the infinities refused).</summary>
    public static double OpenFraction(string option, double value) =>
        double.IsFinite(value) && value > 0 && value < 1
            ? value
            : throw new UsageException($"{option}: {Text(value)} is out of range (expected a number strictly between 0 and 1).");

    /// <summary>A start-scheme seed: 0 or more (a negative seed would be reinterpreted as a huge unsigned one).</summary>
    public static int Seed(string option, int value) => Between(option, value, 0, int.MaxValue, "expected 0 or more");

    /// <summary>Worker threads: 0 (all cores) to <see cref="MaxThreads"/>.</summary>
    public static int Threads(string option, int value) =>
        Between(option, value, 0, MaxThreads, $"expected 0 for all cores, or 1 to {MaxThreads.ToString(CultureInfo.InvariantCulture)}");

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
