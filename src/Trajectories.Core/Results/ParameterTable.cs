using Trajectories.Core.Numerics;

namespace Trajectories.Core.Results;

/// <summary>
/// One estimated coefficient of a group, as PROC TRAJ's and R's parameter tables show it: estimate, standard error,
/// Wald z and its two-sided p-value against 0.
/// </summary>
/// <param name="Group">1-based group number.</param>
/// <param name="Predictor">The predictor it belongs to, as its family names it ("log rate", "zero-inflation logit",
/// "log frailty variance"; a time-varying covariate's coefficient is on the trajectory's scale).</param>
/// <param name="Term">"intercept", "linear", "quadratic", … (powers of scaled age), or the covariate's name.</param>
/// <param name="Estimate">The estimate.</param>
/// <param name="Se">Its standard error; null when the information matrix gives none.</param>
public sealed record ParameterRow(int Group, string Predictor, string Term, double Estimate, double? Se)
{
    /// <summary>Wald statistic estimate / SE; null without a positive SE.</summary>
    public double? Z => Se is > 0 && double.IsFinite(Se.Value) ? Estimate / Se.Value : null;

    /// <summary>Two-sided p-value of <see cref="Z"/> under the standard normal.</summary>
    public double? P => Z is { } z ? 2 * NormalDistribution.Cdf(-Math.Abs(z)) : null;
}

/// <summary>The groups' coefficients of a fit as rows of one table (the console summary and the report share it).</summary>
public static class ParameterTable
{
    private static readonly string[] Powers = ["intercept", "linear", "quadratic", "cubic", "quartic", "quintic"];

    /// <summary>
    /// Every group's trajectory coefficients, its time-varying covariates' coefficients and its second predictor, in
    /// group order. Polynomial coefficients are on the fit's scaled age (<see cref="TrajectoryFit.TimeScale"/>), as the
    /// estimation used them.
    /// </summary>
    public static IReadOnlyList<ParameterRow> Of(TrajectoryFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var rows = new List<ParameterRow>();
        foreach (var g in fit.Groups)
        {
            Add(rows, g.Index, g.Trajectory);
            foreach (var c in g.TimeCovariates)
            {
                rows.Add(new ParameterRow(g.Index, g.Trajectory.Predictor.Name, c.Name, c.Estimate, c.Se));
            }

            if (g.Secondary is { } s)
            {
                Add(rows, g.Index, s);
            }
        }

        return rows;
    }

    /// <summary>The name of the coefficient of scaled age to the power <paramref name="power"/>.</summary>
    public static string Term(int power) => power < Powers.Length ? Powers[power] : $"power {power}";

    private static void Add(List<ParameterRow> rows, int group, PredictorEstimate p)
    {
        for (var k = 0; k < p.Coefficients.Count; k++)
        {
            rows.Add(new ParameterRow(group, p.Predictor.Name, Term(k), p.Coefficients[k], k < p.Se.Count ? p.Se[k] : null));
        }
    }
}
