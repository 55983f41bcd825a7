using Trajectories.Core.Estimation;
using Trajectories.Core.Families;
using Trajectories.Core.Selection;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Selection;

/// <summary>
/// A selection grid on real data never reports a larger model below a model nested in it. Before nested warm starts,
/// `select` over this grid showed, e.g., a model with an inflation trend fitting worse than the same model without.
/// </summary>
public class NestedMonotonicityTests
{
    [Theory]
    [InlineData("to1")]
    [InlineData("to2")]
    public void EveryModelIsAtLeastAsGoodAsEveryModelNestedInIt(string data)
    {
        var folder = TestData.TorontoFolder();
        var panel = TestData.ReadWide(Path.Combine(folder, $"{data}.csv"), Path.Combine(folder, $"{data}risk.csv"));
        var grid = ModelSelector.Grid(ZipFamily.Instance, [2, 3, 4, 5], [2, 3], [0, 1, 2]);
        var result = ModelSelector.Select(panel, grid, new FitOptions { Threads = 2 });
        Assert.All(result.Rows, r => Assert.NotNull(r.Fit));
        var pairs = 0;
        foreach (var inner in result.Rows)
        {
            foreach (var outer in result.Rows)
            {
                if (!NestedModels.IsNested(inner.Model, outer.Model))
                {
                    continue;
                }

                pairs++;
                double a = inner.Fit!.LogLikelihood, b = outer.Fit!.LogLikelihood;
                Assert.True(b >= a - (1e-9 * Math.Abs(a)), $"{outer.Label}: {b} below the nested {inner.Label}: {a}");
            }
        }

        // K 2–5 × order 2–3 × iorder 0–2: every model with more groups or higher orders in every dimension.
        Assert.Equal(StrictlyNestedPairs(4, 2, 3), pairs);
    }

    /// <summary>Pairs (a, b) of a k × o × i product grid with a ≤ b in every coordinate and a ≠ b.</summary>
    private static int StrictlyNestedPairs(int k, int o, int i)
    {
        static int Le(int n) => n * (n + 1) / 2;
        return (Le(k) * Le(o) * Le(i)) - (k * o * i);
    }
}
