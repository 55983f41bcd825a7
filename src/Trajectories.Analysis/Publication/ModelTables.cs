using Trajectories.Analysis.Disclosure;
using Trajectories.Analysis.Study;
using Trajectories.Core.Results;
using Trajectories.Registers.Model;

namespace Trajectories.Analysis.Publication;

/// <summary>The published tables about the register, the model search, the chosen model and the rule applied.</summary>
internal static class ModelTables
{
    public static readonly TableSpec<AnalysisResult> Register = new TableSpec<AnalysisResult>(
            "register", "What was analysed (one row).", ["register"], singleRow: true)
        .Text("name", "Register name.", r => r.Register.Name)
        .Text("synthetic_generator", "Generator of a synthetic register; null for a real one.", r => r.Register.Synthetic?.GeneratorVersion, nullable: true)
        .Setting("synthetic_seed", "Generator seed of a synthetic register.", r => r.Register.Synthetic is { } s ? (long)s.Seed : null, nullable: true)
        .Setting("synthetic_scale", "Offenders the synthetic register was generated for.", r => r.Register.Synthetic?.Scale, nullable: true)
        .Count("offenders", "Offenders in the register.", r => r.Register.Offenders)
        .Count("criminal_controls", "Criminal controls.", r => r.Register.CriminalControls)
        .Count("noncriminal_controls", "Non-criminal controls.", r => r.Register.NoncriminalControls)
        .Count("panel_offenders", "Offenders in the trajectory panel.", r => r.Register.PanelOffenders)
        .Count("unobservable_offenders", "Offenders never at least min_age in the case years (not in the panel).", r => r.Register.UnobservableOffenders)
        .Integers("case_years", "First and last year with case data.", r => [r.Register.CaseYears.First, r.Register.CaseYears.Last], ColumnRole.Description)
        .Integers("victimisation_years", "First and last year with victimisation data.", r => [r.Register.VictimisationYears.First, r.Register.VictimisationYears.Last], ColumnRole.Description)
        .Integers("lvb_years_ao", "AO window (first, last); null when the register has none.", r => Years(r, LvbSource.AO), ColumnRole.Description, nullable: true)
        .Integers("lvb_years_ciz", "CIZ window.", r => Years(r, LvbSource.CIZ), ColumnRole.Description, nullable: true)
        .Integers("lvb_years_wsw", "Wsw window.", r => Years(r, LvbSource.WSW), ColumnRole.Description, nullable: true)
        .Setting("min_age", "Minimum age of a panel year.", r => r.Register.MinAge);

    public static readonly TableSpec<AnalysisResult> Model = new TableSpec<AnalysisResult>(
            "model", "The chosen trajectory model (one row; its groups and curves are the tables groups and trajectories).", ["model"], singleRow: true)
        .Text("schema", "Model schema of the fields shared with model.json.", _ => "trajectories.model/1")
        .Text("family", "Count family.", r => r.Model.Family)
        .Integers("orders", "Polynomial order of each group.", r => r.Model.Orders)
        .ModelNumber("n_groups", "Number of groups.", r => r.Model.Groups.Count)
        .Count("n_persons", "Offenders fitted (the panel).", r => r.Model.Persons)
        .Count("n_observations", "Person-years fitted.", r => r.Model.Observations)
        .Count("n_patterns", "Distinct count patterns.", r => r.Model.Patterns)
        .ModelNumber("n_parameters", "Free parameters k.", r => r.Model.Parameters)
        .Model("log_likelihood", "Full log-likelihood (including −log y!).", r => r.Model.LogLikelihood, nullable: false)
        .Model("bic_persons", "−2LL + k ln(n_persons), with the published n_persons.", r => r.Model.BicPersons)
        .Model("bic_observations", "−2LL + k ln(n_observations), with the published n_observations.", r => r.Model.BicObservations)
        .Model("aic", "−2LL + 2k.", r => r.Model.Aic, nullable: false)
        .Model("entropy", "Relative entropy (0–1), three decimals.", r => r.Model.Entropy)
        .Flag("converged", "Whether the optimum was reached.", r => r.Model.Converged)
        .Text("stop_reason", "converged, max_iterations, degenerate_group or numerical_failure.", r => r.Model.StopReason)
        .ModelNumber("iterations", "Iterations of the chosen run.", r => r.Model.Iterations)
        .ModelNumber("starts", "Starts tried by the global search.", r => r.Model.Search.Starts)
        .ModelNumber("replications", "Independent starts that reached the best log-likelihood.", r => r.Model.Search.Replications)
        .ModelNumber("required_replications", "Independent starts required.", r => r.Model.Search.RequiredReplications)
        .Flag("replicated", "Whether the best log-likelihood was replicated as required.", r => r.Model.Search.Replicated)
        .Text("best_origin", "Where the best start came from.", r => r.Model.Search.BestOrigin)
        .Model("time_center", "Centre of the scaled age the coefficients are on: u = (age − time_center) / time_scale.", r => r.Model.TimeCenter, nullable: false)
        .Model("time_scale", "Scale of the scaled age.", r => r.Model.TimeScaleWidth, nullable: false)
        .Texts("warnings", "Warnings of the fit.", r => r.Model.Warnings);

