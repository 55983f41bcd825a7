using Trajectories.Core.Families;

namespace Trajectories.Core.Estimation;

/// <summary>
/// Everything the E-step reads at one parameter vector: per-cell log-densities (and, with a frailty, rates and shape
/// terms) with their prefix sums over time. <see cref="GroupTables"/> computes them from ψ; a shard of a sharded fit
/// receives the entries of its own cells (<see cref="Sharding.ShardTables"/>), so the E-step runs on either unchanged.
/// </summary>
public class EStepTables
{
    /// <summary>Tables of <paramref name="groups"/> groups over <paramref name="time"/> time points; the derived type fills them.</summary>
    protected EStepTables(int groups, int time)
    {
        Groups = groups;
        Time = time;
    }

    /// <summary>Whether the family has a person-level gamma frailty, and the frailty tables below are filled.</summary>
    public bool HasFrailty { get; protected init; }

    /// <summary>The expected count μ = e·exp(η) of each cell in each group (frailty models only), index c·G + g.</summary>
    public double[] RateFull { get; protected init; } = [];

    /// <summary><see cref="RateFull"/> minus the baseline cell of the same time.</summary>
    public double[] RateDiff { get; protected init; } = [];

    /// <summary>Prefix sums over time of the baseline rates exp(η), index t·G + g, t = 0…T.</summary>
    public double[] RatePrefix { get; protected init; } = [];

    /// <summary>The frailty shape a_g = exp(−ζ_g) of each group (frailty models only).</summary>
    public double[] Shape { get; protected init; } = [];

    /// <summary>
    /// T_a(Y) (<see cref="GammaFrailty.FillLogTerms"/>) of group g at index g·L + Y for Y &lt; L = <see cref="TabledTotals"/>.
    /// </summary>
    public double[] LogTerms { get; protected init; } = [];

    /// <summary>H_a(Y) (<see cref="GammaFrailty.FillHarmonic"/>), indexed like <see cref="LogTerms"/>.</summary>
    public double[] Harmonic { get; protected init; } = [];

    /// <summary>How many totals Y = 0, 1, … are tabled per group in <see cref="LogTerms"/> and <see cref="Harmonic"/>.</summary>
    public int TabledTotals => Groups == 0 ? 0 : LogTerms.Length / Groups;

    /// <summary>T_a(Y) of group g for a row total Y (tabled, or computed for a total beyond the tables).</summary>
    public double LogTermOf(int g, double y)
    {
        var l = TabledTotals;
        return y < l ? LogTerms[(g * l) + (int)y] : GammaFrailty.LogTerm(Shape[g], y);
    }

    /// <summary>H_a(Y) of group g for a row total Y.</summary>
    public double HarmonicOf(int g, double y)
    {
        var l = TabledTotals;
        return y < l ? Harmonic[(g * l) + (int)y] : GammaFrailty.Harmonic(Shape[g], y);
    }

    /// <summary>Number of groups G.</summary>
    public int Groups { get; }

    /// <summary>Number of time points T.</summary>
    public int Time { get; }

    /// <summary>log f of each cell in each group (without the data constant), index c·G + g.</summary>
    public double[] Full { get; protected init; } = [];

    /// <summary>Full minus the baseline cell of the same time, index c·G + g.</summary>
    public double[] Diff { get; protected init; } = [];

    /// <summary>Prefix sums over time of the baseline log-density, index t·G + g, t = 0…T.</summary>
    public double[] Prefix { get; protected init; } = [];

    /// <summary>
    /// Whether every log-density is finite and every prefix sum within <see cref="GroupTables.PrefixLimit"/>, so the E-step may use
    /// prefix differences and <see cref="Diff"/>; when false it sums <see cref="Full"/> over each window directly.
    /// </summary>
    public bool PrefixExact { get; protected set; }
}
