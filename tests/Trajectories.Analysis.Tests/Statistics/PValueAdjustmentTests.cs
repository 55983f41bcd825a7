using FsCheck.Xunit;
using Trajectories.Analysis.Statistics;

namespace Trajectories.Analysis.Tests.Statistics;

public class PValueAdjustmentTests
{
    [Fact]
    public void Holm_matches_R_in_input_order()
    {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.5, 0.04), "holm")
        var adj = PValueAdjustment.Holm([0.01, 0.04, 0.03, 0.005, 0.5, 0.04]);
        double[] expected = [0.05, 0.12, 0.12, 0.03, 0.5, 0.12];
        for (var i = 0; i < expected.Length; i++)
        {
            Close.Rel(expected[i], adj[i], 1e-12);
        }
    }

    [Property]
    public bool Holm_is_capped_monotone_and_never_below_raw(double[] raw)
    {
        var p = raw.Where(double.IsFinite).Select(v => Math.Abs(v) % 1.0).ToArray();
        var adj = PValueAdjustment.Holm(p);
        var order = Enumerable.Range(0, p.Length).OrderBy(i => p[i]).ToArray();
        for (var k = 0; k < order.Length; k++)
        {
            if (adj[order[k]] > 1.0 || adj[order[k]] < p[order[k]])
            {
                return false;
            }

            if (k > 0 && adj[order[k]] < adj[order[k - 1]])
            {
                return false;
            }
        }

        return true;
    }
}
