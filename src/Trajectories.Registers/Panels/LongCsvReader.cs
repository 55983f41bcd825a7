using Trajectories.Registers.Io;

namespace Trajectories.Registers.Panels;

/// <summary>
/// Reads a long CSV panel: <c>person_id,time,count[,exposure]</c>, one row per observed person-time, any order.
/// </summary>
/// <remarks>
/// Every row is an observation, so an empty, NaN, negative or fractional count is an error (not "missing");
/// a missing cell is simply a row left out. Exposure follows the wide rules (see <see cref="WidePanelReader"/>).
/// Persons keep their order of first appearance; times are sorted within a person.
/// </remarks>
public static class LongCsvReader
{
    /// <summary>Reads <paramref name="path"/>; outcomes are checked by <paramref name="rule"/> (counts when null).</summary>
    /// <exception cref="InputException">A malformed file; the message names the file, line and column.</exception>
    public static LoadedPanel Read(string path, OutcomeRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        rule ??= OutcomeRule.Counts;
        using var reader = new CsvReader(path);
        var idCol = reader.Require(LongLayout.PersonId);
        var timeCol = reader.Require(LongLayout.Time);
        var countCol = reader.Require(LongLayout.Count);
        var exposureCol = reader.IndexOf(LongLayout.Exposure);
        var rows = new LongRows(path, exposureCol >= 0, rowsNotLines: false);
        while (reader.Read())
        {
            var id = reader[idCol].Trim();
            if (id.Length == 0)
            {
                throw reader.Error(idCol, "the person id is empty.");
            }

            var time = Number(reader, timeCol, "a time value");
            if (!double.IsFinite(time))
            {
                throw reader.Error(timeCol, $"the time {PanelCells.Show(time)} is not finite.");
            }

            var count = Number(reader, countCol, rule.Expected);
            if (LongLayout.CountProblem(count, rule) is { } countProblem)
            {
                throw reader.Error(countCol, countProblem);
            }

            var exposure = 1.0;
            if (exposureCol >= 0)
            {
                exposure = Number(reader, exposureCol, "the share of the time point at risk in [0, 1]");
                if (LongLayout.ExposureProblem(exposure, count) is { } exposureProblem)
                {
                    throw reader.Error(exposureCol, exposureProblem);
                }
            }

            rows.Add(id, time, count, exposure, reader.RecordLine);
        }

        return rows.Build(PanelFormat.LongCsv, path);
    }

    private static double Number(CsvReader reader, int column, string expected)
    {
        var text = reader[column];
        if (text.Trim().IsEmpty)
        {
            throw reader.Error(column, $"the cell is empty; expected {expected} (a long file lists observed cells only).");
        }

        return PanelCells.TryNumber(text, out var value)
            ? value
            : throw reader.Error(column, $"{MessageText.Quote(text)} is not a number; expected {expected}.");
    }
}
