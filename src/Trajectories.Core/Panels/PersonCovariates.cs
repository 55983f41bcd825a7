namespace Trajectories.Core.Panels;

/// <summary>
/// Numeric covariates per person (PROC TRAJ's RISK variables: sex, birth cohort, LVB as 0/1 columns), row-major
/// persons × names, in the panel's person order.
/// </summary>
/// <param name="names">The covariates' names.</param>
/// <param name="values">Persons × names, all finite.</param>
public sealed class PersonCovariates(IReadOnlyList<string> names, double[] values) : CovariateTable(names, values, "persons")
{
    /// <summary>Number of persons.</summary>
    public int PersonCount => RowCount;

    /// <summary>The covariates of the given persons, in that order.</summary>
    public PersonCovariates Subset(IReadOnlyList<int> persons)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var values = new double[persons.Count * Count];
        for (var k = 0; k < persons.Count; k++)
        {
            Array.Copy(Values, persons[k] * Count, values, k * Count, Count);
        }

        return new PersonCovariates(Names, values);
    }
}
