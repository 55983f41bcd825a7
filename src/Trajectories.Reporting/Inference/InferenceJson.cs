using Trajectories.Reporting.Output;
using System.Text.Json;
using Trajectories.Core.Inference;
using Trajectories.Reporting.Fits;

namespace Trajectories.Reporting.Inference;

/// <summary>
/// The JSON summaries of the inference verbs (schemas <c>trajectories.blrt/1</c>, <c>trajectories.bootstrap/1</c>,
/// <c>trajectories.cve/1</c>; docs/inference.md): the result, how it was reached, and the settings to rerun it.
/// </summary>
public static class InferenceJson
{
    /// <summary>Writes <c>blrt.json</c>.</summary>
    public static void Write(string path, BlrtResult result, string input)
    {
        ArgumentNullException.ThrowIfNull(result);
        Document(path, writer =>
        {
            writer.WriteString("schema", "trajectories.blrt/1");
            writer.WriteString("input", input);
            writer.WriteString("null_model", result.NullModel);
            writer.WriteString("alternative_model", result.AlternativeModel);
            writer.WriteNumber("null_groups", result.NullGroups);
            writer.WriteNumber("alternative_groups", result.AlternativeGroups);
            JsonNumbers.Number(writer, "null_log_likelihood", result.LogLikelihood.Null);
            JsonNumbers.Number(writer, "alternative_log_likelihood", result.LogLikelihood.Alternative);
            JsonNumbers.Number(writer, "statistic", result.Statistic);
            JsonNumbers.Number(writer, "p_value", result.PValue);
            JsonNumbers.Number(writer, "monte_carlo_se", result.MonteCarloError);
            JsonNumbers.Numbers(writer, "p_interval", [result.Interval.Lower, result.Interval.Upper]);
            writer.WriteBoolean("rejects_null", result.Rejects);
            writer.WriteNumber("replicates", result.Replicates);
            writer.WriteNumber("exceedances", result.Exceedances);
            writer.WriteNumber("failed", result.Failed);
            writer.WriteString("stopped_by", StopText(result.Stop));
            var o = result.Options;
            writer.WriteStartObject("settings");
            JsonNumbers.Number(writer, "alpha", o.Alpha);
            JsonNumbers.Number(writer, "precision", o.Precision);
            JsonNumbers.Number(writer, "decision_confidence", o.DecisionConfidence);
            writer.WriteNumber("min_replicates", o.MinReplicates);
            writer.WriteNumber("max_replicates", o.MaxReplicates);
            writer.WriteNumber("batch", o.Batch);
            writer.WriteNumber("seed", o.Seed);
            writer.WriteNumber("replicate_starts", o.Fit.Starts);
            writer.WriteEndObject();
        });
    }

    /// <summary>Writes <c>bootstrap.json</c>.</summary>
    public static void Write(string path, BootstrapResult result, string input)
    {
        ArgumentNullException.ThrowIfNull(result);
        Document(path, writer =>
        {
            writer.WriteString("schema", "trajectories.bootstrap/1");
            writer.WriteString("input", input);
            writer.WriteString("model", result.Model);
            writer.WriteNumber("replicates", result.Replicates);
            writer.WriteNumber("used", result.Used);
            writer.WriteNumber("unmatched", result.Unmatched);
            writer.WriteNumber("failed", result.Failed);
            writer.WriteNumber("other_optimum", result.OtherOptimum);
            writer.WriteString("interval", "percentile");
            writer.WriteString("alignment", "optimal assignment on squared distance of the mean trajectories on the link scale; unmatched = not mutually nearest");
            writer.WriteStartObject("settings");
            JsonNumbers.Number(writer, "level", result.Options.Level);
            writer.WriteNumber("seed", result.Options.Seed);
            writer.WriteBoolean("full_search", result.Options.FullSearch);
            writer.WriteNumber("starts", result.Options.Fit.Starts);
            writer.WriteEndObject();
        });
    }

