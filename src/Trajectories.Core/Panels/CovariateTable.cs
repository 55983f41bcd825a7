namespace Trajectories.Core.Panels;

/// <summary>Named numeric covariates, row-major rows × names (rows are persons or observations), all finite.</summary>
public abstract class CovariateTable
{
    /// <summary>Checks and wraps the values; <paramref name="rowKind"/> ("persons", "observations") is for messages.</summary>
    /// <exception cref="ArgumentException">When the shape is wrong, a name is empty or repeated, or a value is not finite.</exception>
    protected CovariateTable(IReadOnlyList<string> names, double[] values, string rowKind)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Count == 0 || values.Length % names.Count != 0)
        {
            throw new ArgumentException($"covariate values must be {rowKind} × names, with at least one name.", nameof(values));
        }

        if (names.Any(string.IsNullOrWhiteSpace) || names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new ArgumentException("covariate names must be non-empty and distinct.", nameof(names));
        }

        if (values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("covariate values must be finite.", nameof(values));
        }

        Names = names.ToArray();
        Values = values;
    }

    /// <summary>The covariates' names.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The values, row-major rows × names.</summary>
    public double[] Values { get; }

    /// <summary>Number of covariates.</summary>
    public int Count => Names.Count;

    /// <summary>Number of rows.</summary>
    public int RowCount => Values.Length / Names.Count;

    /// <summary>The covariates of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<double> Of(int row) => Values.AsSpan(row * Names.Count, Names.Count);

    /// <summary>The index of each of <paramref name="names"/>, or an exception naming the first that is missing.</summary>
    /// <exception cref="ArgumentException">A name is not among the covariates.</exception>
    public int[] Columns(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Select(n =>
        {
            var i = Names.ToList().IndexOf(n);
            return i >= 0 ? i : throw new ArgumentException($"no covariate '{n}' (the panel has {string.Join(", ", Names)}).");
        }).ToArray();
    }
}
