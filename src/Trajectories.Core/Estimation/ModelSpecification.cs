using Trajectories.Core.Basis;
using Trajectories.Core.Families;

namespace Trajectories.Core.Estimation;

/// <summary>
/// What to fit: the family, the number of groups, each group's polynomial order and, for a family whose second
/// predictor is a polynomial of the group's choosing (ZIP's zero inflation: PROC TRAJ's IORDER), its order.
/// </summary>
/// <param name="Family">The distribution of an observation given its group.</param>
/// <param name="Orders">Polynomial order (0–5) of each group's trajectory (η); its length is the number of groups.</param>
/// <param name="InflationOrders">
/// Per group, PROC TRAJ's IORDER: −1 for no zero inflation, 0 for a constant, 1–5 for a polynomial in scaled time
/// (logit link). Only for a family with a <see cref="SecondaryShape.Polynomial"/> second predictor; −1 for the others,
/// whose second predictor (if any) is fixed by the family (see <see cref="SecondaryOrders"/>).
/// </param>
public sealed record ModelSpecification(ITrajectoryFamily Family, IReadOnlyList<int> Orders, IReadOnlyList<int> InflationOrders)
{
    /// <summary>Number of groups K.</summary>
    public int Groups => Orders.Count;

    /// <summary>
    /// The person covariates of the membership model (PROC TRAJ's RISK), by name among the panel's covariates; empty
    /// (the default) for constant group shares.
    /// </summary>
    public IReadOnlyList<string> RiskFactors { get; init; } = [];

    /// <summary>
    /// The time-varying covariates of the trajectories (PROC TRAJ's TCOV), by name among the panel's; each group has
    /// its own coefficient for each, added to its trajectory predictor: η_git = x_t'β_g + w_it'δ_g. Empty by default.
    /// </summary>
    public IReadOnlyList<string> TimeCovariates { get; init; } = [];

    /// <summary>A copy with <paramref name="names"/> as the time-varying covariates of every group's trajectory.</summary>
    public ModelSpecification WithTimeCovariates(IReadOnlyList<string> names) => this with { TimeCovariates = names.ToArray() };

    /// <summary>Membership coefficients per non-reference group: the intercept and one per risk factor.</summary>
    public int MembershipWidth => 1 + RiskFactors.Count;

    /// <summary>A copy with <paramref name="riskFactors"/> as the membership covariates.</summary>
    public ModelSpecification WithRiskFactors(IReadOnlyList<string> riskFactors) => this with { RiskFactors = riskFactors.ToArray() };

    /// <summary>A Poisson model with <paramref name="groups"/> groups; one order for all, or one per group.</summary>
    public static ModelSpecification Poisson(int groups, params int[] orders) => Of(PoissonFamily.Instance, groups, orders);

    /// <summary>A zero-inflated Poisson model; orders and inflation orders are one for all groups or one per group.</summary>
    public static ModelSpecification Zip(int groups, int[] orders, int[] inflationOrders) => Of(ZipFamily.Instance, groups, orders, inflationOrders);

    /// <summary>
    /// A model of <paramref name="family"/>; orders (and, for a family with a polynomial second predictor, inflation
    /// orders, default 0) are one for all groups or one per group.
    /// </summary>
    public static ModelSpecification Of(ITrajectoryFamily family, int groups, int[] orders, int[]? inflationOrders = null)
    {
        ArgumentNullException.ThrowIfNull(family);
        var polynomial = family.Secondary is { Shape: SecondaryShape.Polynomial };
        if (!polynomial && inflationOrders is not null && inflationOrders.Any(o => o >= 0))
        {
            throw new ModelSpecificationException($"the {family.Name} family has no zero inflation (an inflation order was given).");
        }

        var iorders = polynomial ? inflationOrders ?? [0] : [-1];
        return new(family, Broadcast(groups, orders, "orders"), Broadcast(groups, iorders, "inflation orders"));
    }

    /// <summary>
    /// The order of each group's second-predictor polynomial: its inflation order for a
    /// <see cref="SecondaryShape.Polynomial"/> family, 0 (one coefficient) for a <see cref="SecondaryShape.Constant"/>
    /// one, −1 for a family without a second predictor.
    /// </summary>
    public IReadOnlyList<int> SecondaryOrders => Family.Secondary?.Shape switch
    {
        SecondaryShape.Polynomial => InflationOrders,
        SecondaryShape.Constant => Enumerable.Repeat(0, Groups).ToArray(),
        _ => Enumerable.Repeat(-1, Groups).ToArray(),
    };

    /// <summary>
    /// A compact label such as "poisson K=3 order=2,2,2" or "zip K=2 order=3,3 iorder=0,1"; inflation orders are shown
    /// only for a family that has them (PROC TRAJ's IORDER), not as a row of −1s for the others.
    /// </summary>
    public string Label =>
        $"{Family.Name} K={Groups} order={string.Join(',', Orders)}"
        + (Family.Secondary?.Shape == SecondaryShape.Polynomial ? $" iorder={string.Join(',', InflationOrders)}" : string.Empty);

    /// <summary>Number of free parameters (membership + all group coefficients).</summary>
    public int ParameterCount => ((Groups - 1) * MembershipWidth) + Orders.Sum(o => o + 1) + (Groups * TimeCovariates.Count) + SecondaryOrders.Sum(o => o + 1);

    /// <summary>Checks the specification on its own (not yet against data).</summary>
    /// <exception cref="ModelSpecificationException">When a count or order is out of range.</exception>
    public void Validate()
    {
        if (Groups < 1)
        {
            throw new ModelSpecificationException("at least one group is needed.");
        }

        if (RiskFactors.Any(string.IsNullOrWhiteSpace) || RiskFactors.Distinct(StringComparer.Ordinal).Count() != RiskFactors.Count)
        {
            throw new ModelSpecificationException("risk factors must be named, each once.");
        }

        if (TimeCovariates.Any(string.IsNullOrWhiteSpace) || TimeCovariates.Distinct(StringComparer.Ordinal).Count() != TimeCovariates.Count)
        {
            throw new ModelSpecificationException("time-varying covariates must be named, each once.");
        }

        if (InflationOrders.Count != Groups)
        {
            throw new ModelSpecificationException($"{InflationOrders.Count} inflation orders given for {Groups} groups.");
        }

        for (var g = 0; g < Groups; g++)
        {
            if (Orders[g] < 0 || Orders[g] > PolynomialBasis.MaxOrder)
            {
                throw new ModelSpecificationException($"group {g + 1}: order {Orders[g]} is outside 0–{PolynomialBasis.MaxOrder}.");
            }

            if (InflationOrders[g] < -1 || InflationOrders[g] > PolynomialBasis.MaxOrder)
            {
                throw new ModelSpecificationException($"group {g + 1}: inflation order {InflationOrders[g]} is outside −1–{PolynomialBasis.MaxOrder}.");
            }

            if (InflationOrders[g] >= 0 && Family.Secondary is not { Shape: SecondaryShape.Polynomial })
            {
                throw new ModelSpecificationException($"the {Family.Name} family has no zero inflation (group {g + 1} asks for iorder {InflationOrders[g]}).");
            }
        }
    }

    private static int[] Broadcast(int groups, int[] values, string what)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (groups < 1)
        {
            throw new ModelSpecificationException("at least one group is needed.");
        }

        if (values.Length == 1)
        {
            return Enumerable.Repeat(values[0], groups).ToArray();
        }

        if (values.Length != groups)
        {
            throw new ModelSpecificationException($"{values.Length} {what} given for {groups} groups (give one, or one per group).");
        }

        return values.ToArray();
    }
}
