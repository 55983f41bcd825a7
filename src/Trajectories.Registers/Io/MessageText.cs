using System.Globalization;
using System.Text;

namespace Trajectories.Registers.Io;

/// <summary>
/// Makes user data safe to put into a one-line message: control characters (NUL, line breaks, escape sequences)
/// are written as <c>\uXXXX</c> so that they neither break the line nor act on the terminal, and long values are
/// cut, so a 5 MB cell is never echoed whole.
/// </summary>
public static class MessageText
{
    /// <summary>The most characters of a value shown in a message; more are cut and marked with "…".</summary>
    public const int MaxValueLength = 40;

    /// <summary><paramref name="value"/> escaped and cut to <see cref="MaxValueLength"/> characters, in single quotes.</summary>
    public static string Quote(ReadOnlySpan<char> value) => $"'{Shorten(value, MaxValueLength)}'";

    /// <summary>
    /// <paramref name="value"/> escaped and cut so that at most <paramref name="max"/> characters are shown (an
    /// escape counts as the six it takes), then "…" if anything was cut.
    /// </summary>
    public static string Shorten(ReadOnlySpan<char> value, int max)
    {
        var b = new StringBuilder(Math.Min(value.Length, max) + 1);
        for (var i = 0; i < value.Length; i++)
        {
            // A surrogate pair is one character: never split, so that no half character is shown.
            var pair = !NeedsEscape(value, i) && char.IsHighSurrogate(value[i]);
            var width = NeedsEscape(value, i) ? 6 : pair ? 2 : 1;
            if (b.Length + width > max)
            {
                return b.Append('…').ToString();
            }

            if (NeedsEscape(value, i))
            {
                b.Append("\\u").Append(((int)value[i]).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                b.Append(value.Slice(i, width));
                i += width - 1;
            }
        }

        return b.ToString();
    }

    /// <summary><paramref name="text"/> with every control character (and lone surrogate) written as <c>\uXXXX</c>.</summary>
    public static string Escape(ReadOnlySpan<char> text)
    {
        var clean = true;
        for (var i = 0; i < text.Length && clean; i++)
        {
            clean = !NeedsEscape(text, i);
        }

        if (clean)
        {
            return text.ToString();
        }

        var b = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (NeedsEscape(text, i))
            {
                b.Append("\\u").Append(((int)text[i]).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                b.Append(text[i]);
            }
        }

        return b.ToString();
    }

    private static bool NeedsEscape(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        if (char.IsControl(c) || c is '\u2028' or '\u2029')
        {
            return true;
        }

        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
    }
}
