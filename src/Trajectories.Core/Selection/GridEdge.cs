using Trajectories.Core.Basis;

namespace Trajectories.Core.Selection;

/// <summary>
/// Whether the chosen model of a selection sits on the upper edge of its own grid: the most groups or the highest
/// polynomial order tried. BIC may still be falling there, so the grid did not bracket the optimum and a wider one
/// may choose another model.
/// </summary>
/// <param name="LargestGroups">The chosen K is the largest of the grid (and the grid tried more than one K).</param>
/// <param name="LargestOrder">The chosen model's highest order is the highest of the grid (and the grid tried more than one).</param>
/// <param name="Groups">The chosen K.</param>
/// <param name="Order">The chosen model's highest polynomial order.</param>
/// <param name="SmallestGroups">The smallest K of the grid (for a widened grid's suggestion).</param>
/// <param name="LowestOrder">The lowest order of the grid.</param>
public sealed record GridEdge(bool LargestGroups, bool LargestOrder, int Groups, int Order, int SmallestGroups, int LowestOrder)
{
    /// <summary>Whether the chosen model is on any upper edge.</summary>
    public bool Any => LargestGroups || LargestOrder;

    /// <summary>Whether the order grid can still be widened (orders above <see cref="PolynomialBasis.MaxOrder"/> are not offered).</summary>
    public bool OrderCanGrow => Order < PolynomialBasis.MaxOrder;

    /// <summary>
    /// The edges of <paramref name="result"/>'s grid that its chosen model sits on; null when nothing was chosen.
    /// </summary>
    public static GridEdge? Of(SelectionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Chosen is { } chosen
            ? Of(result.Rows.Select(r => (r.Groups, r.Model.Orders)), chosen.Groups, chosen.Model.Orders)
            : null;
    }

    /// <summary>
    /// The edges of a grid (each model's K and per-group orders) that the chosen model sits on. A dimension with a
    /// single value (K or order fixed by the user) is no edge: nothing was selected along it.
    /// </summary>
    public static GridEdge Of(IEnumerable<(int Groups, IReadOnlyList<int> Orders)> grid, int chosenGroups, IReadOnlyList<int> chosenOrders)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(chosenOrders);
        var models = grid.ToList();
        var groups = models.Select(m => m.Groups).Append(chosenGroups).Distinct().ToArray();
        var orders = models.SelectMany(m => m.Orders).Concat(chosenOrders).Distinct().ToArray();
        var order = chosenOrders.Max();
        return new GridEdge(
            groups.Length > 1 && chosenGroups == groups.Max(),
            orders.Length > 1 && order == orders.Max(),
            chosenGroups,
            order,
            groups.Min(),
            orders.Min());
    }
}
