using Trajectories.Registers.Io;

namespace Trajectories.Registers.Panels;

/// <summary>The parts of a covariate file (<see cref="RiskFile"/>, <see cref="TcovFile"/>) that do not depend on its keys.</summary>
internal static class CovariateColumns
{
    /// <summary>
    /// The covariate names: every header column after the key columns <paramref name="keys"/>, each non-empty, distinct
    /// and not a key. <paramref name="layout"/> says in words what the file's columns should be.
    /// </summary>
    /// <exception cref="InputException">The header does not start with the keys, has no covariate, or names one badly.</exception>
    public static string[] Names(CsvReader reader, string path, IReadOnlyList<string> keys, string layout)
    {
        var header = reader.Header;
        if (header.Count <= keys.Count || !header.Take(keys.Count).SequenceEqual(keys))
        {
            throw new InputException(path, 1, header.Count > 0 ? header[0] : null, layout);
        }

        var names = header.Skip(keys.Count).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (name.Trim().Length == 0 || !seen.Add(name) || keys.Contains(name))
            {
                throw new InputException(path, 1, name, $"covariate names must be non-empty, distinct and not {string.Join(" or ", keys)}.");
            }
        }

        return names;
    }

    /// <summary>The current row's <paramref name="count"/> covariates from column <paramref name="first"/> on, all finite numbers.</summary>
    /// <exception cref="InputException">A value is not a finite number; <paramref name="rule"/> says what every row must give.</exception>
    public static double[] Values(CsvReader reader, int first, int count, string rule)
    {
        var values = new double[count];
        for (var k = 0; k < count; k++)
        {
            var text = reader[first + k];
            if (!PanelCells.TryNumber(text, out var v) || !double.IsFinite(v))
            {
                throw reader.Error(first + k, $"{MessageText.Quote(text)} is not a number; {rule}.");
            }

            values[k] = v;
        }

        return values;
    }
}
