using Trajectories.Core.Estimation;
using Trajectories.Core.Panels;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

public class EStepKernelTests
{
    [Theory]
    [InlineData(1, false, true)]
    [InlineData(2, true, true)]
    [InlineData(3, true, false)]
    [InlineData(4, false, false)]
    public void FastKernelMatchesScalarReference(int seed, bool zip, bool exposure)
    {
        // 5000 persons: several chunks, windowed and gapped rows; with exposure the serial cell scatter is used
        // (many cells), without it the per-chunk one.
        var panel = Models.Messy(5000, seed, exposure);
        var spec = zip ? Models.MessyZip : ModelSpecification.Poisson(3, 2, 1, 2);
        var m = Models.Likelihood(panel, spec, threads: 2);
        LikelihoodChecks.KernelMatchesReference(m, panel, Models.MessyPsi(m));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ThreadCountDoesNotChangeAnyBit(bool exposure)
    {
        var panel = Models.Messy(9000, 5, exposure);
        var one = Models.Likelihood(panel, Models.MessyZip, threads: 1);
        var four = Models.Likelihood(panel, Models.MessyZip, threads: 4);
        var psi = Models.MessyPsi(one);
        Assert.Equal(one.EStep(psi), four.EStep(psi));
        Assert.Equal(one.State.Posteriors, four.State.Posteriors);
        Assert.Equal(one.State.CellWeights, four.State.CellWeights);
    }

    [Fact]
    public void CompressionKeepsTheLikelihood()
    {
        // Without exposure many persons share patterns; the weighted likelihood must equal the person-by-person one.
        var panel = new SimulationSpec([0.6, 0.4], [[-3.5, 0.5], [-1.5, -0.5]], [[], []], Models.Ages) { MinWindow = 13 }
            .Simulate(3000, 11, out _);
        var compressed = Models.Likelihood(panel, ModelSpecification.Poisson(2, 1));
        var plain = Models.Likelihood(panel, ModelSpecification.Poisson(2, 1), compress: false);
        Assert.True(compressed.Layout.RowCount < plain.Layout.RowCount / 2, "the simulated panel should compress");
        var psi = new[] { 0.3, -1.0, 0.2, 0.1, -0.4 };
        var a = compressed.EStep(psi);
        var b = plain.EStep(psi);
        Assert.True(Math.Abs(a - b) <= 1e-10 * Math.Abs(b), $"{a} vs {b}");
    }
}
