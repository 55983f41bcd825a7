namespace Trajectories.Core.Panels;

/// <summary>
/// Numeric covariates per observation (PROC TRAJ's TCOV: values that change by person and time, such as detention
/// or an age-graded life event), row-major observations × names, aligned with a panel's observation arrays.
/// </summary>
public sealed class ObservationCovariates
{
    /// <summary>Wraps covariate values; every value must be finite.</summary>
    /// <exception cref="ArgumentException">When the shape is wrong, a name is empty or repeated, or a value is not finite.</exception>
    public ObservationCovariates(IReadOnlyList<string> names, double[] values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Count == 0 || values.Length % names.Count != 0)
        {
            throw new ArgumentException("covariate values must be observations × names, with at least one name.", nameof(values));
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

    /// <summary>The values, row-major observations × names.</summary>
    public double[] Values { get; }

    /// <summary>Number of covariates.</summary>
    public int Count => Names.Count;

    /// <summary>Number of observations.</summary>
    public int ObservationCount => Values.Length / Names.Count;

    /// <summary>The covariates of observation <paramref name="observation"/>.</summary>
    public ReadOnlySpan<double> Of(int observation) => Values.AsSpan(observation * Names.Count, Names.Count);

    /// <summary>The columns <paramref name="columns"/> of every observation, row-major.</summary>
    public double[] Select(IReadOnlyList<int> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var n = ObservationCount;
        var result = new double[n * columns.Count];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < columns.Count; k++)
            {
                result[(i * columns.Count) + k] = Values[(i * Count) + columns[k]];
            }
        }

        return result;
    }

    /// <summary>The index of each of <paramref name="names"/>, or an exception naming the first that is missing.</summary>
    /// <exception cref="ArgumentException">A name is not among the covariates.</exception>
    public int[] Columns(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Select(n =>
        {
            var i = Names.ToList().IndexOf(n);
            return i >= 0 ? i : throw new ArgumentException($"no time-varying covariate '{n}' (the panel has {string.Join(", ", Names)}).");
        }).ToArray();
    }
}
