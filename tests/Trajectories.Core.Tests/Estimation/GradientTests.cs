using Trajectories.Core.Estimation;
using Trajectories.Core.Families;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Estimation;

public class GradientTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnalyticGradientMatchesFiniteDifferences(bool zip)
    {
        var panel = Models.Messy(600, 21);
        var spec = zip ? Models.MessyZip : ModelSpecification.Poisson(3, 2, 1, 2);
        var m = Models.Likelihood(panel, spec);
        LikelihoodChecks.GradientMatchesDifferences(m, Models.MessyPsi(m));
    }

    [Theory]
    [InlineData(0, 0.0, 0.3, -1.0)]
    [InlineData(0, -0.5, 1.2, 2.0)]
    [InlineData(3, -0.2, -0.4, 0.5)]
    [InlineData(1, -1.1, 0.1, double.NegativeInfinity)]
    public void ZipObservationDerivativesMatchFiniteDifferences(int y, double logE, double eta, double zeta)
    {
        var f = ZipFamily.Instance;
        var d = f.Derivatives(y, logE, eta, zeta);
        const double h = 1e-6;
        Assert.Equal(f.LogDensity(y, logE, eta, zeta), d.Value, 12);
        Assert.Equal((f.LogDensity(y, logE, eta + h, zeta) - f.LogDensity(y, logE, eta - h, zeta)) / (2 * h), d.Eta, 6);
        Assert.Equal((f.Derivatives(y, logE, eta + h, zeta).Eta - f.Derivatives(y, logE, eta - h, zeta).Eta) / (2 * h), d.EtaEta, 6);
        if (double.IsFinite(zeta))
        {
            Assert.Equal((f.LogDensity(y, logE, eta, zeta + h) - f.LogDensity(y, logE, eta, zeta - h)) / (2 * h), d.Zeta, 6);
            Assert.Equal((f.Derivatives(y, logE, eta, zeta + h).Zeta - f.Derivatives(y, logE, eta, zeta - h).Zeta) / (2 * h), d.ZetaZeta, 6);
            Assert.Equal((f.Derivatives(y, logE, eta, zeta + h).Eta - f.Derivatives(y, logE, eta, zeta - h).Eta) / (2 * h), d.EtaZeta, 6);
        }
    }

    [Fact]
    public void FullLogLikelihoodIncludesLogFactorial()
    {
        // One person, one observation y = 3 at rate 1: log f = 3·0 − 1 − log 6.
        var b = new Trajectories.Core.Panels.CountPanelBuilder([10.0, 11.0]);
        b.BeginPerson("a");
        b.Add(10, 3);
        var m = Models.Likelihood(b.Build(), ModelSpecification.Poisson(1, 0));
        Assert.Equal(-1 - Math.Log(6), m.EStep([0.0]), 12);
    }

    [Fact]
    public void EmNeverDecreasesTheLogLikelihood()
    {
        var panel = Models.Messy(800, 8);
        var m = Models.Likelihood(panel, Models.MessyZip);
        LikelihoodChecks.EmIsMonotone(m, Models.MessyPsi(m), 60);
    }
}
