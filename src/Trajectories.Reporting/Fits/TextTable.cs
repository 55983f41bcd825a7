namespace Trajectories.Reporting.Fits;

/// <summary>How a column of a <see cref="TextTable"/> aligns its cells.</summary>
public enum TextAlign
{
    /// <summary>Text: padded on the right.</summary>
    Left,

    /// <summary>Numbers: padded on the left, so decimals line up.</summary>
    Right,
}

/// <summary>A column of a <see cref="TextTable"/>: its header and alignment.</summary>
public sealed record TextColumn(string Header, TextAlign Align = TextAlign.Right);

/// <summary>
/// A plain-text table for the console: every column as wide as its widest cell, so columns stay aligned whatever the
/// numbers (K ≥ 5, n ≥ 100 000, log-likelihoods of millions) — fixed widths overflowed there.
/// </summary>
public static class TextTable
{
    /// <summary>Space between columns.</summary>
    public const string Gap = "  ";

    /// <summary>
    /// The table's lines: header, a rule of dashes per column, then the rows; each line starts with
    /// <paramref name="indent"/> and has no trailing spaces. A row shorter than the header leaves its last cells empty.
    /// </summary>
    public static IReadOnlyList<string> Render(IReadOnlyList<TextColumn> columns, IEnumerable<IReadOnlyList<string>> rows, string indent = "  ")
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var body = rows.ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Header.Length, body.Count == 0 ? 0 : body.Max(r => Cell(r, i).Length))).ToArray();
        var lines = new List<string>(body.Count + 2)
        {
            Line(columns, widths, columns.Select(c => c.Header).ToArray(), indent),
            indent + string.Join(Gap, widths.Select(w => new string('-', w))),
        };
        lines.AddRange(body.Select(r => Line(columns, widths, r, indent)));
        return lines;
    }

    private static string Line(IReadOnlyList<TextColumn> columns, int[] widths, IReadOnlyList<string> cells, string indent)
    {
        var parts = new string[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var cell = Cell(cells, i);
            parts[i] = columns[i].Align == TextAlign.Right ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]);
        }

        return (indent + string.Join(Gap, parts)).TrimEnd();
    }

    private static string Cell(IReadOnlyList<string> row, int i) => i < row.Count ? row[i] : string.Empty;
}
