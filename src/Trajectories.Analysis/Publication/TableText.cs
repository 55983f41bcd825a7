using System.Globalization;

namespace Trajectories.Analysis.Publication;

/// <summary>The text rendering of published values where a format has no list or boolean type (CSV; DataFrame lists).</summary>
public static class TableText
{
    /// <summary>A list value as text: space-separated numbers (NA for a null entry), "; "-joined texts; null stays null.</summary>
    public static string? List(ValueKind kind, object? value) => value switch
    {
        null => null,
        long[] ints => string.Join(' ', ints.Select(v => v.ToString(CultureInfo.InvariantCulture))),
        double?[] reals => string.Join(' ', reals.Select(v => v is { } d ? d.ToString("R", CultureInfo.InvariantCulture) : "NA")),
        string[] texts => string.Join("; ", texts),
        _ => throw new ArgumentException($"not a list of kind {kind}: {value}", nameof(value)),
    };
}
