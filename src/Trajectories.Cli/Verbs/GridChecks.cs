using Trajectories.Core.Basis;

namespace Trajectories.Cli.Verbs;

/// <summary>
/// Range checks of --groups, --order and --iorder, shared by every verb that takes them, so a value the estimator
/// does not offer is an argument error (exit 2, naming the option) before anything is read or fitted — not a model
/// that "could not be fitted" (exit 1).
/// </summary>
public static class GridChecks
{
    /// <summary>Numbers of groups: 1 or more.</summary>
    public static IReadOnlyList<int> Groups(string option, IReadOnlyList<int> values) =>
        Check(option, values, 1, int.MaxValue, "a number of groups is 1 or more");

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
