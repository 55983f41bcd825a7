using Trajectories.Core.Families;

namespace Trajectories.Registers.Panels;

/// <summary>
/// Which outcome values a panel input may hold, so that every reader checks them where it can still name the file,
/// line and column: counts by default, 0/1 or real numbers in a range for the family about to be fitted.
/// </summary>
/// <param name="Problem">Why a value cannot be an outcome, or null when it can.</param>
/// <param name="NegativeIsMissing">
/// Whether a negative wide cell means "missing" (the crimCV/traj convention for counts and 0/1 outcomes); false for
/// continuous outcomes, whose negative values are values.
/// </param>
/// <param name="Expected">What a value should be, in words, for error messages.</param>
public sealed record OutcomeRule(Func<double, string?> Problem, bool NegativeIsMissing, string Expected)
{
    /// <summary>Counts: non-negative whole numbers (the default of every reader).</summary>
    public static OutcomeRule Counts { get; } = new(PanelCells.CountProblem, true, "a non-negative integer count");

    /// <summary>The rule of <paramref name="family"/>: its own outcome check, with the count rule's messages for counts.</summary>
    public static OutcomeRule For(ITrajectoryFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        return family.Outcome switch
        {
            OutcomeKind.Count => Counts,
            OutcomeKind.Binary => new(v => family.OutcomeProblem(v) is null ? null : $"the value {PanelCells.Show(v)} is not 0 or 1; the {family.Name} family models whether something happened at each time.", true, "0 or 1"),
            _ => new(v => family.OutcomeProblem(v) is { } p ? $"the value {p}" : null, false, "a number"),
        };
    }
}
