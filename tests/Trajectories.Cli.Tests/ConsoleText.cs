using System.Globalization;

namespace Trajectories.Cli.Tests;

/// <summary>Reads the console's text tables as a reader would: find a table by its header, split its rows into cells.</summary>
public static class ConsoleText
{
    /// <summary>
    /// The rows of the first table whose header line starts (after indentation) with <paramref name="firstHeader"/>
    /// and holds every one of <paramref name="headers"/>: each row, up to the blank line that ends the table, cut at
    /// the columns of the table's rule of dashes.
    /// </summary>
    public static List<string[]> Table(string text, string firstHeader, params string[] headers)
    {
        var lines = Lines(text);
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (!lines[i].TrimStart().StartsWith(firstHeader, StringComparison.Ordinal) || !headers.All(lines[i].Contains) || !IsRule(lines[i + 1]))
            {
                continue;
            }

            var spans = Spans(lines[i + 1]);
            var rows = new List<string[]>();
            for (var j = i + 2; j < lines.Length && lines[j].Length > 0; j++)
            {
                rows.Add(spans.Select(s => Cut(lines[j], s).Trim()).ToArray());
            }

            return rows;
        }

        throw new Xunit.Sdk.XunitException($"no table headed '{firstHeader}' with {string.Join(", ", headers)} in:\n{text}");
    }

    /// <summary>
    /// Every table of <paramref name="text"/> (a header, a rule of dashes, rows up to a blank line) is aligned: no cell runs into the gap
    /// between two columns, and each row is no longer than the rule; returns how many tables were checked.
    /// </summary>
    public static int AssertAligned(string text)
    {
        var lines = Lines(text);
        var tables = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            if (!IsRule(lines[i]))
            {
                continue;
            }

            tables++;
            var spans = Spans(lines[i]);
            var end = spans[^1].End;
            foreach (var line in new[] { lines[i - 1] }.Concat(lines.Skip(i + 1).TakeWhile(l => l.Length > 0)))
            {
                Assert.True(line.Length <= end, $"row longer than its table's rule:\n{line}\n{lines[i]}");
                for (var s = 1; s < spans.Count; s++)
                {
                    for (var gap = spans[s - 1].End; gap < spans[s].Start && gap < line.Length; gap++)
                    {
                        Assert.True(line[gap] == ' ', $"a cell runs into the gap at column {gap}:\n{line}\n{lines[i]}");
                    }
                }
            }
        }

        return tables;
    }

    /// <summary>A number as the console writes it ("-8963.286", "43.1 %"); fails the test when it is not one.</summary>
    public static double Number(string cell)
    {
        var text = cell.Replace("%", string.Empty, StringComparison.Ordinal).Trim();
        Assert.True(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value), $"'{cell}' is not a number");
        return value;
    }

    /// <summary>The value on the line of the statistics table that starts with <paramref name="label"/>.</summary>
    public static double Statistic(string text, string label)
    {
        var line = Lines(text).First(l => l.TrimStart().StartsWith(label + "  ", StringComparison.Ordinal));
        return Number(line.TrimStart()[label.Length..]);
    }

    private static string[] Lines(string text) => text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');

    private static bool IsRule(string line) => line.Trim().Length > 0 && line.Trim().All(c => c is '-' or ' ') && line.Contains("--", StringComparison.Ordinal);

    private static List<(int Start, int End)> Spans(string rule)
    {
        var spans = new List<(int Start, int End)>();
        for (var i = 0; i < rule.Length; i++)
        {
            if (rule[i] != '-')
            {
                continue;
            }

            var start = i;
            while (i < rule.Length && rule[i] == '-')
            {
                i++;
            }

            spans.Add((start, i));
        }

        return spans;
    }

    private static string Cut(string line, (int Start, int End) span) =>
        span.Start >= line.Length ? string.Empty : line[span.Start..Math.Min(span.End, line.Length)];
}
