namespace Trajectories.Reporting.Fits;

/// <summary>The 95 % confidence interval of a group share.</summary>
public static class ShareInterval
{
    /// <summary>The normal quantile of a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The interval of share <paramref name="share"/> with delta-method SE <paramref name="se"/>, formed on the logit
    /// scale (se of logit π = se / (π(1 − π))) and mapped back: unlike π ± 1.96·se it stays inside (0, 1), which
    /// matters for the small groups (a chronic 3 % group) readers care most about. Null without an SE, or when the share
    /// is 0 or 1 (K = 1: fixed, not estimated).
    /// </summary>
    public static (double Low, double High)? Of(double share, double? se)
    {
        if (se is not { } s || !double.IsFinite(s) || s < 0 || !(share > 0 && share < 1))
        {
            return null;
        }

        var logit = Math.Log(share / (1 - share));
        var half = Z95 * s / (share * (1 - share));
        return (Logistic(logit - half), Logistic(logit + half));
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
