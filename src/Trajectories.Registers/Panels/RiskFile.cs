using Trajectories.Core.Panels;
using Trajectories.Registers.Io;

namespace Trajectories.Registers.Panels;

/// <summary>
/// A risk-factor file (<c>--risk</c>, PROC TRAJ's RISK): <c>person_id</c>, then one numeric column per covariate
/// (categorical covariates as 0/1 columns), one row per person. Attached to a panel by person id.
/// </summary>
/// <remarks>
/// Every person of the panel needs a row, with a finite number in every column; rows of persons not in the panel
/// (e.g. a covariate table for the whole register) are ignored. Covariates are person-level: they do not change with
/// time (those are time-varying covariates, <c>--tcov</c>).
/// </remarks>
public static class RiskFile
{
    /// <summary>Reads <paramref name="path"/> and attaches its covariates to <paramref name="panel"/>'s persons.</summary>
    /// <exception cref="InputException">A malformed file, or a person of the panel without a row; the message names file, line and column.</exception>
    public static CountPanel Attach(CountPanel panel, string path)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new InputException(path, null, null, "no such file.");
        }

        using var reader = new CsvReader(path);
        var names = CovariateColumns.Names(reader, path, ["person_id"], "a risk file has the columns person_id, then one numeric column per covariate.");
        var rows = new Dictionary<string, double[]>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var id = reader[0].Trim().ToString();
            if (id.Length == 0)
            {
                throw reader.Error(0, "the person id is empty.");
            }

            var values = CovariateColumns.Values(reader, 1, names.Length, "every covariate of every person must be given (code a categorical covariate as 0/1 columns)");
            if (!rows.TryAdd(id, values))
            {
                throw reader.Error(0, $"person {MessageText.Quote(id)} appears more than once.");
            }
        }

        var matrix = new double[panel.PersonCount * names.Length];
        for (var i = 0; i < panel.PersonCount; i++)
        {
            if (!rows.TryGetValue(panel.PersonIds[i], out var values))
            {
                throw new InputException(path, null, "person_id", $"person {MessageText.Quote(panel.PersonIds[i])} of the input has no row; every person fitted needs its risk factors.");
            }

            values.CopyTo(matrix, i * names.Length);
        }

        return panel.WithCovariates(new PersonCovariates(names, matrix));
    }
}
