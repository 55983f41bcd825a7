using Trajectories.Core.Estimation;
using Trajectories.Core.Results;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

public class NestedModelsTests
{
    private static readonly FitOptions Quick = new() { Starts = 6, Finalists = 2, Seed = 3, Threads = 1 };

    [Fact]
    public void NestingFollowsGroupsOrdersAndInflation()
    {
        Assert.True(NestedModels.IsNested(ModelSpecification.Poisson(2, 2), ModelSpecification.Poisson(3, 2)));
        Assert.True(NestedModels.IsNested(ModelSpecification.Poisson(3, 1), ModelSpecification.Poisson(3, 2)));
        Assert.True(NestedModels.IsNested(ModelSpecification.Poisson(1, 1), ModelSpecification.Poisson(4, 3)));
        Assert.False(NestedModels.IsNested(ModelSpecification.Poisson(3, 2), ModelSpecification.Poisson(3, 2)));
        Assert.False(NestedModels.IsNested(ModelSpecification.Poisson(3, 3), ModelSpecification.Poisson(4, 2)));
        Assert.False(NestedModels.IsNested(ModelSpecification.Poisson(4, 1), ModelSpecification.Poisson(3, 3)));
        Assert.True(NestedModels.IsNested(ModelSpecification.Zip(2, [2], [0]), ModelSpecification.Zip(2, [2], [1])));
        Assert.True(NestedModels.IsNested(ModelSpecification.Zip(2, [2], [-1]), ModelSpecification.Zip(2, [2], [0])));
        Assert.False(NestedModels.IsNested(ModelSpecification.Zip(2, [2], [1]), ModelSpecification.Zip(2, [2], [0])));
        Assert.False(NestedModels.IsNested(ModelSpecification.Poisson(2, 2), ModelSpecification.Zip(2, [2], [0])));

        // Per-group orders: (1, 3) sits in (1, 3, 3) by duplicating either group, in (1, 1, 3) only by duplicating
        // the first, in (1, 2, 3) by duplicating the first into an order-2 slot, and not in (2, 2, 2).
        var inner = ModelSpecification.Poisson(2, 1, 3);
        Assert.Equal(2, NestedModels.Maps(inner, ModelSpecification.Poisson(3, 1, 3, 3)).Count);
        Assert.Equal([0, 0, 1], Assert.Single(NestedModels.Maps(inner, ModelSpecification.Poisson(3, 1, 1, 3))));
        Assert.Equal([0, 0, 1], Assert.Single(NestedModels.Maps(inner, ModelSpecification.Poisson(3, 1, 2, 3))));
        Assert.Empty(NestedModels.Maps(inner, ModelSpecification.Poisson(3, 2, 2, 2)));

        // K − 1 into K with one order for all: one map per group to split.
        Assert.Equal(3, NestedModels.Maps(ModelSpecification.Poisson(3, 2), ModelSpecification.Poisson(4, 2)).Count);
    }

    [Theory]
    [InlineData("split")]
    [InlineData("order")]
    [InlineData("inflation-on")]
    [InlineData("inflation-order")]
    public void ExactEmbeddingHasTheNestedLogLikelihood(string kind)
    {
        var panel = Models.Messy(1500, 21, exposure: true);
        var (inner, outer) = kind switch
        {
            "split" => (ModelSpecification.Zip(2, [2], [0]), ModelSpecification.Zip(3, [2], [0])),
            "order" => (ModelSpecification.Poisson(2, 1), ModelSpecification.Poisson(2, 3)),
            "inflation-on" => (ModelSpecification.Zip(2, [2], [-1]), ModelSpecification.Zip(2, [2], [0])),
            _ => (ModelSpecification.Zip(2, [2], [0]), ModelSpecification.Zip(2, [2], [2])),
        };
        var fit = TrajectoryEstimator.Fit(panel, inner, Quick);
        var m = Models.Likelihood(panel, outer);
        var ll = m.EStep(NestedModels.Exact(fit, outer));
        Assert.True(Math.Abs(ll - fit.LogLikelihood) <= 1e-9 * Math.Abs(ll), $"{ll} vs {fit.LogLikelihood}");
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(3, 2)]
    public void AFitNeverReportsLessThanANestedFit(int groups, int order)
    {
        // The outer model's own search is crippled (one start, no EM, no Newton): only its nested warm starts and the
        // guarantee can bring it up to the nested model's optimum.
        // Data whose k-means start is poor for the outer model: three planted groups for the order case, two for the split.
        var panel = groups == 2
            ? Models.Messy(1500, 22, exposure: false)
            : new SimulationSpec([0.6, 0.4], [[-1.5, 0.3, -0.8], [0.5, -0.2, -0.6]], [[], []], Models.Ages) { MinWindow = 8 }.Simulate(1500, 22, out _);
        var inner = TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(2, 2), Quick);
        var crippled = new FitOptions { Starts = 1, MaxStarts = 1, ShortIterations = 0, MaxIterations = 0, MaxNewtonIterations = 0, Seed = 5, Threads = 1 };
        var outer = ModelSpecification.Poisson(groups, order);
        var alone = TrajectoryEstimator.Fit(panel, outer, crippled);
        var helped = TrajectoryEstimator.Fit(panel, outer, crippled, null, [inner]);
        Assert.True(alone.LogLikelihood < inner.LogLikelihood, "the crippled search should fall short on its own");
        Assert.True(helped.LogLikelihood >= inner.LogLikelihood - (1e-9 * Math.Abs(inner.LogLikelihood)), $"{helped.LogLikelihood} vs {inner.LogLikelihood}");
        Assert.Contains("nested model", helped.Search.BestOrigin);
        if (groups == 3)
        {
            // The split start, its copies pushed apart and not iterated, is below the nested optimum: the exact
            // embedding (two identical groups) is what is reported, with a warning.
            Assert.StartsWith("exact embedding", helped.Search.BestOrigin);
            Assert.Contains(helped.Warnings, w => w.Contains("exact embedding", StringComparison.Ordinal));
            Assert.False(helped.Search.Replicated);
        }
    }

    [Fact]
    public void FitsOfModelsThatAreNotNestedAreIgnored()
    {
        var panel = Models.Messy(800, 23, exposure: false);
        var bigger = TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(3, 2), Quick);
        var fit = TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(2, 2), Quick, null, [bigger]);
        var plain = TrajectoryEstimator.Fit(panel, ModelSpecification.Poisson(2, 2), Quick);
        Assert.Equal(plain.LogLikelihood, fit.LogLikelihood);
        Assert.Equal(plain.Search.RunToConvergence, fit.Search.RunToConvergence);
    }
}
