using Trajectories.Core.Estimation;
using Trajectories.Core.Results;

namespace Trajectories.Core.Selection;

/// <summary>One model of a selection grid: its fit (or why it could not be fitted) and whether it is adequate.</summary>
/// <param name="Model">The specification tried.</param>
/// <param name="Fit">The fit, or null when the model could not be fitted (see <paramref name="Error"/>).</param>
/// <param name="Error">Why the model could not be fitted (a <see cref="ModelSpecificationException"/> message), or null.</param>
/// <param name="Adequate">Converged and every group meets the <see cref="SelectionCriteria"/>.</param>
/// <param name="Reasons">Why the model is not adequate (empty when it is).</param>
public sealed record SelectionRow(ModelSpecification Model, TrajectoryFit? Fit, string? Error, bool Adequate, IReadOnlyList<string> Reasons)
{
    /// <summary>Number of groups.</summary>
    public int Groups => Model.Groups;

    /// <summary>The model's compact label (<see cref="ModelSpecification.Label"/>).</summary>
    public string Label => Model.Label;
}

/// <summary>The outcome of <see cref="ModelSelector.Select"/>: every model tried and the chosen one.</summary>
/// <param name="Rows">One row per model, in grid order.</param>
/// <param name="ChosenIndex">Index into <paramref name="Rows"/> of the chosen model, or null when no model could be fitted.</param>
/// <param name="ChosenIsAdequate">False when no model was adequate and the choice fell back to the smallest BIC among converged fits.</param>
/// <param name="Rule">The rule applied, in words (for the report).</param>
public sealed record SelectionResult(IReadOnlyList<SelectionRow> Rows, int? ChosenIndex, bool ChosenIsAdequate, string Rule)
{
    /// <summary>The chosen row, or null.</summary>
    public SelectionRow? Chosen => ChosenIndex is { } i ? Rows[i] : null;
}

/// <summary>Progress of a selection: models finished out of the total, and the label of the last one finished.</summary>
public sealed record SelectionProgress(int Completed, int Total, string LastModel);
