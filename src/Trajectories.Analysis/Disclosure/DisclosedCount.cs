namespace Trajectories.Analysis.Disclosure;

/// <summary>A count as published: rounded, or suppressed (no value).</summary>
/// <param name="Value">The rounded count; null when suppressed.</param>
/// <param name="Display">Text for tables: the rounded count, or the suppression symbol.</param>
public sealed record DisclosedCount(long? Value, string Display)
{
    /// <summary>True when the cell is withheld.</summary>
    public bool IsSuppressed => Value is null;

    /// <inheritdoc />
    public override string ToString() => Display;
}
