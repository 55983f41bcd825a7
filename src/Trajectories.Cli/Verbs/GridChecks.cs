using Trajectories.Core.Basis;

namespace Trajectories.Cli.Verbs;

/// <summary>
/// Range checks of --groups, --order and --iorder, shared by every verb that takes them, so a value the estimator
/// does not offer is an argument error (exit 2, naming the option) before anything is read or fitted — not a model
/// that "could not be fitted" (exit 1).
/// </summary>
public static class GridChecks
{
    /// <summary>
    /// Most groups of a model. Published trajectory studies use at most about a dozen; 50 leaves room while keeping a
    /// mistyped value (e.g. 1-100000000) from allocating a grid or parameter arrays no machine can hold.
    /// </summary>
    public const int MaxGroups = 50;

    /// <summary>Numbers of groups: 1 to <see cref="MaxGroups"/>.</summary>
    public static IReadOnlyList<int> Groups(string option, IReadOnlyList<int> values) =>
        Check(option, values, 1, MaxGroups, $"a number of groups is 1 to {MaxGroups}");

    /// <summary>Polynomial orders of the trajectory: 0 (constant) to <see cref="PolynomialBasis.MaxOrder"/>.</summary>
    public static IReadOnlyList<int> Orders(string option, IReadOnlyList<int> values) =>
        Check(option, values, 0, PolynomialBasis.MaxOrder, $"polynomial orders run from 0 to {PolynomialBasis.MaxOrder}");

    /// <summary>Zero-inflation orders (PROC TRAJ's IORDER): −1 (none), 0 (constant) to <see cref="PolynomialBasis.MaxOrder"/>.</summary>
    public static IReadOnlyList<int> InflationOrders(string option, IReadOnlyList<int> values) =>
        Check(option, values, -1, PolynomialBasis.MaxOrder, $"zero-inflation orders run from -1 (none) to {PolynomialBasis.MaxOrder}");

    private static IReadOnlyList<int> Check(string option, IReadOnlyList<int> values, int min, int max, string rule)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var v in values)
        {
            if (v < min || v > max)
            {
                throw new UsageException($"{option}: {v} is out of range ({rule}).");
            }
        }

        return values;
    }
}
