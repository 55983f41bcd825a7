using Trajectories.Core.Panels;
using Trajectories.Registers.Io;

namespace Trajectories.Registers.Panels;

/// <summary>
/// Reads a wide CSV panel (crimCV / traj style, INTERFACES.md §2): <c>person_id,8,9,…,38</c>, one row per person.
/// </summary>
/// <remarks>
/// An empty, negative or <c>NA</c> cell is missing (skipped, never zero). Present cells must be non-negative whole
/// numbers. With an exposure file (same shape, rows matched by person id) every observed cell needs an exposure
/// in [0, 1]; exposure 0 with count 0 makes the cell missing, exposure 0 with a positive count is an error (see
/// <see cref="PanelCells.ExposureZeroProblem"/>). The exposure of a missing count is ignored. Persons without
/// any observed cell are counted in <see cref="LoadedPanel.DroppedPersons"/>, not put in the panel.
/// The file is streamed; only the panel (and the exposure matrix, when given) is held.
/// </remarks>
public static class WidePanelReader
{
    /// <summary>Reads <paramref name="path"/>, with exposure from <paramref name="exposurePath"/> when given.</summary>
    /// <exception cref="InputException">A malformed file; the message names the file, line and column.</exception>
    /// <remarks>Outcomes are checked by <paramref name="rule"/> (counts when null).</remarks>
    public static LoadedPanel Read(string path, string? exposurePath = null, OutcomeRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        rule ??= OutcomeRule.Counts;
        using var reader = new CsvReader(path);
        var layout = WideLayout.Parse(reader);
        var exposure = exposurePath is null ? null : WideExposure.Load(exposurePath, layout);
        var width = layout.Times.Length;
        var builder = new CountPanelBuilder(layout.Times);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var counts = new double[width];
        var risks = new double[width];
        var ks = new int[width];
        var dropped = 0;
        while (reader.Read())
        {
            var id = reader[0].Trim().ToString();
            if (id.Length == 0)
            {
                throw reader.Error(0, "the person id is empty.");
            }

            if (!ids.Add(id))
            {
                throw reader.Error(0, $"person {MessageText.Quote(id)} appears more than once.");
            }

            var row = -1;
            if (exposure is not null && (row = exposure.RowOf(id)) < 0)
            {
                throw reader.Error(0, $"person {MessageText.Quote(id)} has no row in the exposure file {exposure.FileName}; it must have the same persons.");
            }

            // Collect the row first: a person is only begun once it has an observed cell.
            var n = 0;
            for (var k = 0; k < width; k++)
            {
                var column = layout.ColumnOf[k];
                if (!TryCount(reader, column, rule, out var count))
                {
                    continue;
                }

                var e = 1.0;
                if (exposure is not null)
                {
                    e = exposure.Value(row, k);
                    if (double.IsNaN(e))
                    {
                        throw new InputException(exposure.FileName, exposure.LineOf(row), reader.Header[column], $"person {MessageText.Quote(id)} has a count at this time point but no exposure.");
                    }

                    if (e == 0)
                    {
                        if (PanelCells.ExposureZeroProblem(count) is { } problem)
                        {
                            throw reader.Error(column, problem);
                        }

                        continue;
                    }
                }

                counts[n] = count;
                risks[n] = e;
                ks[n] = k;
                n++;
            }

            if (n == 0)
            {
                dropped++;
                continue;
            }

            builder.BeginPerson(id);
            for (var j = 0; j < n; j++)
            {
                builder.Add(layout.Times[ks[j]], counts[j], risks[j]);
            }
        }

        exposure?.CheckAllUsed();
        if (builder.PersonCount == 0)
        {
            throw new InputException(path, null, null, "no person has an observed cell; the panel would be empty.");
        }

        return new LoadedPanel(PanelTimes.DropUnused(builder.Build()), PanelFormat.WideCsv, path, dropped);
    }

    private static bool TryCount(CsvReader reader, int column, OutcomeRule rule, out double count)
    {
        var text = reader[column];
        var parsed = PanelCells.TryNumber(text, out var v);
        count = 0;
        if (PanelCells.IsWideMissing(text, v, parsed, rule.NegativeIsMissing))
        {
            return false;
        }

        if (!parsed)
        {
            var missing = rule.NegativeIsMissing ? "empty or negative for missing" : "empty or NA for missing";
            throw reader.Error(column, $"{MessageText.Quote(text)} is not a number; expected {rule.Expected} ({missing}).");
        }

        if (rule.Problem(v) is { } problem)
        {
            throw reader.Error(column, problem);
        }

        count = v;
        return true;
    }
}
