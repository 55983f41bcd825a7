using Trajectories.Reporting.Output;
using System.Text.Json;
using Trajectories.Core.Estimation;
using Trajectories.Core.Families;
using Trajectories.Core.Results;

namespace Trajectories.Reporting.Fits;

/// <summary>What a fit was run on and how, recorded next to the estimates in <c>model.json</c>.</summary>
/// <param name="Input">The input as the user named it.</param>
/// <param name="InputFormat">wide_csv, long_csv, long_parquet or register.</param>
/// <param name="Exposure">The exposure file, if any.</param>
/// <param name="DroppedPersons">Persons without any observed time point (not fitted).</param>
/// <param name="Seed">Seed of the start scheme.</param>
public sealed record FitProvenance(string Input, string InputFormat, string? Exposure, int DroppedPersons, int Seed);

/// <summary>Writes a <see cref="TrajectoryFit"/> as <c>model.json</c> (schema <c>trajectories.model/1</c>, INTERFACES.md §3).</summary>
public static class ModelJson
{
    /// <summary>Schema identifier.</summary>
    public const string Schema = "trajectories.model/1";

    /// <summary>Writes the model object (without the surrounding document) to <paramref name="writer"/>.</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="fit">The fit.</param>
    /// <param name="provenance">What it was run on, or null.</param>
    /// <param name="referenceGroup">The group the membership coefficients are relative to (PROC TRAJ's REFGROUP).</param>
    public static void WriteObject(Utf8JsonWriter writer, TrajectoryFit fit, FitProvenance? provenance, int referenceGroup = 1)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(fit);
        writer.WriteStartObject();
        writer.WriteString("schema", Schema);
        writer.WriteString("family", fit.Family);
        writer.WriteString("outcome", OutcomeText(fit.Model.Family.Outcome));
        foreach (var (key, value) in fit.Model.Family.Settings)
        {
            JsonNumbers.Number(writer, key, value);
        }

        writer.WriteNumber("n_groups", fit.Groups.Count);
        writer.WriteNumber("n_persons", fit.PersonCount);
        writer.WriteNumber("n_observations", fit.ObservationCount);
        writer.WriteNumber("n_patterns", fit.PatternCount);
        writer.WriteNumber("n_parameters", fit.ParameterCount);
        JsonNumbers.Number(writer, "log_likelihood", fit.LogLikelihood);
        JsonNumbers.Number(writer, "bic_persons", fit.BicPersons);
        JsonNumbers.Number(writer, "bic_observations", fit.BicObservations);
        JsonNumbers.Number(writer, "aic", fit.Aic);
        JsonNumbers.Number(writer, "entropy", fit.Entropy);
        writer.WriteBoolean("converged", fit.Converged);
        writer.WriteString("stop_reason", StopReasonText(fit.StopReason));
        writer.WriteNumber("iterations", fit.Iterations);
        writer.WriteNumber("starts", fit.Starts);
        writer.WriteNumber("starts_at_best", fit.StartsAtBest);
        writer.WriteNumber("starts_converged", fit.StartsConverged);
        WriteSearch(writer, fit.Search);
        JsonNumbers.Number(writer, "seconds", fit.Seconds);
        writer.WriteStartObject("time_scale");
        JsonNumbers.Number(writer, "center", fit.TimeScale.Center);
        JsonNumbers.Number(writer, "scale", fit.TimeScale.Scale);
        writer.WriteEndObject();
        writer.WriteStartArray("groups");
        foreach (var g in fit.Groups)
        {
            WriteGroup(writer, g);
        }

