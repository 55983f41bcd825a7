using Trajectories.Core.Families;

namespace Trajectories.Core.Tests.Families;

public class FamilyTests
{
    [Fact]
    public void CatalogFindsFamiliesByName()
    {
        Assert.Same(ZipFamily.Instance, FamilyCatalog.Find("ZIP"));
        Assert.Same(PoissonFamily.Instance, FamilyCatalog.Find("poisson"));
        Assert.Same(LogitFamily.Instance, FamilyCatalog.Find("logit"));
        Assert.Null(FamilyCatalog.Find("cnorm"));
    }

    [Theory]
    [InlineData(0, 0.3, -0.7)]
    [InlineData(2, -0.4, 0.9)]
    public void ZipDensityIsAProperMixture(int y, double eta, double zeta)
    {
        // f(0) = π + (1−π)e^{−λ}, f(y>0) = (1−π) λ^y e^{−λ} / y!.
        var pi = 1 / (1 + Math.Exp(-zeta));
        var lambda = Math.Exp(eta);
        var poisson = Math.Exp((y * eta) - lambda - LogFactorial.Of(y));
        var expected = y == 0 ? pi + ((1 - pi) * poisson) : (1 - pi) * poisson;
        var f = ZipFamily.Instance;
        Assert.Equal(Math.Log(expected), f.LogDensity(y, 0, eta, zeta) + f.LogConstant(y), 12);
        Assert.Equal((1 - pi) * lambda, f.Mean(eta, zeta), 12);
    }

    [Fact]
    public void ZipProbabilitiesSumToOne()
    {
        var f = ZipFamily.Instance;
        var total = Enumerable.Range(0, 60).Sum(y => Math.Exp(f.LogDensity(y, Math.Log(0.5), 1.1, -0.3) + f.LogConstant(y)));
        Assert.Equal(1.0, total, 12);
        Assert.Equal(LogFactorial.Of(300), MathNet.Numerics.SpecialFunctions.FactorialLn(300), 8);
    }
}
