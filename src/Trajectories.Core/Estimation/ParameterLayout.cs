namespace Trajectories.Core.Estimation;

/// <summary>
/// Where each parameter lives in the full vector ψ = [θ (membership), β₁, δ₁, γ₁, β₂, δ₂, γ₂, …]: β_g are the g-th
/// group's trajectory polynomial coefficients, δ_g its coefficients of the time-varying covariates (both in η; δ
/// absent without TCOV), γ_g those of its second predictor (ζ: zero inflation, dispersion, σ; absent when the group
/// has none).
/// </summary>
public sealed class ParameterLayout
{
    /// <summary>Builds the layout of a specification.</summary>
    public ParameterLayout(ModelSpecification spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Groups = spec.Groups;
        Orders = spec.Orders.ToArray();
        SecondaryOrders = spec.SecondaryOrders.ToArray();
        Covariates = spec.TimeCovariates.Count;
        MembershipCount = (Groups - 1) * spec.MembershipWidth;
        BetaOffset = new int[Groups];
        GammaOffset = new int[Groups];
        var k = MembershipCount;
        for (var g = 0; g < Groups; g++)
        {
            BetaOffset[g] = k;
            k += Orders[g] + 1 + Covariates;
            GammaOffset[g] = k;
            k += SecondaryOrders[g] + 1;
        }

        Total = k;
    }

    /// <summary>Number of groups.</summary>
    public int Groups { get; }

    /// <summary>Polynomial order per group.</summary>
    public int[] Orders { get; }

    /// <summary>Order of each group's second-predictor polynomial (−1 none; see <see cref="ModelSpecification.SecondaryOrders"/>).</summary>
    public int[] SecondaryOrders { get; }

    /// <summary>Number of time-varying covariates q (each group's δ has q entries, right after its β).</summary>
    public int Covariates { get; }

    /// <summary>Number of membership parameters, stored first.</summary>
    public int MembershipCount { get; }

    /// <summary>Offset of β_g.</summary>
    public int[] BetaOffset { get; }

    /// <summary>Offset of γ_g (its length is SecondaryOrders[g] + 1, possibly 0).</summary>
    public int[] GammaOffset { get; }

    /// <summary>Length of ψ.</summary>
    public int Total { get; }

    /// <summary>Number of coefficients of group g's trajectory predictor η (β and δ).</summary>
    public int TrajectoryWidth(int g) => Orders[g] + 1 + Covariates;

    /// <summary>Number of coefficients of group g (β, δ and γ).</summary>
    public int GroupWidth(int g) => TrajectoryWidth(g) + SecondaryOrders[g] + 1;
}
