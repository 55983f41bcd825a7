using Trajectories.Core.Panels;
using Trajectories.Registers.Io;

namespace Trajectories.Registers.Panels;

/// <summary>
/// The header of a wide CSV: the first column holds the person id (any name), every other column is a time point
/// whose name is its numeric value. Columns may come in any order; <see cref="ColumnOf"/> visits them by time.
/// </summary>
internal sealed class WideLayout
{
    private WideLayout(double[] times, int[] columnOf)
    {
        Times = times;
        ColumnOf = columnOf;
    }

    /// <summary>The time points, ascending.</summary>
    public double[] Times { get; }

    /// <summary>CSV column of the k-th time point.</summary>
    public int[] ColumnOf { get; }

    /// <summary>Reads the layout from a header; null with <paramref name="problem"/> set when it is not wide.</summary>
    public static WideLayout? TryParse(IReadOnlyList<string> header, out string? badColumn, out string? problem)
    {
        badColumn = null;
        if (header.Count < 2)
        {
            problem = "a wide file needs the person id column and at least one time column.";
            return null;
        }

        var times = new double[header.Count - 1];
        var seen = new Dictionary<double, string>();
        for (var c = 1; c < header.Count; c++)
        {
            if (!PanelCells.TryNumber(header[c], out var t) || !double.IsFinite(t))
            {
                badColumn = header[c];
                problem = $"column {MessageText.Quote(header[c])} is not a time value; every column after the person id must be named by its numeric time (e.g. 8,9,…,38).";
                return null;
            }

            if (!seen.TryAdd(t, header[c]))
            {
                badColumn = header[c];
                problem = $"columns {MessageText.Quote(seen[t])} and {MessageText.Quote(header[c])} name the same time point.";
                return null;
            }

            times[c - 1] = t;
        }

        var columnOf = Enumerable.Range(1, times.Length).ToArray();
        Array.Sort((double[])times.Clone(), columnOf);
        Array.Sort(times);
        problem = null;
        return new WideLayout(times, columnOf);
    }

    /// <summary>Reads the layout of an open wide file; throws naming the offending header column.</summary>
    /// <remarks>The number of time columns is checked here, not in <see cref="TryParse"/>: such a file is wide, just too wide.</remarks>
    public static WideLayout Parse(CsvReader reader)
    {
        var header = reader.Header;
        if (header.Count - 1 > CountPanel.MaxTimes)
        {
            throw new InputException(reader.FileName, 1, header[CountPanel.MaxTimes + 1], $"the file has {header.Count - 1} time columns; at most {CountPanel.MaxTimes} time points are supported.");
        }

        return TryParse(header, out var column, out var problem) ?? throw new InputException(reader.FileName, 1, column, problem!);
    }
}
