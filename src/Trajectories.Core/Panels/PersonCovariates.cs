namespace Trajectories.Core.Panels;

/// <summary>
/// Numeric covariates per person (PROC TRAJ's RISK variables: sex, birth cohort, LVB as 0/1 columns), row-major
/// persons × names, in the panel's person order.
/// </summary>
public sealed class PersonCovariates
{
    /// <summary>Wraps covariate values; every value must be finite.</summary>
    /// <exception cref="ArgumentException">When the shape is wrong, a name is empty or repeated, or a value is not finite.</exception>
    public PersonCovariates(IReadOnlyList<string> names, double[] values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Count == 0 || values.Length % names.Count != 0)
        {
            throw new ArgumentException("covariate values must be persons × names, with at least one name.", nameof(values));
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

    /// <summary>The values, row-major persons × names.</summary>
    public double[] Values { get; }

    /// <summary>Number of persons.</summary>
    public int PersonCount => Values.Length / Names.Count;

    /// <summary>The covariates of person <paramref name="person"/>.</summary>
    public ReadOnlySpan<double> Of(int person) => Values.AsSpan(person * Names.Count, Names.Count);

    /// <summary>The covariates of the given persons, in that order.</summary>
    public PersonCovariates Subset(IReadOnlyList<int> persons)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var p = Names.Count;
        var values = new double[persons.Count * p];
        for (var k = 0; k < persons.Count; k++)
        {
            Array.Copy(Values, persons[k] * p, values, k * p, p);
        }

        return new PersonCovariates(Names, values);
    }

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
