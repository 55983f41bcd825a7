namespace Trajectories.Analysis.Disclosure;

/// <summary>The rule in a JSON-friendly shape (flat, primitive members) for <c>results.json</c>'s <c>disclosure</c>.</summary>
/// <param name="Applied">False when disclosure control was switched off (<c>--no-disclosure-control</c>).</param>
/// <param name="Rounding">"nearest" or "unbiased_random".</param>
/// <param name="RoundingBase">Counts are published as multiples of this.</param>
/// <param name="SuppressionThreshold">Positive counts below this are suppressed (zero is published).</param>
/// <param name="SuppressedSymbol">What a suppressed cell shows.</param>
/// <param name="Seed">Seed of unbiased random rounding; null for nearest rounding.</param>
/// <param name="Statement">The human-readable statement of the rule.</param>
public sealed record DisclosureDescription(
    bool Applied,
    string Rounding,
    int RoundingBase,
    int SuppressionThreshold,
    string SuppressedSymbol,
    ulong? Seed,
    string Statement);