    /// <summary>Writes <c>cve.json</c>.</summary>
    public static void Write(string path, IReadOnlyList<CrossValidationRow> rows, string input, CrossValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        Document(path, writer =>
        {
            writer.WriteString("schema", "trajectories.cve/1");
            writer.WriteString("input", input);
            writer.WriteString("scheme", options.Folds == 0 ? "leave_one_out" : "k_fold");
            writer.WriteNumber("folds", options.Folds);
            writer.WriteNumber("seed", options.Seed);
            writer.WriteBoolean("full_search", options.FullSearch);
            writer.WriteString("definition", "crimCV: mean |y − Σ_g p(g | y_i; ψ₋ᵢ) μ_g(t; ψ₋ᵢ)| over observed person-times, ψ₋ᵢ refitted without the held-out persons from the full-data solution");
            var best = rows.Where(r => double.IsFinite(r.Result.Cve)).MinBy(r => r.Result.Cve);
            if (best is null)
            {
                writer.WriteNull("lowest_cve_groups");
            }
            else
            {
                writer.WriteNumber("lowest_cve_groups", best.Groups);
            }

            writer.WriteStartArray("models");
            foreach (var r in rows)
            {
                writer.WriteStartObject();
                writer.WriteNumber("groups", r.Groups);
                writer.WriteString("model", r.Result.Model);
                JsonNumbers.Number(writer, "log_likelihood", r.LogLikelihood);
                JsonNumbers.Number(writer, "bic_persons", r.BicPersons);
                JsonNumbers.Number(writer, "cve", r.Result.Cve);
                JsonNumbers.Number(writer, "cve2", r.Result.Cve2);
                JsonNumbers.Number(writer, "lcv", r.Result.Lcv);
                writer.WriteNumber("refits", r.Result.Refits);
                writer.WriteNumber("failed", r.Result.Failed);
                writer.WriteNumber("other_optimum", r.Result.OtherOptimum);
                writer.WriteNumber("persons_left_out", r.Result.PersonsLeftOut);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    /// <summary>Writes <c>study.json</c>; <paramref name="truth"/> says what the data sets were drawn from.</summary>
    public static void Write(string path, StudyResult result, string truth)
    {
        ArgumentNullException.ThrowIfNull(result);
        Document(path, writer =>
        {
            writer.WriteString("schema", "trajectories.study/1");
            writer.WriteString("truth", truth);
            writer.WriteString("model", result.Model);
            writer.WriteNumber("replicates", result.Replicates);
            writer.WriteNumber("used", result.Used);
            writer.WriteNumber("unmatched", result.Unmatched);
            writer.WriteNumber("failed", result.Failed);
            writer.WriteNumber("not_converged", result.NotConverged);
            writer.WriteStartArray("parameters");
            foreach (var p in result.Parameters)
            {
                writer.WriteStartObject();
                writer.WriteString("parameter", p.Kind == StudyParameterKind.Share ? "share" : "coefficient");
                writer.WriteNumber("group", p.Group);
                writer.WriteNumber("power", p.Power);
                JsonNumbers.Number(writer, "truth", p.Truth);
                JsonNumbers.Number(writer, "bias", p.Bias);
                JsonNumbers.Number(writer, "rmse", p.Rmse);
                JsonNumbers.Number(writer, "mean_se", p.MeanSe);
                JsonNumbers.Number(writer, "empirical_sd", p.EmpiricalSd);
                JsonNumbers.Number(writer, "coverage", p.Coverage);
                writer.WriteNumber("n", p.Count);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("selected");
            foreach (var (k, n) in result.Selected)
            {
                writer.WriteNumber(k.ToString(System.Globalization.CultureInfo.InvariantCulture), n);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("settings");
            writer.WriteNumber("seed", result.Options.Seed);
            writer.WriteNumber("starts", result.Options.Fit.Starts);
            JsonNumbers.Numbers(writer, "select_groups", (result.Options.SelectGroups ?? []).Select(k => (double?)k));
            writer.WriteEndObject();
        });
    }

    /// <summary>snake_case text of a BLRT stopping rule.</summary>
    public static string StopText(BlrtStop stop) => stop switch
    {
        BlrtStop.Decision => "decision",
        BlrtStop.Precision => "precision",
        _ => "limit",
    };

    private static void Document(string path, Action<Utf8JsonWriter> body) =>
        JsonFile.Write(path, writer =>
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        });
}