    public static readonly TableSpec<PublishedGroup> Groups = new TableSpec<PublishedGroup>(
            "groups", "One row per group of the chosen model.", ["model", "groups"])
        .KeyNumber("group", "1-based group number (ascending mean predicted rate).", g => g.Group)
        .Key("population", "Population code of the group (its label, or other_G).", g => g.Population)
        .Text("label", "Profile label: incidental, early_peaking, late_peaking, continuous or other.", g => g.Label)
        .Model("share", "Estimated share π_g, on a step of 0.1–10 percentage points chosen so that it cannot pin the expected size.", g => g.Share)
        .Model("share_se", "Standard error of π_g, two significant digits.", g => g.ShareSe)
        .Count("assigned_n", "Offenders modally assigned to the group (the profile's n).", g => g.AssignedN)
        .FromCounts("assigned_share", "assigned_n / n_persons.", g => g.AssignedShare)
        .Count("expected_n", "Σ posterior probabilities (expected group size), rounded to an integer.", g => g.ExpectedN)
        .Model("avepp", "Mean posterior probability among the modally assigned, three decimals.", g => g.AvePP)
        .Model("occ", "Odds of correct classification, two significant digits.", g => g.Occ)
        .ModelNumber("order", "Polynomial order.", g => g.Order)
        .Reals("beta", "Log-rate coefficients on scaled age, constant first.", g => g.Beta.Select(b => (double?)b))
        .Reals("beta_se", "Their standard errors (null where not estimable).", g => g.BetaSe)
        .ModelNumber("iorder", "Zero-inflation order (−1: none).", g => g.InflationOrder)
        .Reals("inflation", "Zero-inflation logit coefficients.", g => g.Inflation.Select(b => (double?)b))
        .Reals("inflation_se", "Their standard errors.", g => g.InflationSe)
        .Text("description", "The curve in words (its features are columns of the profiles table).", g => g.Description);

    public static readonly TableSpec<ParameterRow> Parameters = new TableSpec<ParameterRow>(
            "parameters", "One row per estimated parameter of the chosen model (PROC TRAJ's parameter estimates): polynomial coefficients are on scaled age u = (age − time_center) / time_scale (table model).", ["model", "parameters"])
        .KeyNumber("group", "1-based group number.", p => p.Group)
        .Key("kind", "trajectory (log-rate polynomial), secondary (zero-inflation logit polynomial), natural (a dispersion or frailty variance on its own scale) or time_covariate.", p => Kind(p.Kind))
        .Key("name", "intercept, linear, quadratic, cubic, … (powers of scaled age); inflation intercept, …; frailty variance, dispersion; tcov NAME.", p => p.Name)
        .Model("estimate", "The estimate.", p => p.Estimate, nullable: false)
        .Model("se", "Standard error from the observed information (delta method on the natural scale); null when se_status is not estimated.", p => p.Se)
        .Text("se_status", "estimated, singular (the information matrix is singular), fixed (held at its boundary) or not_finite.", p => SeStatusCode(p.Status))
        .Model("z", "Wald statistic estimate / se; null for natural-scale parameters, whose 0 is the boundary of their space.", p => p.Z)
        .Model("p", "Two-sided p-value of z (standard normal).", p => p.P);

