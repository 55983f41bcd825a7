using Trajectories.Core.Estimation;
using Trajectories.Core.Families;
using Trajectories.Core.Selection;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Selection;

public class ModelSelectorTests
{
    [Fact]
    public void ChoosesSmallestBicAmongAdequateModelsAndIgnoresThreadCount()
    {
        var sim = new SimulationSpec([0.6, 0.4], [[-1.5, 0.3, -0.8], [0.5, -0.2, -0.6]], [[], []], Models.Ages) { MinWindow = 8 };
        var panel = sim.Simulate(800, 9, out _);
        var grid = ModelSelector.Grid(PoissonFamily.Instance, [1, 2, 3], [2]);
        Assert.Equal(3, grid.Count);
        var options = new FitOptions { Starts = 6, Finalists = 2, Seed = 4 };
        var reports = new List<SelectionProgress>();
        var parallel = ModelSelector.Select(panel, grid, options with { Threads = 2 }, progress: new SyncProgress(reports));
        var serial = ModelSelector.Select(panel, grid, options with { Threads = 1 });

        Assert.Equal(grid.Count, reports.Count);
        Assert.Equal(
            serial.Rows.Select(r => r.Fit?.LogLikelihood),
            parallel.Rows.Select(r => r.Fit?.LogLikelihood));
        var chosen = parallel.Chosen!;
        Assert.True(parallel.ChosenIsAdequate);
        Assert.True(chosen.Adequate);
        Assert.All(parallel.Rows.Where(r => r.Adequate), r => Assert.True(r.Fit!.BicPersons >= chosen.Fit!.BicPersons));
        Assert.Equal(2, chosen.Groups);
    }

    [Fact]
    public void RecordsModelsThatCannotBeFittedAndInadequacies()
    {
        var b = new Trajectories.Core.Panels.CountPanelBuilder([1.0, 2.0, 3.0]);
        for (var i = 0; i < 30; i++)
        {
            b.BeginPerson($"p{i}");
            b.Add(1, i % 2);
            b.Add(2, i % 2);
            b.Add(3, 0);
        }

        var result = ModelSelector.Select(b.Build(), ModelSelector.Grid(PoissonFamily.Instance, [1, 3], [0]), new FitOptions { Starts = 2 });
        Assert.Null(result.Rows[1].Fit);
        Assert.Contains("distinct", result.Rows[1].Error);
        Assert.Equal(0, result.ChosenIndex);
        Assert.True(result.Rows[0].Adequate, string.Join("; ", result.Rows[0].Reasons));
        Assert.True(result.ChosenIsAdequate);
        var strict = ModelSelector.Inadequacies(result.Rows[0].Fit!, new SelectionCriteria { MinShare = 1.1 });
        Assert.Equal(["group 1: share 1.000 < 1.1"], strict);
    }

    [Fact]
    public void PerGroupOrderGridIsNonDecreasing()
    {
        var grid = ModelSelector.Grid(ZipFamily.Instance, [2], [1, 2, 3], inflationOrders: [0, 1], perGroupOrders: true);
        Assert.Equal(12, grid.Count);
        Assert.All(grid, m => Assert.True(m.Orders[0] <= m.Orders[1]));
        Assert.Equal(6, grid.Count(m => m.InflationOrders.SequenceEqual([0, 0])));
        Assert.All(ModelSelector.Grid(PoissonFamily.Instance, [2], [1], inflationOrders: [0]), m => Assert.Equal([-1, -1], m.InflationOrders));
    }

    private sealed class SyncProgress(List<SelectionProgress> sink) : IProgress<SelectionProgress>
    {
        public void Report(SelectionProgress value)
        {
            lock (sink)
            {
                sink.Add(value);
            }
        }
    }
}
