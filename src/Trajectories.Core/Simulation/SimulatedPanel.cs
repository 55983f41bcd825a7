using Trajectories.Core.Basis;
using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;

namespace Trajectories.Core.Simulation;

/// <summary>A simulated panel with the truth it was drawn from.</summary>
/// <param name="Panel">The counts, on the design's time grid.</param>
/// <param name="TrueGroup">The planted group of each person (index into the design's groups).</param>
/// <param name="Design">The design, i.e. the true parameters.</param>
/// <param name="Scale">The time scale on which the design's coefficients are expressed (that of the grid).</param>
public sealed record SimulatedPanel(CountPanel Panel, int[] TrueGroup, SimulationDesign Design, TimeScale Scale)
{
    /// <summary>The normalised planted shares.</summary>
    public double[] TrueShares()
    {
        var total = Design.Groups.Sum(g => g.Share);
        return Design.Groups.Select(g => g.Share / total).ToArray();
    }

    /// <summary>
    /// The model that generated the data: the design's family (Poisson, or ZIP when any group is zero-inflated, a
    /// group without inflation then getting iorder −1), with each group's planted polynomial orders.
    /// </summary>
    public ModelSpecification TrueSpecification()
    {
        var groups = Design.Groups;
        var orders = groups.Select(g => g.Beta.Count - 1).ToArray();
        var family = Design.EffectiveFamily;
        var iorders = family.Secondary is { Shape: Families.SecondaryShape.Polynomial }
            ? groups.Select(g => (g.Gamma?.Count ?? 0) - 1).ToArray()
            : null;
        return ModelSpecification.Of(family, groups.Count, orders, iorders)
            .WithRiskFactors(Design.RiskFactors.Select(r => r.Name).ToArray())
            .WithTimeCovariates(Design.TimeCovariates.Select(c => c.Name).ToArray());
    }

    /// <summary>
    /// The planted parameters as the estimator's vector ψ = [θ₂…θ_K, β₁, δ₁, γ₁, …, β_K, δ_K, γ_K] for
    /// <see cref="TrueSpecification"/>, with θ_g = (log(Share_g / Share₁), Risk_g) (see <see cref="ParameterLayout"/>).
    /// </summary>
    public double[] TrueParameters()
    {
        var shares = TrueShares();
        var psi = new List<double>();
        for (var g = 1; g < shares.Length; g++)
        {
            psi.Add(Math.Log(shares[g] / shares[0]));
            psi.AddRange(Design.Groups[g].Risk ?? new double[Design.RiskFactors.Count]);
        }

        foreach (var group in Design.Groups)
        {
            psi.AddRange(group.Beta);
            psi.AddRange(group.Delta ?? new double[Design.TimeCovariates.Count]);
            psi.AddRange(group.Gamma ?? []);
        }

        return psi.ToArray();
    }
}