    public static readonly TableSpec<PublishedPosteriorRow> PosteriorMatrix = new TableSpec<PublishedPosteriorRow>(
            "posterior_matrix", "The mean posterior matrix: one row per group of modal assignment, the mean posterior probability of each group among its members (the diagonal is AvePP).", ["model", "posterior_matrix"])
        .KeyNumber("group", "1-based group number (modal assignment).", r => r.Group)
        .Key("population", "Population code of the group.", r => r.Population)
        .Reals("mean_posterior", "Mean posterior probability of groups 1…K among the group's members, three decimals.", r => r.MeanPosterior);

    public static readonly TableSpec<PublishedPosteriorBand> MaxPosterior = new TableSpec<PublishedPosteriorBand>(
            "max_posterior", "Per group, its modally assigned members by band of their largest posterior probability (how sure their classification is).", ["model", "max_posterior"])
        .KeyNumber("group", "1-based group number.", r => r.Group)
        .Key("population", "Population code of the group.", r => r.Population)
        .Key("band", "Band of the largest posterior: < 0.5, 0.5–0.6, 0.6–0.7, 0.7–0.8, 0.8–0.9, ≥ 0.9.", r => r.Band)
        .Count("n", "Persons (the bands partition the group's n; secondary suppression applies).", r => r.N);

    public static readonly TableSpec<PublishedCurvePoint> Trajectories = new TableSpec<PublishedCurvePoint>(
            "trajectories", "One row per group and age: the fitted curve with its 95 % band and the observed mean.", ["model", "trajectories"])
        .KeyNumber("group", "1-based group number.", p => p.Group)
        .Model("age", "Age (years).", p => p.Age, nullable: false)
        .Model("predicted", "Fitted expected cases per year.", p => p.Predicted)
        .Model("lower", "Lower 95 % limit.", p => p.Lower)
        .Model("upper", "Upper 95 % limit.", p => p.Upper)
        .Microdata("observed_mean", "Posterior-weighted mean observed cases per year, on a decimal step s with s·n ≥ 1; null where n is suppressed.", p => p.ObservedMean)
        .Count("n", "Posterior-weighted persons observed at this age, rounded to an integer.", p => p.N)
        .Flag("in_support", "Whether the group has data at this age (the curve is an estimate there, not an extrapolation).", p => p.InSupport);

    public static readonly TableSpec<PublishedSelection> SelectionRule = new TableSpec<PublishedSelection>(
            "selection_rule", "The selection rule (one row; the models tried are the table selection).", ["selection"], singleRow: true)
        .Text("rule", "The rule in words.", s => s.Rule)
        .Flag("chosen_is_adequate", "Whether the chosen model met every adequacy rule.", s => s.ChosenIsAdequate, ColumnRole.Description)
        .Setting(
            "selection_sample",
            "Offenders of the random sample the grid was fitted to (BIC with the sample's persons and observations; the chosen model was then fitted to all offenders); null when the grid ran on all offenders.",
            s => s.Sample,
            nullable: true);

    public static readonly TableSpec<PublishedSelectionRow> Selection = new TableSpec<PublishedSelectionRow>(
            "selection", "One row per model of the selection grid.", ["selection", "rows"])
        .Key("model", "Model label.", r => r.Model)
        .Text("family", "Count family.", r => r.Family)
        .ModelNumber("groups", "Number of groups.", r => r.Groups)
        .Integers("orders", "Polynomial order of each group.", r => r.Orders)
        .Integers("iorders", "Zero-inflation order of each group.", r => r.InflationOrders)
        .ModelNumber("n_parameters", "Free parameters k.", r => r.Parameters)
        .Model("log_likelihood", "Log-likelihood; null when the fit failed.", r => r.LogLikelihood)
        .Model("bic_persons", "BIC with the published number of persons.", r => r.BicPersons)
        .Model("bic_observations", "BIC with the published number of observations.", r => r.BicObservations)
        .Model("aic", "AIC.", r => r.Aic)
        .Model("entropy", "Relative entropy, three decimals.", r => r.Entropy)
        .Model("min_avepp", "Smallest AvePP, three decimals.", r => r.MinAvePP)
        .Model("min_occ", "Smallest OCC, two significant digits.", r => r.MinOcc)
        .Model("min_share", "Smallest estimated share, at model-share precision.", r => r.MinShare)
        .Flag("converged", "Whether the fit converged.", r => r.Converged)
        .Flag("adequate", "Whether it met every adequacy rule.", r => r.Adequate, ColumnRole.Description)
        .Flag("chosen", "Whether it is the chosen model.", r => r.Chosen, ColumnRole.Description)
        .Text("reasons", "Why it is not adequate, or the error of a failed fit.", r => r.Reasons)
        .ModelNumber("starts", "Starts tried.", r => r.Starts, nullable: true)
        .ModelNumber("replications", "Independent starts at the best log-likelihood.", r => r.Replications, nullable: true)
        .Flag("replicated", "Whether the best value was replicated as required.", r => r.Replicated, nullable: true)
        .Text("best_origin", "Where the best start came from.", r => r.BestOrigin, nullable: true)
        .Model("seconds", "Wall-clock seconds of the fit.", r => r.Seconds);

