using Trajectories.Core.Estimation;
using Trajectories.Core.Estimation.Sharding;
using Trajectories.Core.Families;
using Trajectories.Core.Membership;
using Trajectories.Core.Panels;
using Trajectories.Core.Selection;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

/// <summary>
/// Sharded E-steps (<see cref="ShardedEStep"/> over <see cref="LocalShards"/>): every statistic of an E-step, and so
/// every fit, is the local kernel's bits whatever the number of shards.
/// </summary>
public class ShardedEStepTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in new[] { "zip exposure risk tcov", "frailty exposure", "poisson few cells" })
        {
            foreach (var shards in new[] { 1, 2, 3, 8 })
            {
                data.Add(name, shards);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryStatisticOfAnEStepIsTheLocalOnesBits(string name, int shards)
    {
        var (panel, spec) = Case(name, 30000);
        var prepared = PreparedPanel.Prepare(panel, spec.Family);
        Assert.True(prepared.Layout.RowCount > 3 * EStepKernel.BlockRows, $"{prepared.Layout.RowCount} rows: too few blocks to test");
        // Both ways to the cell weights are covered: few cells, kept per chunk on the shards; many (the frailty panel's
        // exposure makes most observations their own cell), scattered from the posteriors by the coordinator.
        if (name is "poisson few cells" or "frailty exposure")
        {
            Assert.Equal(name == "poisson few cells", EStepKernel.UsesChunkCells(prepared.Layout, spec.Groups));
        }
        var local = Likelihood(prepared, spec, null);
        var pieces = LayoutShard.Split(prepared.Layout, prepared.Membership(spec), shards);
        var sharded = Likelihood(prepared, spec, new ShardedEStep(prepared.Layout, new LocalShards(pieces, threads: 2)));
        var psi = Models.MessyPsi(local);

        Assert.Equal(Bits(local.EStep(psi)), Bits(sharded.EStep(psi)));
        // Constant shares and few cells: the posteriors stay on the shards until read (then fetched, the same bits).
        Assert.Equal(name == "poisson few cells", sharded.State.PosteriorsDeferred);
        Same(local.State.GroupSums, sharded.State.GroupSums, "group sums");
        Same(local.State.CellWeights, sharded.State.CellWeights, "cell weights");
        Same(local.State.Posteriors, sharded.State.Posteriors, "posteriors");
        Assert.False(sharded.State.PosteriorsDeferred);
        Same(local.State.CellWeights, sharded.State.CellWeights, "cell weights");
        Same(local.State.GroupSums, sharded.State.GroupSums, "group sums");
        Same(local.State.FrailtyWeights, sharded.State.FrailtyWeights, "frailty weights");
        Same(local.State.FrailtyExcess, sharded.State.FrailtyExcess, "frailty excess");
        Same(local.State.FrailtyLog, sharded.State.FrailtyLog, "frailty log");
        var moved = psi.Select(v => v + 0.01).ToArray();
        Assert.Equal(Bits(local.LogLikelihood(moved)), Bits(sharded.LogLikelihood(moved)));
    }

    [Theory]
    [InlineData("zip exposure risk tcov")]
    [InlineData("frailty exposure")]
    [InlineData("poisson few cells")]
    public void AFitOnShardsIsTheLocalFit(string name)
    {
        var (panel, spec) = Case(name, 12000);
        var prepared = PreparedPanel.Prepare(panel, spec.Family);
        Assert.True(prepared.Layout.RowCount > EStepKernel.BlockRows, $"{prepared.Layout.RowCount} rows: one block only");
        var options = new FitOptions { Starts = 3, Seed = 4, Threads = 2, Replications = 1 };
        var local = TrajectoryEstimator.Fit(prepared, spec, options, null, []);
        var shards = new LocalShards(LayoutShard.Split(prepared.Layout, prepared.Membership(spec), 2), threads: 1);
        var sharded = TrajectoryEstimator.Fit(prepared, spec, options with { EStep = new ShardedEStep(prepared.Layout, shards) }, null, []);

        Assert.Equal(Bits(local.LogLikelihood), Bits(sharded.LogLikelihood));
        Assert.Equal(local.Parameters.Select(Bits), sharded.Parameters.Select(Bits));
        Assert.Equal(local.Covariance!.Select(Bits), sharded.Covariance!.Select(Bits));
        Assert.Equal(local.Entropy, sharded.Entropy);
    }

    [Fact]
    public void ASelectionGridSharesItsPanelsShardsAndIsTheLocalGrid()
    {
        var panel = Models.Messy(24000, 85, exposure: false);
        Assert.True(PreparedPanel.Prepare(panel, ModelSpecification.Poisson(1, 2).Family).Layout.RowCount > EStepKernel.BlockRows, "one block only: one shard");
        ModelSpecification[] candidates = [ModelSpecification.Poisson(1, 2), ModelSpecification.Poisson(2, 2), ModelSpecification.Poisson(3, 2)];
        var options = new FitOptions { Starts = 2, Seed = 3, Threads = 2, Replications = 1 };
        var local = ModelSelector.Select(panel, candidates, options);
        var backend = new ShardedEStep((layout, membership) => new LocalShards(LayoutShard.Split(layout, membership, 2)));
        var sharded = ModelSelector.Select(panel, candidates, options with { EStep = backend });

        Assert.Equal(1, backend.ShardSets);
        Assert.Equal(local.ChosenIndex, sharded.ChosenIndex);
        for (var i = 0; i < candidates.Length; i++)
        {
            Assert.Equal(Bits(local.Rows[i].Fit!.LogLikelihood), Bits(sharded.Rows[i].Fit!.LogLikelihood));
            Assert.Equal(local.Rows[i].Fit!.Parameters.Select(Bits), sharded.Rows[i].Fit!.Parameters.Select(Bits));
        }
    }

    [Fact]
    public void ShardsCoverTheRowsInWholeBlocksAndKeepEachCell()
    {
        var (panel, spec) = Case("zip exposure risk tcov", 30000);
        var prepared = PreparedPanel.Prepare(panel, spec.Family);
        var layout = prepared.Layout;
        var membership = prepared.Membership(spec);
        var pieces = LayoutShard.Split(layout, membership, 3);

        Assert.Equal(3, pieces.Length);
        Assert.Equal(layout.RowCount, pieces.Sum(p => p.RowCount));
        foreach (var piece in pieces)
        {
            Assert.Equal(0, piece.FirstRow % EStepKernel.BlockRows);
            for (var i = 0; i < piece.RowCount; i++)
            {
                var row = piece.FirstRow + i;
                Assert.Equal(layout.Weights[row], piece.Weights[i]);
                Assert.Equal(layout.WindowStart[row], piece.WindowStart[i]);
                Assert.Equal(membership.Row(row).ToArray(), piece.MembershipRows.AsSpan(i * piece.MembershipWidth, piece.MembershipWidth).ToArray());
                for (var j = piece.ListStart[i]; j < piece.ListStart[i + 1]; j++)
                {
                    var c = piece.Cells[j];
                    var global = c < layout.TimeCount ? c : piece.GlobalCells[c - layout.TimeCount];
                    Assert.Equal(layout.Cells[layout.ListStart[row] + j - piece.ListStart[i]], global);
                    Assert.Equal(layout.CellTime[global], piece.CellTime[c]);
                }
            }
        }

        // More shards than blocks: one shard per block.
        Assert.Equal(EStepKernel.BlockCount(layout), LayoutShard.Split(layout, membership, 1000).Length);
    }

    [Fact]
    public void ShardsThatDoNotCoverTheLayoutOrAnswerWronglyAreRefused()
    {
        var (panel, spec) = Case("poisson few cells", 12000);
        var prepared = PreparedPanel.Prepare(panel, spec.Family);
        var pieces = LayoutShard.Split(prepared.Layout, prepared.Membership(spec), 2);

        var missing = Assert.Throws<ArgumentException>(() => new ShardedEStep(prepared.Layout, new LocalShards(pieces.Take(1).ToArray())));
        Assert.Contains("rows", missing.Message, StringComparison.Ordinal);

        var other = PreparedPanel.Prepare(panel, spec.Family);
        var backend = new ShardedEStep(prepared.Layout, new LocalShards(pieces));
        var elsewhere = Likelihood(other, spec, backend);
        Assert.Throws<InvalidOperationException>(() => elsewhere.EStep(Models.MessyPsi(elsewhere)));

        var truncated = Likelihood(prepared, spec, new ShardedEStep(prepared.Layout, new Truncating(new LocalShards(pieces))));
        var e = Assert.Throws<InvalidDataException>(() => truncated.EStep(Models.MessyPsi(truncated)));
        Assert.Contains("shard 1", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A panel of about <paramref name="persons"/> persons (more without exposure: they share patterns) and its model.</summary>
    private static (CountPanel Panel, ModelSpecification Spec) Case(string name, int persons)
    {
        switch (name)
        {
            case "zip exposure risk tcov":
                {
                    var panel = Models.Messy(persons, 81);
                    var rng = new Random(82);
                    var risk = Enumerable.Range(0, panel.PersonCount).Select(_ => (double)rng.Next(2)).ToArray();
                    var tcov = Enumerable.Range(0, panel.RowStart[^1]).Select(_ => Math.Round(rng.NextDouble(), 1)).ToArray();
                    panel = panel.WithCovariates(new PersonCovariates(["x"], risk)).WithTimeCovariates(new ObservationCovariates(["w"], tcov));
                    return (panel, Models.MessyZip.WithRiskFactors(["x"]).WithTimeCovariates(["w"]));
                }

            case "frailty exposure":
                return (FamilyPanels.Simulate(FrailtyFamily.Instance, persons, 83).Panel, FamilyPanels.Spec(FrailtyFamily.Instance));
            default:
                return (Models.Messy(persons * 2, 84, exposure: false), ModelSpecification.Poisson(3, 2));
        }
    }

    private static MixtureLikelihood Likelihood(PreparedPanel prepared, ModelSpecification spec, IEStepBackend? backend) =>
        new(prepared.Layout, spec, prepared.Panel.Times, prepared.Scale, 2, prepared.Membership(spec), backend);

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    private static void Same(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.True(Bits(expected[k]) == Bits(actual[k]), $"{what}[{k}]: {expected[k]:R} locally, {actual[k]:R} sharded");
        }
    }

    /// <summary>Shards of which the second answers with one group sum too few (a shard of another model).</summary>
    private sealed class Truncating(IEStepShards inner) : IEStepShards
    {
        public IReadOnlyList<ShardOutline> Shards => inner.Shards;

        public async Task<ShardStatistics> Run(int shard, ShardRequest request, CancellationToken cancellation = default)
        {
            var answer = await inner.Run(shard, request, cancellation);
            return shard == 1 ? answer with { Groups = answer.Groups[..^1] } : answer;
        }
    }
}
