namespace Trajectories.Core.Panels;

/// <summary>
/// Numeric covariates per observation (PROC TRAJ's TCOV: values that change by person and time, such as detention
/// or an age-graded life event), row-major observations × names, aligned with a panel's observation arrays.
/// </summary>
/// <param name="names">The covariates' names.</param>
/// <param name="values">Observations × names, all finite.</param>
public sealed class ObservationCovariates(IReadOnlyList<string> names, double[] values) : CovariateTable(names, values, "observations")
{
    /// <summary>Number of observations.</summary>
    public int ObservationCount => RowCount;
}
