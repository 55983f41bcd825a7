using System.Globalization;
using Trajectories.Registers.Model;

namespace Trajectories.Reporting.Report;

/// <summary>How numbers read in the report: one convention for percentages, ratios with intervals and p-values.</summary>
public static class ReportFormat
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>A percentage from a value already on the 0–100 scale ("74.0 %"), or "–".</summary>
    public static string Percent(double? percent) => percent is { } p && double.IsFinite(p) ? p.ToString("0.0", C) + "\u00a0%" : "–";

    /// <summary>A share on the 0–1 scale as a percentage.</summary>
    public static string Share(double? share) => share is { } s && double.IsFinite(s) ? (100 * s).ToString("0.0", C) + "\u00a0%" : "–";

    /// <summary>A number with <paramref name="decimals"/> decimals, or "–".</summary>
    public static string Number(double? value, int decimals = 2) =>
        value is { } v && double.IsFinite(v) ? v.ToString("F" + decimals.ToString(C), C) : "–";

    /// <summary>A ratio with its 95 % interval, always two decimals so that a column reads evenly: "3.60 (2.40–5.40)".</summary>
    public static string Ratio(double? ratio, double? low, double? high)
    {
        if (ratio is not { } r || !double.IsFinite(r))
        {
            return "–";
        }

        var interval = low is { } l && high is { } h && double.IsFinite(l) && double.IsFinite(h)
            ? $" ({l.ToString("0.00", C)}–{h.ToString("0.00", C)})"
            : string.Empty;
        return r.ToString("0.00", C) + interval;
    }

    /// <summary>A p-value: "&lt; 0.001" (with a no-break space, so that it never wraps in a table), or three decimals.</summary>
    public static string P(double? p) => p switch
    {
        null => "–",
        { } v when !double.IsFinite(v) => "–",
        < 0.001 => "<\u00a00.001",
        { } v => v.ToString("0.000", C),
    };

    /// <summary>Human name of a population code ("noncriminal_control" → "non-criminal control"; <see cref="DisplayNames"/>).</summary>
    public static string Population(string code) =>
        Codes.TryParse(code, out Cohort cohort) ? DisplayNames.Of(cohort)
        : Codes.TryParse(code, out Profile profile) ? DisplayNames.Of(profile)
        : code.StartsWith("other_", StringComparison.Ordinal) ? "other (group " + code["other_".Length..] + ")"
        : code.Replace('_', ' ');

    /// <summary>Human name of an outcome code ("victim_vandalism_public_order" → "vandalism / public order").</summary>
    public static string Outcome(string code) => code switch
    {
        "lvb_any" => "LVB, any source",
        "lvb_ao" => "LVB, AO (work-disability benefit)",
        "lvb_ciz" => "LVB, CIZ (care indication)",
        "lvb_wsw" => "LVB, Wsw (sheltered employment)",
        "ever_victim" => "ever victim",
        "recent_victim" => "victim in the 3 years before the first trafficking case",
        _ when code.StartsWith("victim_", StringComparison.Ordinal) && Codes.TryParse(code["victim_".Length..], out VictimCategory category) => DisplayNames.Of(category),
        _ => code.Replace('_', ' '),
    };
}
