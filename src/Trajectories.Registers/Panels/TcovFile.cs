using System.Globalization;
using Trajectories.Core.Panels;
using Trajectories.Registers.Io;

namespace Trajectories.Registers.Panels;

/// <summary>
/// A time-varying covariate file (<c>--tcov</c>, PROC TRAJ's TCOV): long CSV <c>person_id,time,NAME1[,NAME2…]</c>, one
/// row per person-year, one numeric column per covariate. Attached to a panel's observations by (person, time).
/// </summary>
/// <remarks>
/// Every observed person-year of the panel needs a row with a finite number in every column; rows of person-years the
/// panel does not observe are ignored (a covariate table may cover more years than the outcomes).
/// </remarks>
public static class TcovFile
{
    /// <summary>Reads <paramref name="path"/> and attaches its covariates to <paramref name="panel"/>'s observations.</summary>
    /// <exception cref="InputException">A malformed file, or an observed person-year without a row; the message names file, line and column.</exception>
    public static CountPanel Attach(CountPanel panel, string path)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InputException(path, null, null, "no such file.");
        }

        using var reader = new CsvReader(path);
        var names = CovariateColumns.Names(reader, path, ["person_id", "time"], "a tcov file has the columns person_id,time, then one numeric column per time-varying covariate.");
        var rows = new Dictionary<(string Person, double Time), double[]>();
        while (reader.Read())
        {
            var id = reader[0].Trim().ToString();
            if (id.Length == 0)
            {
                throw reader.Error(0, "the person id is empty.");
            }

            if (!PanelCells.TryNumber(reader[1], out var time) || !double.IsFinite(time))
            {
                throw reader.Error(1, $"{MessageText.Quote(reader[1])} is not a time value.");
            }

            var values = CovariateColumns.Values(reader, 2, names.Length, "every covariate of every observed person-year must be given");
            if (!rows.TryAdd((id, time), values))
            {
                throw reader.Error(0, $"person {MessageText.Quote(id)} has more than one row for time {PanelCells.Show(time)}.");
            }
        }

        var matrix = new double[panel.ObservationCount * names.Length];
        for (var i = 0; i < panel.PersonCount; i++)
        {
            for (var o = panel.RowStart[i]; o < panel.RowStart[i + 1]; o++)
            {
                var time = panel.Times[panel.TimeIndex[o]];
                if (!rows.TryGetValue((panel.PersonIds[i], time), out var values))
                {
                    throw new InputException(path, null, "time", $"person {MessageText.Quote(panel.PersonIds[i])} is observed at time {time.ToString("R", CultureInfo.InvariantCulture)} but has no row there; every observed person-year needs its time-varying covariates.");
                }

                values.CopyTo(matrix, o * names.Length);
            }
        }

        return panel.WithTimeCovariates(new ObservationCovariates(names, matrix));
    }
}
