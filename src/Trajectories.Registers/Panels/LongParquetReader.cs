using System.Globalization;
using Trajectories.Registers.Io;

namespace Trajectories.Registers.Panels;

/// <summary>
/// Reads a long Parquet panel (<c>person_id,time,count[,exposure]</c>) with <see cref="ParquetColumnsReader"/>, row
/// group by row group in file order. Same rules as <see cref="LongCsvReader"/>; other columns are ignored.
/// </summary>
/// <remarks>
/// Parquet has no lines, so errors name the 1-based data row in the message (the exception's Line is null).
/// Columns may be stored as numbers, text or booleans: ids are taken as text (numbers in invariant form), time, count
/// and exposure as doubles (so fractional and NaN counts are seen and reported rather than truncated); text is parsed
/// as in CSV, a boolean is 1 or 0.
/// </remarks>
public static class LongParquetReader
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="InputException">An unreadable or malformed file; the message names the file, row and column.</exception>
    public static LoadedPanel Read(string path, OutcomeRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        rule ??= OutcomeRule.Counts;
        if (!File.Exists(path))
        {
            throw new InputException(path, null, null, "the file does not exist.");
        }

        try
        {
            using var file = ParquetColumnsReader.Open(path);
            var id = Require(file, path, LongLayout.PersonId);
            var time = Require(file, path, LongLayout.Time);
            var count = Require(file, path, LongLayout.Count);
            var exposure = file.Column(LongLayout.Exposure);
            ParquetColumnValues[] columns = exposure is null ? [id, time, count] : [id, time, count, exposure];
            if (columns.FirstOrDefault(c => c.Kind == ParquetValueKind.Unsupported) is { } unsupported)
            {
                throw new InputException(path, null, unsupported.Name, $"column {MessageText.Quote(unsupported.Name)} is stored as {file.TypeName(unsupported.Name)}; store it as a number or text.");
            }

            var rows = new LongRows(path, exposure is not null, rowsNotLines: true);
            Span<char> scratch = stackalloc char[32];
            long row = 0;
            for (var g = 0; g < file.RowGroupCount; g++)
            {
                var n = file.ReadRowGroup(g, columns);
                for (var i = 0; i < n; i++)
                {
                    row++;
                    ReadRow(columns, i, rows, row, rule, scratch);
                }
            }

            return rows.Build(PanelFormat.LongParquet, path);
        }
        catch (InvalidDataException e)
        {
            throw new InputException(path, null, null, $"cannot read the Parquet file: {e.Message}", e);
        }
    }

    private static ParquetColumnValues Require(ParquetColumnsReader file, string path, string name) =>
        file.Column(name) ?? throw new InputException(path, null, name, $"required column {MessageText.Quote(name)} is missing (found: {string.Join(", ", file.ColumnNames)}).");

    private static void ReadRow(ParquetColumnValues[] columns, int i, LongRows rows, long row, OutcomeRule rule, Span<char> scratch)
    {
        var id = columns[0].IsNull(i) ? default : Text(columns[0], i, scratch).Trim();
        if (id.IsEmpty)
        {
            throw rows.Error(row, LongLayout.PersonId, "the person id is empty.");
        }

        var time = Number(columns[1], i, rows, row, LongLayout.Time, "a time value");
        if (!double.IsFinite(time))
        {
            throw rows.Error(row, LongLayout.Time, $"the time {PanelCells.Show(time)} is not finite.");
        }

        var count = Number(columns[2], i, rows, row, LongLayout.Count, rule.Expected);
        if (LongLayout.CountProblem(count, rule) is { } countProblem)
        {
            throw rows.Error(row, LongLayout.Count, countProblem);
        }

        var exposure = 1.0;
        if (columns.Length > 3)
        {
            exposure = Number(columns[3], i, rows, row, LongLayout.Exposure, "the share of the time point at risk in [0, 1]");
            if (LongLayout.ExposureProblem(exposure, count) is { } exposureProblem)
            {
                throw rows.Error(row, LongLayout.Exposure, exposureProblem);
            }
        }

        rows.Add(id, time, count, exposure, row);
    }

    /// <summary>A non-null cell as text: a string as stored, a number in invariant form (formatted into <paramref name="scratch"/>).</summary>
    private static ReadOnlySpan<char> Text(ParquetColumnValues column, int i, Span<char> scratch)
    {
        switch (column.Kind)
        {
            case ParquetValueKind.Integer:
                column.Integers[i].TryFormat(scratch, out var n, default, CultureInfo.InvariantCulture);
                return scratch[..n];
            case ParquetValueKind.Real:
                column.Reals[i].TryFormat(scratch, out var m, "R", CultureInfo.InvariantCulture);
                return scratch[..m];
            case ParquetValueKind.Boolean:
                return column.Booleans[i] ? "true" : "false";
            default:
                return column.Texts[i].Span;
        }
    }

    private static double Number(ParquetColumnValues column, int i, LongRows rows, long row, string name, string expected)
    {
        if (column.IsNull(i) || (column.Kind == ParquetValueKind.Text && column.Texts[i].Span.Trim().IsEmpty))
        {
            throw rows.Error(row, name, $"the cell is empty; expected {expected} (a long file lists observed cells only).");
        }

        return column.Kind switch
        {
            ParquetValueKind.Integer => column.Integers[i],
            ParquetValueKind.Real => column.Reals[i],
            ParquetValueKind.Boolean => column.Booleans[i] ? 1 : 0,
            _ => PanelCells.TryNumber(column.Texts[i].Span, out var value)
                ? value
                : throw rows.Error(row, name, $"the value is not a number; expected {expected}."),
        };
    }
}
