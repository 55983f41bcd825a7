using System.Globalization;
using Trajectories.Core.Results;

namespace Trajectories.Reporting.Fits;

/// <summary>
/// The console summary of a fit, laid out as PROC TRAJ's output: fit statistics (BIC both ways, AIC, entropy), the
/// parameter estimates of every group with SE, z and p, and the groups' shares with 95 % CIs, AvePP and OCC.
/// </summary>
public static class FitSummaryText
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The summary's lines; membership coefficients (with --risk) are relative to <paramref name="referenceGroup"/>.</summary>
    public static IReadOnlyList<string> Lines(TrajectoryFit fit, int referenceGroup = 1)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var lines = new List<string>();
        var orders = string.Join(',', fit.Groups.Select(g => g.Order));
        var iorders = fit.Groups.Any(g => g.InflationOrder >= 0) ? ", iorder " + string.Join(',', fit.Groups.Select(g => g.InflationOrder)) : string.Empty;
        lines.Add($"Model: {fit.Family}, {Plural(fit.Groups.Count, "group")}, order {orders}{iorders}");
        lines.AddRange(Statistics(fit));
        lines.Add(string.Empty);
        lines.Add(string.Create(C, $"{ModelJson.StopReasonText(fit.StopReason)} after {fit.Iterations} iterations in {fit.Seconds:F2} s"));
        lines.Add(SearchText.Line(fit.Search));
        lines.Add(string.Empty);
        lines.AddRange(Parameters(fit));
        lines.Add(string.Empty);
        lines.AddRange(Groups(fit));
        if (fit.MembershipRelativeTo(referenceGroup) is { } membership)
        {
            lines.Add(string.Empty);
            lines.AddRange(Membership(membership));
        }

        lines.AddRange(fit.Warnings.Select(w => "warning: " + w));
        return lines;
    }

    /// <summary>Writes <see cref="Lines"/> to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, TrajectoryFit fit, int referenceGroup = 1)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var line in Lines(fit, referenceGroup))
        {
            output.WriteLine(line);
        }
    }

    /// <summary>
    /// The time scale of the polynomial coefficients in words: the model works on u = (time − centre)/scale (so
    /// powers of u stay within [−1, 1]); a reader converts with that substitution.
    /// </summary>
    public static string TimeScaleText(TrajectoryFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var s = fit.TimeScale;
        var link = fit.Groups.Count > 0 ? fit.Groups[0].Trajectory.Predictor.Name : "predictor";
        var secondary = fit.Groups.Select(g => g.Secondary).OfType<PredictorEstimate>()
            .Where(p => p.Natural is null).Select(p => p.Predictor.Name).Distinct().ToList();
        var also = secondary.Count > 0 ? $" (the {string.Join(", ", secondary)} likewise)" : string.Empty;
        return $"Coefficients are on scaled time u = (time - {G(s.Center)}) / {G(s.Scale)}, which runs from -1 at time {G(s.Center - s.Scale)} to 1 at time {G(s.Center + s.Scale)}: " +
            $"the {link} at time t is b0 + b1*u + b2*u^2 + ... with u = (t - {G(s.Center)}) / {G(s.Scale)}{also}.";
    }

    private static IEnumerable<string> Statistics(TrajectoryFit fit)
    {
        IReadOnlyList<string>[] rows =
        [
            ["persons", fit.PersonCount.ToString(C)],
            ["observations", fit.ObservationCount.ToString(C)],
            ["distinct patterns", fit.PatternCount.ToString(C)],
            ["parameters", fit.ParameterCount.ToString(C)],
            ["log-likelihood", F(fit.LogLikelihood, 3)],
            ["BIC (n = persons)", F(fit.BicPersons, 2)],
            ["BIC (n = observations)", F(fit.BicObservations, 2)],
            ["AIC", F(fit.Aic, 2)],
            ["entropy (relative, 0-1)", F(fit.Entropy, 3)],
        ];
        return TextTable.Render([new("statistic", TextAlign.Left), new("value")], rows);
    }

    private static IEnumerable<string> Parameters(TrajectoryFit fit)
    {
        yield return "Parameter estimates";
        yield return TimeScaleText(fit);
        var rows = ParameterTable.Rows(fit);
        var cells = new List<string[]>();
        var previous = 0;
        foreach (var r in rows)
        {
            cells.Add(
            [
                r.Group == previous ? string.Empty : r.Group.ToString(C),
                r.Name,
                Estimate(r.Estimate),
                r.Status switch
                {
                    SeStatus.Estimated => Estimate(r.Se!.Value),
                    SeStatus.Singular => "singular",
                    SeStatus.Fixed => "fixed",
                    _ => "n/a",
                },
                r.Z is { } z ? F(z, 2) : "–",
                P(r.P),
            ]);
            previous = r.Group;
        }

        foreach (var line in TextTable.Render(
            [new("group"), new("parameter", TextAlign.Left), new("estimate"), new("SE"), new("z"), new("p")], cells))
        {
            yield return line;
        }

        yield return string.Empty;

        if (rows.Any(r => r.Status == SeStatus.Singular))
        {
            yield return "  singular: the information matrix is singular, so there are no standard errors, z or p (see the warnings).";
        }

        if (rows.Any(r => r.Status == SeStatus.Fixed))
        {
            yield return "  fixed: held at the boundary of its space (e.g. no excess zeros), so it has no SE; the other SEs are conditional on it.";
        }

        if (rows.Any(r => r.Status == SeStatus.NotFinite))
        {
            yield return "  n/a: the variance of the estimate came out non-finite or negative, so it has no SE, z or p.";
        }

        if (rows.Any(r => r.Kind == ParameterKind.Natural))
        {
            yield return "  " + string.Join(", ", rows.Where(r => r.Kind == ParameterKind.Natural).Select(r => r.Name).Distinct()) +
                ": on its natural scale with a delta-method SE; no z test, as 0 is the boundary of its space.";
        }

        yield return "  p: two-sided Wald test of the coefficient = 0.";
    }

    private static IEnumerable<string> Groups(TrajectoryFit fit)
    {
        var inflation = fit.Groups.Any(g => g.InflationOrder >= 0);
        var degenerate = fit.Groups.Any(g => g.Degenerate);
        var columns = new List<TextColumn>
        {
            new("group"), new("share"), new("95 % CI"), new("expected n"), new("assigned"), new("AvePP"), new("OCC"), new("order"),
        };
        if (inflation)
        {
            columns.Add(new("iorder"));
        }

        if (degenerate)
        {
            columns.Add(new("note", TextAlign.Left));
        }

        var rows = fit.Groups.Select(g =>
        {
            var cells = new List<string>
            {
                g.Index.ToString(C),
                Percent(g.Share),
                ShareInterval.Of(g.Share, g.ShareSe) is { } ci ? string.Create(C, $"{100 * ci.Low:0.0}–{100 * ci.High:0.0} %") : "–",
                F(g.ExpectedSize, 1),
                Percent(g.AssignedShare),
                g.AvePP is { } pp ? F(pp, 3) : "–",
                g.Occ is { } occ ? F(occ, 1) : "–",
                g.Order.ToString(C),
            };
            if (inflation)
            {
                cells.Add(g.InflationOrder.ToString(C));
            }

            if (degenerate)
            {
                cells.Add(g.Degenerate ? "DEGENERATE" : string.Empty);
            }

            return (IReadOnlyList<string>)cells;
        });
        yield return "Groups";
        foreach (var line in TextTable.Render(columns, rows))
        {
            yield return line;
        }

        yield return string.Empty;

        yield return "  share: estimated; 95 % CI from its delta-method SE on the logit scale; assigned: share of persons whose most likely group it is;";
        yield return "  AvePP: mean posterior probability of the persons assigned to it; OCC: odds of correct classification (Nagin: AvePP >= 0.7, OCC >= 5).";
    }

    private static IEnumerable<string> Membership(MembershipEstimate membership)
    {
        yield return string.Create(C, $"Membership (multinomial logit, reference group {membership.ReferenceGroup})");
        var rows = membership.Coefficients.Select(m => (IReadOnlyList<string>)
        [
            m.Group.ToString(C),
            m.Covariate,
            Estimate(m.Estimate),
            m.Se is { } se ? Estimate(se) : "–",
            m.Z is { } z ? F(z, 2) : "–",
            P(m.P),
            m.OddsRatio is { } or ? Estimate(or) : "–",
        ]);
        foreach (var line in TextTable.Render(
            [new("group"), new("covariate", TextAlign.Left), new("estimate"), new("SE"), new("z"), new("p"), new("odds ratio")], rows))
        {
            yield return line;
        }

        yield return string.Empty;

        foreach (var t in membership.Tests)
        {
            yield return string.Create(C, $"  {t.Covariate}: Wald χ²({t.Df}) {(t.Chi2 is { } chi ? F(chi, 2) : "–")}, p {P(t.P)}");
        }
    }

    /// <summary>A coefficient: four decimals, or two significant digits in scientific notation when that shows 0.0000.</summary>
    private static string Estimate(double v) =>
        !double.IsFinite(v) ? "–" : v != 0 && Math.Abs(v) < 0.00005 ? v.ToString("0.0E+0", C) : v.ToString("F4", C);

    private static string F(double v, int decimals) => double.IsFinite(v) ? v.ToString("F" + decimals.ToString(C), C) : "–";

    private static string Percent(double share) => double.IsFinite(share) ? (100 * share).ToString("0.0", C) + " %" : "–";

    private static string P(double? p) => p switch
    {
        null => "–",
        { } v when !double.IsFinite(v) => "–",
        < 0.001 => "< 0.001",
        { } v => v.ToString("0.000", C),
    };

    private static string G(double v) => v.ToString("0.###", C);

    private static string Plural(int n, string noun) => string.Create(C, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");
}