        writer.WriteEndArray();
        WriteMembership(writer, fit.MembershipRelativeTo(referenceGroup));
        if (fit.Model.TimeCovariates.Count > 0)
        {
            // The covariate values of the reported trajectories: fixed ones, or "mean" (the persons' mean at each time).
            writer.WriteStartObject("tcov_reported_at");
            foreach (var name in fit.Model.TimeCovariates)
            {
                if (fit.ReportedAt.TryGetValue(name, out var value))
                {
                    JsonNumbers.Number(writer, name, value);
                }
                else
                {
                    writer.WriteString(name, "mean");
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteStartArray("warnings");
        foreach (var w in fit.Warnings)
        {
            writer.WriteStringValue(w);
        }

        writer.WriteEndArray();
        if (provenance is not null)
        {
            writer.WriteStartObject("input");
            writer.WriteString("path", provenance.Input);
            writer.WriteString("format", provenance.InputFormat);
            if (provenance.Exposure is null)
            {
                writer.WriteNull("exposure");
            }
            else
            {
                writer.WriteString("exposure", provenance.Exposure);
            }

            writer.WriteNumber("persons_without_observations", provenance.DroppedPersons);
            writer.WriteNumber("seed", provenance.Seed);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes <c>model.json</c> to <paramref name="path"/> (membership coefficients relative to <paramref name="referenceGroup"/>).</summary>
    public static void Write(string path, TrajectoryFit fit, FitProvenance? provenance, int referenceGroup = 1) =>
        JsonFile.Write(path, writer => WriteObject(writer, fit, provenance, referenceGroup));

    /// <summary>snake_case text of a discard reason.</summary>
    public static string DiscardReasonText(DiscardReason reason) => reason switch
    {
        DiscardReason.NumericalFailure => "numerical_failure",
        _ => reason.ToString().ToLowerInvariant(),
    };

    /// <summary>The <c>search</c> object: how the best value was found and how often.</summary>
    public static void WriteSearch(Utf8JsonWriter writer, SearchSummary search)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(search);
        writer.WriteStartObject("search");
        writer.WriteNumber("starts", search.Starts);
        writer.WriteNumber("rounds", search.Rounds);
        writer.WriteNumber("run_to_convergence", search.RunToConvergence);
        writer.WriteNumber("at_best", search.AtBest);
        writer.WriteNumber("replications", search.Replications);
        writer.WriteNumber("required_replications", search.RequiredReplications);
        writer.WriteBoolean("replicated", search.Replicated);
        writer.WriteString("best_origin", search.BestOrigin);
        writer.WriteStartArray("optima");
        foreach (var o in search.Optima)
        {
            writer.WriteStartObject();
            JsonNumbers.Number(writer, "log_likelihood", o.LogLikelihood);
            writer.WriteNumber("runs", o.Runs);
            writer.WriteNumber("independent_starts", o.Independent);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("discarded");
        foreach (var d in search.Discarded)
        {
            writer.WriteNumber(DiscardReasonText(d.Reason), d.Count);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>snake_case text of a stop reason.</summary>
    public static string StopReasonText(StopReason reason) => StopReasonCodes.Of(reason);

    private static void WriteGroup(Utf8JsonWriter writer, GroupEstimate g)
    {
        writer.WriteStartObject();
        writer.WriteNumber("index", g.Index);
        JsonNumbers.Number(writer, "share", g.Share);
        JsonNumbers.Number(writer, "share_se", g.ShareSe);
        JsonNumbers.Number(writer, "assigned_share", g.AssignedShare);
        JsonNumbers.Number(writer, "avepp", g.AvePP);
        JsonNumbers.Number(writer, "occ", g.Occ);
        JsonNumbers.Number(writer, "expected_size", g.ExpectedSize);
        writer.WriteBoolean("degenerate", g.Degenerate);
        writer.WriteNumber("order", g.Order);
        JsonNumbers.Numbers(writer, "beta", g.Beta.Select(b => (double?)b));
        JsonNumbers.Numbers(writer, "beta_se", g.BetaSe);
        writer.WriteNumber("iorder", g.InflationOrder);
        JsonNumbers.Numbers(writer, "inflation", g.Inflation.Select(b => (double?)b));
        JsonNumbers.Numbers(writer, "inflation_se", g.InflationSe);
        if (g.Secondary is { Natural: { } natural } constant)
        {
            // A constant on the log scale (NB's dispersion α, CNORM's σ) under its own name, on its natural scale.
            JsonNumbers.Number(writer, constant.Predictor.Key, natural);
            JsonNumbers.Number(writer, constant.Predictor.Key + "_se", constant.NaturalSe);
        }

        writer.WriteStartArray("tcov");
        foreach (var c in g.TimeCovariates)
        {
            writer.WriteStartObject();
            writer.WriteString("name", c.Name);
            JsonNumbers.Number(writer, "estimate", c.Estimate);
            JsonNumbers.Number(writer, "se", c.Se);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("predictors");
        WritePredictor(writer, g.Trajectory);
        if (g.Secondary is { } secondary)
        {
            WritePredictor(writer, secondary);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The <c>membership</c> object (risk factors), or null for constant shares.</summary>
    private static void WriteMembership(Utf8JsonWriter writer, MembershipEstimate? membership)
    {
        if (membership is null)
        {
            writer.WriteNull("membership");
            return;
        }

        writer.WriteStartObject("membership");
        writer.WriteString("model", "multinomial_logit");
        writer.WriteStartArray("covariates");
        foreach (var c in membership.Covariates)
        {
            writer.WriteStringValue(c);
        }

        writer.WriteEndArray();
        writer.WriteNumber("reference_group", membership.ReferenceGroup);
        writer.WriteStartArray("coefficients");
        foreach (var c in membership.Coefficients)
        {
            writer.WriteStartObject();
            writer.WriteNumber("group", c.Group);
            writer.WriteString("covariate", c.Covariate);
            JsonNumbers.Number(writer, "estimate", c.Estimate);
            JsonNumbers.Number(writer, "se", c.Se);
            JsonNumbers.Number(writer, "z", c.Z);
            JsonNumbers.Number(writer, "p_value", c.P);
            JsonNumbers.Number(writer, "odds_ratio", c.OddsRatio);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("tests");
        foreach (var t in membership.Tests)
        {
            writer.WriteStartObject();
            writer.WriteString("covariate", t.Covariate);
            JsonNumbers.Number(writer, "wald_chi2", t.Chi2);
            writer.WriteNumber("df", t.Df);
            JsonNumbers.Number(writer, "p_value", t.P);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("share_effects");
        foreach (var e in membership.ShareEffects)
        {
            writer.WriteStartObject();
            writer.WriteNumber("group", e.Group);
            writer.WriteString("covariate", e.Covariate);
            JsonNumbers.Number(writer, "effect", e.Effect);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>One linear predictor of a group: what it is, its link, order, coefficients and their SEs.</summary>
    private static void WritePredictor(Utf8JsonWriter writer, PredictorEstimate p)
    {
        writer.WriteStartObject();
        writer.WriteString("name", p.Predictor.Key);
        writer.WriteString("description", p.Predictor.Name);
        writer.WriteString("link", Links.Name(p.Predictor.Link));
        writer.WriteNumber("order", p.Order);
        JsonNumbers.Numbers(writer, "coefficients", p.Coefficients.Select(b => (double?)b));
        JsonNumbers.Numbers(writer, "se", p.Se);
        writer.WriteEndObject();
    }

    /// <summary>snake_case text of an outcome kind.</summary>
    public static string OutcomeText(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Count => "count",
        OutcomeKind.Binary => "binary",
        _ => "continuous",
    };
}
