using System.Globalization;
using Trajectories.Core.Basis;
using Trajectories.Core.Selection;

namespace Trajectories.Cli.Verbs;

/// <summary>What <c>select</c> says when its chosen model sits on the upper edge of the grid it was given.</summary>
public static class GridEdgeAdvice
{
    /// <summary>
    /// One sentence naming the edge and a wider grid to run, e.g. "the chosen model has the largest K of the grid (6):
    /// BIC may still fall with more groups; widen the grid, e.g. --groups 1-7."; null when the model is inside the grid.
    /// </summary>
    public static string? Text(GridEdge? edge)
    {
        if (edge is not { Any: true })
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        var parts = new List<string>();
        var widen = new List<string>();
        if (edge.LargestGroups)
        {
            parts.Add(string.Create(c, $"the largest K of the grid ({edge.Groups})"));
            widen.Add(string.Create(c, $"--groups {edge.SmallestGroups}-{edge.Groups + 1}"));
        }

        if (edge.LargestOrder)
        {
            parts.Add(string.Create(c, $"the highest order of the grid ({edge.Order})"));
            if (edge.OrderCanGrow)
            {
                widen.Add(string.Create(c, $"--order {edge.LowestOrder}-{edge.Order + 1}"));
            }
        }

        var advice = widen.Count > 0
            ? $"widen the grid, e.g. {string.Join(' ', widen)}"
            : string.Create(c, $"{PolynomialBasis.MaxOrder} is the highest order offered");
        return $"the chosen model has {string.Join(" and ", parts)}: a larger model may fit better than any the grid tried; {advice}.";
    }
}