    public static readonly TableSpec<AnalysisResult> Method = new TableSpec<AnalysisResult>(
            "method", "How profiles were labelled and classification uncertainty treated (one row).", ["method"], singleRow: true)
        .Text("labelling_rule", "The profile labelling rule in words.", r => r.LabellingRule)
        .Text("classification_uncertainty", "The modal, weighted and BCH estimators in words.", _ => UncertaintyMethod);

    public static readonly TableSpec<AnalysisResult> Disclosure = new TableSpec<AnalysisResult>(
            "disclosure", "The disclosure rule applied (one row).", ["disclosure"], singleRow: true)
        .Flag("applied", "False when disclosure control was switched off (--no-disclosure-control).", r => r.Disclosure.IsApplied, ColumnRole.Description)
        .Text("rounding", "nearest or unbiased_random.", r => r.Disclosure.Describe().Rounding)
        .Setting("rounding_base", "Counts are published as multiples of this.", r => r.Disclosure.RoundingBase)
        .Setting("suppression_threshold", "Positive counts below this are suppressed (zero is published).", r => r.Disclosure.SuppressionThreshold)
        .Text("suppressed_symbol", "What a suppressed cell shows in the report.", r => r.Disclosure.SuppressedSymbol)
        .Setting("seed", "Seed of unbiased random rounding; null for nearest rounding.", r => r.Disclosure.Describe().Seed is { } s ? (long)s : null, nullable: true)
        .Setting("primary_suppressions", "Cells withheld because they are small.", r => r.Suppression.Primary)
        .Setting("secondary_suppressions", "Cells withheld so that a total cannot pin a small cell.", r => r.Suppression.Secondary)
        .Text("statement", "The rule in words, as in the report.", r => r.Disclosure.Statement());

    public static readonly TableSpec<string> Notes = new TableSpec<string>(
            "notes", "What a reader must know (one row per note).", ["notes"])
        .Text("note", "The note.", n => n);

    /// <summary>The classification-uncertainty estimators in words.</summary>
    public const string UncertaintyMethod =
        "modal: share among modally assigned offenders (the study's); weighted: each offender counts in each profile with its "
        + "posterior probability; bch: Bolck-Croon-Hagenaars correction, weights (D^-1)[modal, s] with D[s,k] = sum_i p_is "
        + "1[modal_i = k] / sum_i p_is (Vermunt 2010); standard errors: sandwich with the weights held fixed, "
        + "person i contributing w_is (y_i - mu_s) / sum_j w_js; tests across profiles: Wald on the differences from the "
        + "first profile with that covariance";

    private static int[]? Years(AnalysisResult r, LvbSource source) =>
        r.Register.LvbYears.TryGetValue(source, out var y) ? [y.First, y.Last] : null;

    private static string Kind(ParameterKind kind) => kind switch
    {
        ParameterKind.Trajectory => "trajectory",
        ParameterKind.Secondary => "secondary",
        ParameterKind.Natural => "natural",
        ParameterKind.TimeCovariate => "time_covariate",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string SeStatusCode(SeStatus status) => status switch
    {
        SeStatus.Estimated => "estimated",
        SeStatus.Singular => "singular",
        SeStatus.Fixed => "fixed",
        SeStatus.NotFinite => "not_finite",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
