namespace Trajectories.Core.Families;

/// <summary>What one observation of a family is: it decides how inputs are read and checked.</summary>
public enum OutcomeKind
{
    /// <summary>A non-negative whole number (cases per year): Poisson, ZIP, negative binomial.</summary>
    Count,

    /// <summary>0 or 1 (any registered case that year): logit.</summary>
    Binary,

    /// <summary>A real number, possibly censored at a minimum and maximum (a score): censored normal.</summary>
    Continuous,
}
