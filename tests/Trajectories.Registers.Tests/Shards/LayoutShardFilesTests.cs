using Trajectories.Core.Estimation;
using Trajectories.Core.Estimation.Sharding;
using Trajectories.Core.Panels;
using Trajectories.Registers.Shards;

namespace Trajectories.Registers.Tests.Shards;

/// <summary>Shard files: what is written is read back bit for bit; an incomplete or altered shard is refused by name.</summary>
public sealed class LayoutShardFilesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "trj-shards-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AShardReadBackIsTheShardWritten(bool riskFactor)
    {
        foreach (var shard in Shards(riskFactor))
        {
            var folder = Path.Combine(_root, "shard-" + shard.FirstRow);
            LayoutShardFiles.Write(folder, shard);
            var back = LayoutShardFiles.Read(folder);

            Assert.Equal(shard.FirstRow, back.FirstRow);
            Assert.Equal(shard.TimeCount, back.TimeCount);
            Assert.Equal(shard.Weights.Select(BitConverter.DoubleToInt64Bits), back.Weights.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(shard.RowTotal.Select(BitConverter.DoubleToInt64Bits), back.RowTotal.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(shard.WindowStart, back.WindowStart);
            Assert.Equal(shard.WindowEnd, back.WindowEnd);
            Assert.Equal(shard.ListStart, back.ListStart);
            Assert.Equal(shard.Cells, back.Cells);
            Assert.Equal(shard.CellTime, back.CellTime);
            Assert.Equal(shard.GlobalCells, back.GlobalCells);
            Assert.Equal(shard.MembershipWidth, back.MembershipWidth);
            Assert.Equal(shard.MembershipRows, back.MembershipRows);
        }
    }

    [Fact]
    public void AFolderWithoutItsManifestOrWithAlteredFilesIsRefused()
    {
        var shard = Shards(riskFactor: false)[0];
        var folder = Path.Combine(_root, "broken");
        LayoutShardFiles.Write(folder, shard);

        var cells = Path.Combine(folder, "cells.parquet");
        File.WriteAllBytes(cells, [1, 2, 3]);
        var altered = Assert.Throws<InvalidDataException>(() => LayoutShardFiles.Read(folder));
        Assert.Contains("cells.parquet", altered.Message, StringComparison.Ordinal);

        File.Delete(Path.Combine(folder, "shard.json"));
        var incomplete = Assert.Throws<InvalidDataException>(() => LayoutShardFiles.Read(folder));
        Assert.Contains("shard.json", incomplete.Message, StringComparison.Ordinal);
    }

    /// <summary>Three shards of a panel of 20 000 random persons with gaps, exposure and (optionally) a risk factor.</summary>
    private static LayoutShard[] Shards(bool riskFactor)
    {
        var rng = new Random(5);
        const int persons = 20000, times = 12;
        var rowStart = new List<int> { 0 };
        var timeIndex = new List<short>();
        var values = new List<double>();
        var exposure = new List<float>();
        for (var i = 0; i < persons; i++)
        {
            for (short t = 0; t < times; t++)
            {
                if (rng.NextDouble() < 0.8)
                {
                    timeIndex.Add(t);
                    values.Add(rng.Next(4));
                    exposure.Add(rng.NextDouble() < 0.3 ? 0.5f : 1f);
                }
            }

            rowStart.Add(timeIndex.Count);
        }

        var panel = new CountPanel(
            Enumerable.Range(0, persons).Select(i => "p" + i).ToArray(), Enumerable.Range(0, times).Select(t => 12.0 + t).ToArray(), rowStart.ToArray(),
            timeIndex.ToArray(), values.ToArray(), exposure.ToArray(),
            riskFactor ? new PersonCovariates(["x"], Enumerable.Range(0, persons).Select(_ => (double)rng.Next(2)).ToArray()) : null);
        var spec = ModelSpecification.Poisson(2, 1);
        if (riskFactor)
        {
            spec = spec.WithRiskFactors(["x"]);
        }

        var prepared = PreparedPanel.Prepare(panel, spec.Family);
        return LayoutShard.Split(prepared.Layout, prepared.Membership(spec), 3);
    }
}
