using Trajectories.Analysis.Disclosure;
using Trajectories.Core.Families;
using Trajectories.Core.Selection;

namespace Trajectories.Analysis.Study;

/// <summary>Settings of <see cref="StudyAnalysis.Run(Registers.Columns.ColumnarRegister, AnalysisOptions, IProgress{Core.Selection.SelectionProgress})"/>: the model grid, the estimator's starts, and disclosure control.</summary>
public sealed record AnalysisOptions
{
    /// <summary>
    /// Count families of the selection grid; every K × order is tried in each, and the rule below chooses among all
    /// of them. Default Poisson and the gamma frailty: WHY the frailty — real registers vary far more between persons
    /// of one profile than a Poisson curve allows, and a Poisson mixture then buys that variation with extra groups
    /// (high- and low-rate slivers of one profile). With the frailty in the grid, BIC can pay for the variation with one
    /// parameter per group instead; where there is none (Poisson profiles), the frailty's extra parameters cost BIC and
    /// Poisson is chosen.
    /// </summary>
    public IReadOnlyList<ITrajectoryFamily> Families { get; init; } = [PoissonFamily.Instance, FrailtyFamily.Instance];

    /// <summary>Numbers of groups tried (default 1–6).</summary>
    public IReadOnlyList<int> Groups { get; init; } = [1, 2, 3, 4, 5, 6];

    /// <summary>Polynomial orders tried, the same for every group of a model (default 1–3).</summary>
    public IReadOnlyList<int> Orders { get; init; } = [1, 2, 3];

    /// <summary>Zero-inflation order for ZIP (−1: none).</summary>
    public int InflationOrder { get; init; } = -1;

    /// <summary>
    /// The most offenders the selection grid is fitted to (0: all). A larger panel is sampled (seeded by
    /// <see cref="Seed"/>, uniformly, in panel order); the grid and the choice run on the sample, and the chosen model
    /// is then fitted to every offender from the sample's solution. WHY: the grid costs about 5 s per 1 000 offenders on
    /// two cores (measured at 100 000: 490 s for the default 36 models), so on a population register it would take
    /// hours, while 50 000 offenders — 80 times the study — determine K and the orders, and every published estimate
    /// still comes from the fit to all offenders. The selection table says which sample it was fitted to.
    /// </summary>
    public int SelectionSample { get; init; } = 50_000;

    /// <summary>Random starts per model.</summary>
    public int Starts { get; init; } = 10;

    /// <summary>
    /// Case-resamples of the offenders for bootstrap intervals of the model-based profile figures (the weighted and BCH
    /// percentages of classification_uncertainty; <c>ProfileBootstrap</c>); 0 (the default) runs none. Each refits the
    /// chosen model to all offenders' resample, so it costs about one fit of the chosen model.
    /// </summary>
    public int BootstrapReplicates { get; init; }

    /// <summary>Independent starts that must reach each model's best log-likelihood (see <c>FitOptions.Replications</c>).</summary>
    public int Replications { get; init; } = 2;

    /// <summary>The search's start budget per model; null for 5 × <see cref="Starts"/>.</summary>
    public int? MaxStarts { get; init; }

    /// <summary>Seed of the start scheme (fits are reproducible for a given seed and thread count).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Worker threads (0: all cores).</summary>
    public int Threads { get; init; }

    /// <summary>
    /// Adequacy rules of model selection: AvePP ≥ 0.7 and OCC ≥ 5 (Nagin 2005) and every group at least 5 % of the
    /// offenders (a common GBTM convention; the study's smallest profile is 15 %). On the calibrated synthetic
    /// registers (Poisson counts within each profile) BIC prefers K = 4 under this rule at study size for every seed
    /// checked. On registers whose counts are overdispersed within a profile, a Poisson mixture splits a profile into
    /// high- and low-rate slivers as N grows; raise MinShare (e.g. 0.10) or fix K there, and say so.
    /// </summary>
    public SelectionCriteria Criteria { get; init; } = new() { MinShare = 0.05 };

    /// <summary>
    /// Disclosure rule for every published count. Default: round to the nearest multiple of 5 and suppress counts
    /// below 5. WHY 5 and not CBS's usual 10: the study itself publishes "2 %" human-trafficking victims, about 9 of
    /// 465, which a threshold of 10 would withhold; set it explicitly where the microdata rules demand more.
    /// </summary>
    public DisclosureRule Disclosure { get; init; } = new(roundingBase: 5, mode: RoundingMode.Nearest, suppressionThreshold: 5);

    /// <summary>When true, no disclosure control: counts are published unrounded and small cells shown.</summary>
    public bool NoDisclosureControl { get; init; }

    /// <summary>Years before the first trafficking year that count as "recent" victimisation (the study: 3).</summary>
    public int RecentYears { get; init; } = 3;

    /// <summary>The rule actually applied.</summary>
    public DisclosureRule EffectiveDisclosure => NoDisclosureControl ? DisclosureRule.None : Disclosure;
}
