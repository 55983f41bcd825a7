namespace Trajectories.Core.Families;

/// <summary>The link between a linear predictor and the quantity it models.</summary>
public enum PredictorLink
{
    /// <summary>The predictor is the quantity itself (a mean on the data scale).</summary>
    Identity,

    /// <summary>The predictor is the log of a positive quantity (a rate, a dispersion, a standard deviation).</summary>
    Log,

    /// <summary>The predictor is the logit of a probability.</summary>
    Logit,
}

/// <summary>The links' transforms, used for bands and natural-scale values.</summary>
public static class Links
{
    /// <summary>The quantity for a predictor value: x, e^x or 1/(1 + e^−x).</summary>
    public static double Inverse(PredictorLink link, double x) => link switch
    {
        PredictorLink.Log => Math.Exp(x),
        PredictorLink.Logit => ZipFamily.Logistic(x),
        _ => x,
    };

    /// <summary>The link's name as written in results ("identity", "log", "logit").</summary>
    public static string Name(PredictorLink link) => link switch
    {
        PredictorLink.Log => "log",
        PredictorLink.Logit => "logit",
        _ => "identity",
    };
}
