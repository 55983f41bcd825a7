using Trajectories.Core.Families;
using Trajectories.Core.Estimation;
using Trajectories.Core.Simulation;

namespace Trajectories.Core.Tests.Estimation;

/// <summary>
/// ZIP fitted to data without excess zeros: the inflation logits run to the boundary and the information can become
/// singular. Standard errors of everything else must survive, the boundary parameters must have none, and the fit
/// must say so.
/// </summary>
public class BoundaryInflationTests
{
    // ZIP, K = 2, linear: [θ2 | β10 β11 γ10 | β20 β21 γ20] → 7 parameters; γ20 is index 6.
    private static readonly ParameterLayout Layout = new(ModelSpecification.Zip(2, [1], [0]));

    private static double[] NegativeIdentity(int n, int? zeroAt = null)
    {
        var h = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            h[(i * n) + i] = i == zeroAt ? 0 : -(i + 1);
        }

        return h;
    }

    [Fact]
    public void SingularBoundaryBlockIsHeldFixedAndTheRestInverted()
    {
        var zeta = new double[2 * 3];
        Array.Fill(zeta, -1.0, 0, 3);
        Array.Fill(zeta, -25.0, 3, 3);
        var cov = BoundaryCovariance.Compute(NegativeIdentity(7, zeroAt: 6), Layout, ZipFamily.InflationBoundary, zeta, 3, out var held);

        Assert.NotNull(cov);
        Assert.Equal([2], held);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(1.0 / (i + 1), cov![(i * 7) + i], 12);
        }

        Assert.All(Enumerable.Range(0, 7), j => Assert.Equal(0.0, cov![(6 * 7) + j]));
    }

    [Fact]
    public void SingularInformationAwayFromTheBoundaryGivesNoCovariance()
    {
        var zeta = new double[2 * 3];
        Array.Fill(zeta, -1.0);
        Assert.Null(BoundaryCovariance.Compute(NegativeIdentity(7, zeroAt: 6), Layout, ZipFamily.InflationBoundary, zeta, 3, out var held));
        Assert.Empty(held);
    }

    [Fact]
    public void RegularInformationUsesTheFullInverse()
    {
        var zeta = new double[2 * 3];
        Array.Fill(zeta, -25.0);
        var cov = BoundaryCovariance.Compute(NegativeIdentity(7), Layout, ZipFamily.InflationBoundary, zeta, 3, out var held);
        Assert.Empty(held);
        Assert.Equal(1.0 / 7, cov![(6 * 7) + 6], 12);
    }

    [Fact]
    public void ZipOnPoissonDataKeepsEveryRateStandardError()
    {
        var design = GbtmSimulator.StandardDesign(4000, 2, 2, zeroInflated: false, seed: 11);
        var fit = TrajectoryEstimator.Fit(GbtmSimulator.Simulate(design).Panel, ModelSpecification.Zip(2, [2], [0]), new FitOptions { Starts = 4, Seed = 3 });

        Assert.Contains(fit.Groups, g => g.Inflation[0] < ZipFamily.InflationBoundary);
        Assert.NotNull(fit.Covariance);
        foreach (var g in fit.Groups)
        {
            Assert.All(g.BetaSe, se => Assert.True(se is > 0 and < 1, $"group {g.Index} beta SE {se}"));
            Assert.NotNull(g.ShareSe);
        }

        // Whichever path was taken, a missing inflation SE comes with the boundary warning.
        var missing = fit.Groups.Any(g => g.InflationSe.Any(se => se is null));
        Assert.Equal(missing, fit.Warnings.Any(w => w.Contains("at its boundary", StringComparison.Ordinal)));
        Assert.All(fit.Trajectories, p => Assert.True(p.Lower is { } l && p.Upper is { } u && l <= p.Predicted && p.Predicted <= u));
    }
}
