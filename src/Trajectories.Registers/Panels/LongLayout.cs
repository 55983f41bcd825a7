namespace Trajectories.Registers.Panels;

/// <summary>The column names of the long layout (INTERFACES.md §2): <c>person_id,time,count[,exposure]</c>.</summary>
internal static class LongLayout
{
    public const string PersonId = "person_id";
    public const string Time = "time";
    public const string Count = "count";
    public const string Exposure = "exposure";

    /// <summary>True when the header is exactly the long columns, in any order, exposure optional.</summary>
    public static bool Matches(IReadOnlyList<string> header)
    {
        var set = new HashSet<string>(header, StringComparer.Ordinal);
        return set.Count == header.Count
            && set.Contains(PersonId) && set.Contains(Time) && set.Contains(Count)
            && (header.Count == 3 || (header.Count == 4 && set.Contains(Exposure)));
    }

    /// <summary>
    /// For a header that has the long columns plus others, the first other one (or a repeated one); null when the
    /// header is not meant to be long or is exactly long. Lets detection name the culprit instead of a wide error.
    /// </summary>
    public static string? Stray(IReadOnlyList<string> header)
    {
        if (!header.Contains(PersonId) || !header.Contains(Time) || !header.Contains(Count) || Matches(header))
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return header.First(h => !seen.Add(h) || h is not (PersonId or Time or Count or Exposure));
    }

    /// <summary>Why an outcome value is unusable in a long file, or null (a long file lists observed cells only).</summary>
    public static string? CountProblem(double value, OutcomeRule rule) =>
        value < 0 && rule.NegativeIsMissing
            ? $"the count {PanelCells.Show(value)} is negative; a long file lists observed cells only (leave a missing cell out)."
            : rule.Problem(value);

    /// <summary>Checks an exposure value and its pairing with the count; null when fine.</summary>
    public static string? ExposureProblem(double exposure, double count) =>
        PanelCells.ExposureProblem(exposure) ?? (exposure == 0 ? PanelCells.ExposureZeroProblem(count) : null);
}
