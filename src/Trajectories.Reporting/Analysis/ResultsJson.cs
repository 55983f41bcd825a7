using System.Text;
using System.Text.Json;
using Trajectories.Analysis.Comparisons;
using Trajectories.Analysis.Disclosure;
using Trajectories.Analysis.Study;
using Trajectories.Registers.Model;
using Trajectories.Reporting.Fits;

namespace Trajectories.Reporting.Analysis;

/// <summary>
/// Writes <c>results.json</c> (schema <c>trajectories.analysis/1</c>, INTERFACES.md §3): register, chosen model,
/// selection table, profiles, LVB, victimisation, classification uncertainty, disclosure rule and notes. Counts
/// are the disclosed ones (null where suppressed); numbers that are not finite are written as null, never NaN.
/// </summary>
public static class ResultsJson
{
    /// <summary>Schema identifier.</summary>
    public const string Schema = "trajectories.analysis/1";

    /// <summary>Writes the document to <paramref name="path"/>.</summary>
    public static void Write(string path, AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var stream = File.Create(path);
        using (var writer = new Utf8JsonWriter(stream, JsonNumbers.Indented))
        {
            Write(writer, result);
        }

        stream.Write(Encoding.UTF8.GetBytes("\n"));
    }

    /// <summary>Writes the document to a writer.</summary>
    public static void Write(Utf8JsonWriter writer, AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteString("schema", Schema);
        WriteRegister(writer, result.Register);
        writer.WritePropertyName("model");
        ModelJson.WriteObject(writer, result.Fit, null);
        WriteSelection(writer, result);
        writer.WriteString("labelling_rule", result.LabellingRule);
        WriteProfiles(writer, result);
        writer.WriteStartArray("lvb");
        foreach (var o in result.Lvb)
        {
            WriteOutcome(writer, o, "n_lvb");
        }

        writer.WriteEndArray();
        WriteVictimisation(writer, result.Victimisation);
        WriteUncertainty(writer, result);
        WriteDisclosure(writer, result.Disclosure.Describe());
        writer.WriteStartArray("notes");
        foreach (var n in result.Notes)
        {
            writer.WriteStringValue(n);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRegister(Utf8JsonWriter w, RegisterSummary r)
    {
        w.WriteStartObject("register");
        w.WriteString("name", r.Name);
        Registers.Io.RegisterMetadataJson.WriteSynthetic(w, r.Synthetic);

        Count(w, "offenders", r.Offenders);
        Count(w, "criminal_controls", r.CriminalControls);
        Count(w, "noncriminal_controls", r.NoncriminalControls);
        Count(w, "panel_offenders", r.PanelOffenders);
        Count(w, "unobservable_offenders", r.UnobservableOffenders);
        Years(w, "case_years", r.CaseYears);
        Years(w, "victimisation_years", r.VictimisationYears);
        w.WriteStartObject("lvb_years");
        foreach (var (source, years) in r.LvbYears.OrderBy(p => p.Key))
        {
            Years(w, Codes.Of(source), years);
        }

        w.WriteEndObject();
        w.WriteNumber("min_age", r.MinAge);
        w.WriteEndObject();
    }

    private static void WriteSelection(Utf8JsonWriter w, AnalysisResult result)
    {
        var s = result.Selection;
        w.WriteStartObject("selection");
        w.WriteString("rule", s.Rule);
        if (s.ChosenIndex is { } chosen)
        {
            w.WriteNumber("chosen_index", chosen);
        }
        else
        {
            w.WriteNull("chosen_index");
        }

        w.WriteBoolean("chosen_is_adequate", s.ChosenIsAdequate);
        w.WriteStartArray("rows");
        for (var i = 0; i < s.Rows.Count; i++)
        {
            var row = s.Rows[i];
            var f = row.Fit;
            w.WriteStartObject();
            w.WriteString("model", row.Label);
            w.WriteNumber("groups", row.Groups);
            w.WriteString("orders", string.Join(' ', row.Model.Orders));
            w.WriteNumber("n_parameters", row.Model.ParameterCount);
            JsonNumbers.Number(w, "log_likelihood", f?.LogLikelihood);
            JsonNumbers.Number(w, "bic_persons", f?.BicPersons);
            JsonNumbers.Number(w, "bic_observations", f?.BicObservations);
            JsonNumbers.Number(w, "aic", f?.Aic);
            JsonNumbers.Number(w, "entropy", f?.Entropy);
            JsonNumbers.Number(w, "min_avepp", f?.Groups.Min(g => g.AvePP ?? double.NaN));
            JsonNumbers.Number(w, "min_share", f?.Groups.Min(g => g.Share));
            w.WriteBoolean("converged", f?.Converged ?? false);
            w.WriteBoolean("adequate", row.Adequate);
            w.WriteBoolean("chosen", s.ChosenIndex == i);
            w.WriteString("reasons", string.Join("; ", row.Reasons));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteProfiles(Utf8JsonWriter w, AnalysisResult result)
    {
        w.WriteStartArray("profiles");
        foreach (var p in result.Profiles)
        {
            var label = result.Labels.Single(l => l.Group == p.Group);
            w.WriteStartObject();
            w.WriteString("label", p.Label);
            w.WriteNumber("group", p.Group);
            w.WriteString("description", p.Description);
            Count(w, "n", p.N);
            JsonNumbers.Number(w, "share", p.Share);
            JsonNumbers.Number(w, "model_share", p.ModelShare);
            JsonNumbers.Number(w, "case_share", p.CaseShare);
            JsonNumbers.Number(w, "mean_age_first_case", p.MeanAgeFirstCase);
            JsonNumbers.Number(w, "mean_age_first_trafficking", p.MeanAgeFirstTrafficking);
            JsonNumbers.Number(w, "mean_cases_before_trafficking", p.MeanCasesBeforeTrafficking);
            JsonNumbers.Number(w, "share_starting_with_trafficking", p.ShareStartingWithTrafficking);
            JsonNumbers.Number(w, "peak_age", label.PeakAge);
            JsonNumbers.Number(w, "peak_rate", label.PeakRate);
            JsonNumbers.Number(w, "rate_15_20", label.RateYouth);
            JsonNumbers.Number(w, "rate_25_30", label.RateAdult);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteVictimisation(Utf8JsonWriter w, VictimisationResult v)
    {
        w.WriteStartObject("victimisation");
        w.WriteString("window", v.Window);
        w.WritePropertyName("ever");
        WriteOutcome(w, v.Ever, "n_victims");
        w.WriteStartObject("mean_count_among_victims");
        w.WriteStartArray("populations");
        foreach (var m in v.Means)
        {
            w.WriteStartObject();
            w.WriteString("population", m.Population);
            Count(w, "n_victims", m.Victims);
            JsonNumbers.Number(w, "mean", m.Mean);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("contrasts");
        foreach (var c in v.MeanContrasts)
        {
            WriteContrast(w, c.Population, c.Versus, "ratio_of_means", c.RatioOfMeans, c.CiLow, c.CiHigh, c.PValue, c.PHolm, c.Test);
        }

        w.WriteEndArray();
        WriteGlobal(w, "across_profiles", v.MeansAcrossProfiles);
        w.WriteEndObject();
        w.WriteStartArray("categories");
        foreach (var c in v.Categories)
        {
            WriteOutcome(w, c, "n_events");
        }

        w.WriteEndArray();
        w.WritePropertyName("recent_before_trafficking");
        WriteOutcome(w, v.Recent, "n_victims");
        w.WriteEndObject();
    }

    private static void WriteOutcome(Utf8JsonWriter w, BinaryOutcome o, string eventsName)
    {
        w.WriteStartObject();
        w.WriteString("outcome", o.Outcome);
        w.WriteString("base", o.Base);
        w.WriteStartArray("populations");
        foreach (var r in o.Rates)
        {
            w.WriteStartObject();
            w.WriteString("population", r.Population);
            Count(w, "n", r.N);
            Count(w, eventsName, r.Events);
            JsonNumbers.Number(w, "percent", r.Percent);
            var c = r.VsNoncriminal;
            JsonNumbers.Number(w, "ratio_vs_noncriminal", c?.Ratio);
            JsonNumbers.Number(w, "ci_low", c?.CiLow);
            JsonNumbers.Number(w, "ci_high", c?.CiHigh);
            JsonNumbers.Number(w, "p_value", c?.PValue);
            JsonNumbers.Number(w, "p_holm", c?.PHolm);
            Text(w, "test", c?.Test);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteContrasts(w, "contrasts", o.Contrasts);
        WriteContrasts(w, "pairwise_profiles", o.PairwiseProfiles);
        WriteGlobal(w, "across_profiles", o.AcrossProfiles);
        w.WriteStartArray("paired");
        foreach (var p in o.Paired)
        {
            w.WriteStartObject();
            w.WriteString("versus", p.Versus);
            Count(w, "pairs", p.Pairs);
            Count(w, "offender_only", p.OffenderOnly);
            Count(w, "control_only", p.ControlOnly);
            JsonNumbers.Number(w, "conditional_odds_ratio", p.ConditionalOddsRatio);
            JsonNumbers.Number(w, "ci_low", p.OrCiLow);
            JsonNumbers.Number(w, "ci_high", p.OrCiHigh);
            JsonNumbers.Number(w, "paired_risk_ratio", p.PairedRiskRatio);
            JsonNumbers.Number(w, "p_value", p.PValue);
            JsonNumbers.Number(w, "p_holm", p.PHolm);
            w.WriteString("test", p.Test);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteContrasts(Utf8JsonWriter w, string name, IReadOnlyList<Contrast> contrasts)
    {
        w.WriteStartArray(name);
        foreach (var c in contrasts)
        {
            WriteContrast(w, c.Population, c.Versus, "ratio", c.Ratio, c.CiLow, c.CiHigh, c.PValue, c.PHolm, c.Test);
        }

        w.WriteEndArray();
    }

    /// <summary>One contrast object: a ratio with its interval and the test behind the p-value.</summary>
    private static void WriteContrast(
        Utf8JsonWriter w, string population, string versus, string ratioName, double? ratio, double? low, double? high, double? p, double? pHolm, string test)
    {
        w.WriteStartObject();
        w.WriteString("population", population);
        w.WriteString("versus", versus);
        JsonNumbers.Number(w, ratioName, ratio);
        JsonNumbers.Number(w, "ci_low", low);
        JsonNumbers.Number(w, "ci_high", high);
        JsonNumbers.Number(w, "p_value", p);
        JsonNumbers.Number(w, "p_holm", pHolm);
        w.WriteString("test", test);
        w.WriteEndObject();
    }

    private static void WriteGlobal(Utf8JsonWriter w, string name, GlobalTest? t)
    {
        if (t is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteStartArray("populations");
        foreach (var p in t.Populations)
        {
            w.WriteStringValue(p);
        }

        w.WriteEndArray();
        JsonNumbers.Number(w, "statistic", t.Statistic);
        JsonNumbers.Number(w, "p_value", t.PValue);
        w.WriteString("test", t.Test);
        w.WriteEndObject();
    }

    private static void WriteUncertainty(Utf8JsonWriter w, AnalysisResult result)
    {
        w.WriteStartObject("classification_uncertainty");
        w.WriteString("method", "modal: share among modally assigned offenders (the study's); weighted: each offender counts in "
            + "each profile with its posterior probability; bch: Bolck-Croon-Hagenaars correction, weights (D^-1)[modal, s] with "
            + "D[s,k] = sum_i p_is 1[modal_i = k] / sum_i p_is (Vermunt 2010)");
        w.WriteStartArray("rows");
        foreach (var u in result.ClassificationUncertainty)
        {
            w.WriteStartObject();
            w.WriteString("outcome", u.Outcome);
            w.WriteNumber("group", u.Group);
            w.WriteString("label", u.Label);
            Count(w, "modal_n", u.ModalN);
            Count(w, "expected_n", u.ExpectedN);
            JsonNumbers.Number(w, "modal_percent", u.ModalPercent);
            JsonNumbers.Number(w, "weighted_percent", u.WeightedPercent);
            JsonNumbers.Number(w, "bch_percent", u.BchPercent);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteDisclosure(Utf8JsonWriter w, DisclosureDescription d)
    {
        w.WriteStartObject("disclosure");
        w.WriteBoolean("applied", d.Applied);
        w.WriteString("rounding", d.Rounding);
        w.WriteNumber("rounding_base", d.RoundingBase);
        w.WriteNumber("suppression_threshold", d.SuppressionThreshold);
        w.WriteString("suppressed_symbol", d.SuppressedSymbol);
        if (d.Seed is { } seed)
        {
            w.WriteNumber("seed", seed);
        }
        else
        {
            w.WriteNull("seed");
        }

        w.WriteString("statement", d.Statement);
        w.WriteEndObject();
    }

    private static void Count(Utf8JsonWriter w, string name, DisclosedCount count)
    {
        if (count.Value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void Years(Utf8JsonWriter w, string name, YearRange years)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(years.First);
        w.WriteNumberValue(years.Last);
        w.WriteEndArray();
    }
}
