using System.Globalization;

namespace Trajectories.Registers.Io;

/// <summary>
/// Says why a cell is not the number expected, so that a message names the real reason: an integer that overflows,
/// a fraction, NaN, an infinity, spaces around a number and plain text are different mistakes with different fixes.
/// </summary>
internal static class NumberText
{
    /// <summary>How an integer or a real may be written: no spaces, no thousands separators.</summary>
    public const NumberStyles Real = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Why text that is not a plain <see cref="int"/> is not one, as the end of "found …".</summary>
    public static string NotInteger(ReadOnlySpan<char> text)
    {
        var shown = MessageText.Quote(text);
        var trimmed = text.Trim();
        if (trimmed.Length != text.Length && trimmed.Length > 0 && double.TryParse(trimmed, Real, CultureInfo.InvariantCulture, out _))
        {
            return $"{shown}, a number padded with spaces; remove the spaces";
        }

        if (IsDigits(trimmed))
        {
            return $"{shown}, an integer too large for 32 bits (overflow; the limit is ±{int.MaxValue})";
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? NotInteger(value, shown)
            : $"{shown}, which is not a number";
    }

    /// <summary>Why a stored real <paramref name="value"/> is not an <see cref="int"/>, as the end of "found …".</summary>
    public static string NotInteger(double value) =>
        NotInteger(value, MessageText.Quote(value.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>Why text that is not a plain real number is not one, or null when it is a finite real.</summary>
    public static string? NotReal(ReadOnlySpan<char> text, out double value)
    {
        if (double.TryParse(text, Real, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return null;
        }

        var shown = MessageText.Quote(text);
        var trimmed = text.Trim();
        if (trimmed.Length != text.Length && trimmed.Length > 0 && double.TryParse(trimmed, Real, CultureInfo.InvariantCulture, out _))
        {
            return $"{shown}, a number padded with spaces; remove the spaces";
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && !double.IsFinite(parsed)
            ? NonFinite(parsed, shown)
            : $"{shown}, which is not a number";
    }

    private static string NotInteger(double value, string shown)
    {
        if (!double.IsFinite(value))
        {
            return NonFinite(value, shown);
        }

        if (value != Math.Floor(value))
        {
            return $"the fractional number {shown}";
        }

        return Math.Abs(value) > int.MaxValue
            ? $"{shown}, an integer too large for 32 bits (overflow; the limit is ±{int.MaxValue})"
            : $"{shown}, a whole number in decimal or exponent notation; write it as plain digits";
    }

    private static string NonFinite(double value, string shown) =>
        double.IsNaN(value) ? $"{shown}, which is NaN (not a number)" : $"{shown}, an infinite value";

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        var digits = text.Length > 0 && text[0] is '+' or '-' ? text[1..] : text;
        return digits.Length > 0 && !digits.ContainsAnyExcept("0123456789");
    }
}
