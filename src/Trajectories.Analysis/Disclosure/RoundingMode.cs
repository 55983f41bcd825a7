namespace Trajectories.Analysis.Disclosure;

/// <summary>How published counts are rounded to a multiple of the rounding base.</summary>
public enum RoundingMode
{
    /// <summary>Deterministic rounding to the nearest multiple (remainder below half the base down, above up).</summary>
    Nearest,

    /// <summary>
    /// CBS-style unbiased random rounding: up with probability (n mod b)/b, else down, so E[rounded] = n. The draw is
    /// fixed by the rule's seed and the cell key, so a report is reproducible and a cell cannot be re-drawn.
    /// </summary>
    UnbiasedRandom,
}
