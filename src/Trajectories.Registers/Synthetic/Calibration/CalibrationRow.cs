using System.Globalization;
using System.Text;

namespace Trajectories.Registers.Synthetic.Calibration;

/// <summary>One published figure, as recomputed from a register, with its acceptance range.</summary>
/// <param name="Figure">What is measured.</param>
/// <param name="Target">The published (or planted) value, as text.</param>
/// <param name="Achieved">The value in the register (percentages in points, 0–100).</param>
/// <param name="Low">Smallest accepted value.</param>
/// <param name="High">Largest accepted value.</param>
/// <param name="Tolerance">The acceptance rule, as text (e.g. "±1.5 pt", "±5 %", "≤ 0.50").</param>
public sealed record CalibrationRow(string Figure, string Target, double Achieved, double Low, double High, string Tolerance)
{
    /// <summary>True when <see cref="Achieved"/> lies in [<see cref="Low"/>, <see cref="High"/>].</summary>
    public bool Pass => Achieved >= Low && Achieved <= High;

    /// <summary>A percentage (<paramref name="achievedFraction"/> 0–1) within ±<paramref name="points"/> of the target.</summary>
    public static CalibrationRow Percent(string figure, double targetPercent, double achievedFraction, double points) =>
        new(figure, F(targetPercent, 0) + " %", 100 * achievedFraction, targetPercent - points, targetPercent + points,
            "±" + F(points, 1) + " pt");

    /// <summary>A mean or ratio within ±<paramref name="relative"/> (fraction) of the target.</summary>
    public static CalibrationRow Relative(string figure, double target, double achieved, double relative) =>
        new(figure, F(target, 2), achieved, target * (1 - relative), target * (1 + relative),
            "±" + F(100 * relative, 0) + " %");

    /// <summary>A value within ±<paramref name="tolerance"/> of the target.</summary>
    public static CalibrationRow Absolute(string figure, double target, double achieved, double tolerance) =>
        new(figure, F(target, 1), achieved, target - tolerance, target + tolerance, "±" + F(tolerance, 1));

    /// <summary>A value inside a published range.</summary>
    public static CalibrationRow Between(string figure, double low, double high, double achieved) =>
        new(figure, F(low, 0) + "–" + F(high, 0), achieved, low, high, "in range");

    /// <summary>A value at most <paramref name="bound"/>.</summary>
    public static CalibrationRow AtMost(string figure, string target, double bound, double achieved) =>
        new(figure, target, achieved, double.NegativeInfinity, bound, "≤ " + F(bound, 2));

    /// <summary>A value at least <paramref name="bound"/>.</summary>
    public static CalibrationRow AtLeast(string figure, string target, double bound, double achieved) =>
        new(figure, target, achieved, bound, double.PositiveInfinity, "≥ " + F(bound, 2));

    /// <summary>Formats rows as a plain-text table (for <c>simulate --check</c> and the README).</summary>
    public static string FormatTable(IEnumerable<CalibrationRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        var width = Math.Max(6, list.Count == 0 ? 0 : list.Max(r => r.Figure.Length));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"figure".PadRight(width)}  {"target",9}  {"achieved",9}  {"tolerance",10}  pass\n");
        text.Append(new string('-', width + 42)).Append('\n');
        foreach (var row in list)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{row.Figure.PadRight(width)}  {row.Target,9}  {F(row.Achieved, 2),9}  {row.Tolerance,10}  {(row.Pass ? "yes" : "NO")}\n");
        }

        var failed = list.Count(r => !r.Pass);
        text.Append(CultureInfo.InvariantCulture, $"{list.Count - failed} of {list.Count} figures within tolerance\n");
        return text.ToString();
    }

    private static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
