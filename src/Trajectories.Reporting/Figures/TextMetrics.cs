namespace Trajectories.Reporting.Figures;

/// <summary>
/// Widths of text in the figures' font (Helvetica / Arial, which have the same advance widths), so that layout can
/// make room for labels instead of letting them print over each other. The browser's real layout is what
/// <c>scripts/check-figures.py</c> measures; these widths are Arial's advance widths, which it matches to a few percent.
/// </summary>
public static class TextMetrics
{
    // Advance widths of printable ASCII (32…126) in thousandths of an em, Arial / Helvetica.
    private static readonly short[] Ascii =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p-z { | } ~
    ];

    /// <summary>Width in pixels of <paramref name="text"/> at font size <paramref name="size"/> (bold adds 6 %).</summary>
    public static double Width(string text, double size, bool bold = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var units = 0.0;
        foreach (var c in text)
        {
            units += c is >= ' ' and <= '~' ? Ascii[c - ' '] : c switch
            {
                '\u00a0' => 278, // no-break space
                '–' => 556, // en dash
                '—' => 1000,
                '≥' or '≤' or '×' => 584,
                _ => 600,
            };
        }

        return units / 1000.0 * size * (bold ? 1.06 : 1.0);
    }

    /// <summary>
    /// Splits <paramref name="text"/> at spaces (and after hyphens or slashes) into lines no wider than
    /// <paramref name="maxWidth"/>; a single word wider than that stays whole on its own line.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, double size, double maxWidth)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ')
            {
                words.Add(text[start..i]);
                start = i + 1;
            }
            else if (text[i] is '-' or '/' && i + 1 < text.Length && text[i + 1] != ' ')
            {
                words.Add(text[start..(i + 1)] + "\u0001");
                start = i + 1;
            }
        }

        words.Add(text[start..]);
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var raw in words)
        {
            // \u0001 marks a break after a hyphen or slash: joined without a space.
            var glued = raw.EndsWith('\u0001');
            var word = glued ? raw[..^1] : raw;
            var candidate = line.Length == 0 ? word : line.EndsWith('\u0001') ? line[..^1] + word : line + " " + word;
            if (line.Length > 0 && Width(candidate.Replace("\u0001", string.Empty, StringComparison.Ordinal), size) > maxWidth)
            {
                lines.Add(line.TrimEnd('\u0001'));
                line = glued ? word + "\u0001" : word;
            }
            else
            {
                line = glued ? candidate + "\u0001" : candidate;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line.TrimEnd('\u0001'));
        }

        return lines;
    }
}
