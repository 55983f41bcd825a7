using System.Globalization;

namespace Trajectories.Registers.Panels;

/// <summary>
/// The value rules shared by every panel input format, so wide, long CSV and Parquet agree cell for cell.
/// </summary>
internal static class PanelCells
{
    /// <summary>
    /// Smallest positive normal float: the panel stores exposure as float, and a tiny positive share of a year at
    /// risk (crimCV's TO1Risk goes down to 1e-16) must not round to 0, where log(exposure) would be −∞.
    /// </summary>
    public const double MinExposure = 1.1754943508222875e-38;

    /// <summary>Parses a number in the invariant culture, tolerating surrounding blanks; false for text.</summary>
    /// <remarks>
    /// Counts and times are nearly always short runs of digits: those are read directly (the same value the general
    /// parser gives), everything else goes through <see cref="double.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out double)"/>.
    /// </remarks>
    public static bool TryNumber(ReadOnlySpan<char> text, out double value)
    {
        var t = text.Trim();
        if (t.Length is > 0 and <= 9)
        {
            var n = 0;
            var digits = true;
            foreach (var c in t)
            {
                if (c is < '0' or > '9')
                {
                    digits = false;
                    break;
                }

                n = (n * 10) + (c - '0');
            }

            if (digits)
            {
                value = n;
                return true;
            }
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// True when a wide cell is missing: empty, R's <c>NA</c> (what R's write.csv emits for missing values), or
    /// negative where negative values mean missing (the crimCV/traj convention for counts; see <see cref="OutcomeRule"/>).
    /// </summary>
    public static bool IsWideMissing(ReadOnlySpan<char> text, double value, bool parsed, bool negativeIsMissing = true)
    {
        var t = text.Trim();
        return t.Length == 0 || t.SequenceEqual("NA") || (parsed && negativeIsMissing && value < 0);
    }

    /// <summary>Why <paramref name="value"/> is not a count, or null when it is a non-negative integer that fits an int.</summary>
    public static string? CountProblem(double value)
    {
        if (double.IsNaN(value))
        {
            return "the count is NaN; expected a non-negative integer.";
        }

        if (value < 0)
        {
            return $"the count {Show(value)} is negative; expected a non-negative integer.";
        }

        if (double.IsInfinity(value))
        {
            return $"the count {Show(value)} is infinite; expected a non-negative integer.";
        }

        if (value > int.MaxValue)
        {
            return $"the count {Show(value)} is too large for 32 bits (overflow; the limit is {int.MaxValue}).";
        }

        if (value != Math.Floor(value))
        {
            return $"the count {Show(value)} is not a whole number; expected a non-negative integer.";
        }

        return null;
    }

    /// <summary>Why <paramref name="value"/> is not a share of a year at risk, or null when it lies in [0, 1].</summary>
    /// <remarks>0 is accepted here and resolved per cell by <see cref="ExposureZeroProblem"/>.</remarks>
    public static string? ExposureProblem(double value) =>
        double.IsNaN(value) || value < 0 || value > 1
            ? $"the exposure {Show(value)} is outside [0, 1]; expected the share of the time point at risk."
            : null;

    /// <summary>
    /// Exposure 0 means the person was not at risk at all: a zero count then carries no information (its Poisson
    /// and ZIP likelihood is exactly 1), so the cell is treated as missing; a positive count is impossible under a
    /// mean of 0 and is reported as an error rather than silently dropped.
    /// </summary>
    public static string? ExposureZeroProblem(double count) =>
        count > 0 ? $"the count is {count} but the exposure is 0; a person not at risk cannot have a positive count." : null;

    /// <summary>The exposure as the panel stores it (tiny positive values kept positive).</summary>
    public static double Stored(double exposure) => Math.Max(exposure, MinExposure);

    /// <summary>A number as the user would write it.</summary>
    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
