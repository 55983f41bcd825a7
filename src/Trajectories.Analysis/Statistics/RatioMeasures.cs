namespace Trajectories.Analysis.Statistics;

/// <summary>
/// Risk ratio and odds ratio of two independent proportions with log-scale Wald intervals.
/// Zero cells: the point estimate always comes from the raw counts (so it may be 0 or +∞); only when a cell the
/// interval's variance needs is zero, 0.5 is added to all four cells for the interval (Haldane 1956 / Anscombe 1956)
/// and a note says so.
/// </summary>
public static class RatioMeasures
{
    /// <summary>Haldane–Anscombe correction added to every cell for the interval when a needed cell is zero.</summary>
    public const double HaldaneCorrection = 0.5;

    /// <summary>
    /// Risk ratio RR = (A/n1)/(C/n2) with the Katz log interval (Katz et al. 1978):
    /// SE(ln RR) = √(1/A − 1/n1 + 1/C − 1/n2); CI = exp(ln RR ± z·SE).
    /// </summary>
    public static RatioEstimate RiskRatio(TwoByTwo t, double level = 0.95)
    {
        RequireRows(t);
        var rr = t.A * (double)t.Row2 / (t.C * (double)t.Row1);
        if (t.A == 0 && t.C == 0)
        {
            return new RatioEstimate("risk ratio", double.NaN, new ConfidenceInterval(0.0, double.PositiveInfinity, level), "Katz log", ["no events in either group: ratio undefined"]);
        }

        var notes = new List<string>();
        double a = t.A, n1 = t.Row1, c = t.C, n2 = t.Row2;
        if (t.A == 0 || t.C == 0)
        {
            (a, c) = (a + HaldaneCorrection, c + HaldaneCorrection);
            (n1, n2) = (n1 + 2 * HaldaneCorrection, n2 + 2 * HaldaneCorrection);
            notes.Add("zero events in a group: 0.5 added to each cell for the interval only");
        }

        var se = Math.Sqrt(1.0 / a - 1.0 / n1 + 1.0 / c - 1.0 / n2);
        var centre = Math.Log(a / n1 / (c / n2));
        return new RatioEstimate("risk ratio", rr, LogWald(centre, se, level), "Katz log", notes);
    }

    /// <summary>
    /// Sample odds ratio AD/BC with the Woolf log interval: SE(ln OR) = √(1/A + 1/B + 1/C + 1/D).
    /// </summary>
    public static RatioEstimate OddsRatio(TwoByTwo t, double level = 0.95)
    {
        RequireRows(t);
        var or = t.A * (double)t.D / (t.B * (double)t.C);
        if ((t.A == 0 || t.D == 0) && (t.B == 0 || t.C == 0))
        {
            return new RatioEstimate("odds ratio", double.NaN, new ConfidenceInterval(0.0, double.PositiveInfinity, level), "Woolf log", ["0/0: odds ratio undefined"]);
        }

        var notes = new List<string>();
        double a = t.A, b = t.B, c = t.C, d = t.D;
        if (t.A == 0 || t.B == 0 || t.C == 0 || t.D == 0)
        {
            (a, b, c, d) = (a + HaldaneCorrection, b + HaldaneCorrection, c + HaldaneCorrection, d + HaldaneCorrection);
            notes.Add("a zero cell: 0.5 added to each cell for the interval only");
        }

        var se = Math.Sqrt(1.0 / a + 1.0 / b + 1.0 / c + 1.0 / d);
        return new RatioEstimate("odds ratio", or, LogWald(Math.Log(a * d / (b * c)), se, level), "Woolf log", notes);
    }

    /// <summary>exp(centre ± z·se): a Wald interval built on the log scale.</summary>
    internal static ConfidenceInterval LogWald(double logCentre, double se, double level)
    {
        var z = Tails.NormalQuantile(1.0 - (1.0 - level) / 2.0);
        return new ConfidenceInterval(Math.Exp(logCentre - z * se), Math.Exp(logCentre + z * se), level);
    }

    private static void RequireRows(TwoByTwo t)
    {
        if (t.Row1 == 0 || t.Row2 == 0)
        {
            throw new ArgumentException("Both groups must be non-empty.", nameof(t));
        }
    }
}
