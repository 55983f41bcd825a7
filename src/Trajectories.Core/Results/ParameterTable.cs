using Trajectories.Core.Numerics;

namespace Trajectories.Core.Results;

/// <summary>What a row of the parameter table estimates.</summary>
public enum ParameterKind
{
    /// <summary>A coefficient of the trajectory's polynomial in scaled time (log rate, logit or mean).</summary>
    Trajectory,

    /// <summary>A coefficient of the second predictor's polynomial in scaled time (ZIP's zero-inflation logit).</summary>
    Secondary,

    /// <summary>
    /// A constant second predictor on its natural scale (NB dispersion, frailty variance, σ) with a delta-method SE.
    /// No Wald test: zero is the boundary of its space, where the z test does not hold.
    /// </summary>
    Natural,

    /// <summary>A time-varying covariate's coefficient in the trajectory (PROC TRAJ's TCOV).</summary>
    TimeCovariate,
}

/// <summary>Why a parameter has, or has not, a standard error.</summary>
public enum SeStatus
{
    /// <summary>Estimated from the inverse observed information.</summary>
    Estimated,

    /// <summary>The information matrix is singular: no parameter has a standard error.</summary>
    Singular,

    /// <summary>Held fixed at the boundary of its space (e.g. no excess zeros in a ZIP group), so it has no SE.</summary>
    Fixed,

    /// <summary>The SE came out non-finite (its variance is not positive): shown as not available, never as NaN.</summary>
    NotFinite,
}

/// <summary>One estimated parameter of one group, with its Wald test.</summary>
/// <param name="Group">1-based group.</param>
/// <param name="Kind">What it estimates.</param>
/// <param name="Name">E.g. "intercept", "quadratic", "inflation linear", "frailty variance", "tcov detention".</param>
/// <param name="Estimate">The estimate.</param>
/// <param name="Se">Its standard error; null when <paramref name="Status"/> is not <see cref="SeStatus.Estimated"/>.</param>
/// <param name="Status">Why the SE is there or not.</param>
public sealed record ParameterRow(int Group, ParameterKind Kind, string Name, double Estimate, double? Se, SeStatus Status)
{
    /// <summary>Estimate / SE; null without an SE and for <see cref="ParameterKind.Natural"/> rows.</summary>
    public double? Z => Kind != ParameterKind.Natural && Se is { } se && se > 0 ? Estimate / se : null;

    /// <summary>Two-sided p-value of the Wald z test; null without <see cref="Z"/>.</summary>
    public double? P => Z is { } z ? 2 * NormalDistribution.Cdf(-Math.Abs(z)) : null;
}

/// <summary>
/// The parameter table of a fit (PROC TRAJ's parameter estimates): every group's coefficients with SE, z and p. The
/// console summary of fit/select and the published <c>parameters</c> table of analyze both take it from here.
/// Polynomial coefficients are on the fit's scaled time (<see cref="TrajectoryFit.TimeScale"/>).
/// </summary>
public static class ParameterTable
{
    /// <summary>Names of the polynomial terms by power.</summary>
    public static IReadOnlyList<string> Terms { get; } = ["intercept", "linear", "quadratic", "cubic", "quartic", "quintic"];

    /// <summary>The rows of <paramref name="fit"/>, group by group: trajectory, second predictor, time-varying covariates.</summary>
    public static IReadOnlyList<ParameterRow> Rows(TrajectoryFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var singular = fit.Covariance is null;
        var rows = new List<ParameterRow>();
        foreach (var g in fit.Groups)
        {
            var t = g.Trajectory;
            for (var j = 0; j < t.Coefficients.Count; j++)
            {
                rows.Add(Row(g.Index, ParameterKind.Trajectory, Term(j), t.Coefficients[j], t.Se[j], singular));
            }

            if (g.Secondary is { } s)
            {
                if (s.Natural is { } natural)
                {
                    rows.Add(Row(g.Index, ParameterKind.Natural, s.Predictor.Key.Replace('_', ' '), natural, s.NaturalSe, singular));
                }
                else
                {
                    for (var j = 0; j < s.Coefficients.Count; j++)
                    {
                        rows.Add(Row(g.Index, ParameterKind.Secondary, $"{s.Predictor.Key} {Term(j)}", s.Coefficients[j], s.Se[j], singular));
                    }
                }
            }

            foreach (var c in g.TimeCovariates)
            {
                rows.Add(Row(g.Index, ParameterKind.TimeCovariate, "tcov " + c.Name, c.Estimate, c.Se, singular));
            }
        }

        return rows;
    }

    /// <summary>The name of the term of power <paramref name="power"/> ("intercept", "linear", …).</summary>
    public static string Term(int power) => power < Terms.Count ? Terms[power] : $"power {power}";

    private static ParameterRow Row(int group, ParameterKind kind, string name, double estimate, double? se, bool singular)
    {
        if (se is { } v && double.IsFinite(v))
        {
            return new ParameterRow(group, kind, name, estimate, v, SeStatus.Estimated);
        }

        var status = singular ? SeStatus.Singular : se is null ? SeStatus.Fixed : SeStatus.NotFinite;
        return new ParameterRow(group, kind, name, estimate, null, status);
    }
}
