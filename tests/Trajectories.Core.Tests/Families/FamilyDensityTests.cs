using Trajectories.Core.Families;
using Trajectories.Core.Tests.Support;

namespace Trajectories.Core.Tests.Families;

/// <summary>
/// Every family's density, derivatives, mean and sampler checked against definitions that do not use its own code
/// paths: finite differences, sums or integrals of the density, and the mean of many draws.
/// </summary>
public class FamilyDensityTests
{
    public static TheoryData<string, double, double, double, double> Points()
    {
        var data = new TheoryData<string, double, double, double, double>();
        foreach (var (eta, zeta) in new[] { (-1.3, -0.8), (0.4, 0.3), (1.7, 1.1), (-0.2, -3.0) })
        {
            foreach (var y in new[] { 0.0, 1.0, 3.0, 12.0 })
            {
                data.Add("nb", y, Math.Log(0.6), eta, zeta);
                data.Add("poisson", y, Math.Log(0.6), eta, zeta);
            }

            data.Add("logit", 0, 0, eta * 2, 0);
            data.Add("logit", 1, 0, eta * 2, 0);
            foreach (var y in new[] { 0.0, 0.5, 4.2, 9.9, 10.0 })
            {
                // Means inside and outside [0, 10], so both tails and the interior are exercised.
                data.Add("cnorm", y, 0, (eta * 4) + 5, zeta / 2);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void DerivativesMatchFiniteDifferences(string name, double y, double logE, double eta, double zeta)
    {
        var f = Family(name);
        var d = f.Derivatives(y, logE, eta, zeta);
        const double h = 1e-5;
        double Fd(Func<double, double, double> g, bool inEta) =>
            inEta ? (g(eta + h, zeta) - g(eta - h, zeta)) / (2 * h) : (g(eta, zeta + h) - g(eta, zeta - h)) / (2 * h);
        double Value(double e, double z) => f.LogDensity(y, logE, e, z);
        void Close(double expected, double actual, string what) =>
            Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"{name} y={y} {what}: analytic {actual}, numeric {expected}");

        Assert.Equal(Value(eta, zeta), d.Value, 12);
        Close(Fd(Value, true), d.Eta, "∂η");
        Close(Fd((e, z) => f.Derivatives(y, logE, e, z).Eta, true), d.EtaEta, "∂ηη");
        if (f.Secondary is not null)
        {
            Close(Fd(Value, false), d.Zeta, "∂ζ");
            Close(Fd((e, z) => f.Derivatives(y, logE, e, z).Zeta, false), d.ZetaZeta, "∂ζζ");
            Close(Fd((e, z) => f.Derivatives(y, logE, e, z).Eta, false), d.EtaZeta, "∂ηζ");
        }
    }

    [Theory]
    [InlineData("poisson", 0.9, 0)]
    [InlineData("nb", -0.5, 1.2)]
    [InlineData("nb", 2.0, -2.0)]
    [InlineData("nb", 1.0, -12.0)]
    [InlineData("zip", 0.7, -0.4)]
    public void CountProbabilitiesSumToOneAndGiveTheMean(string name, double eta, double zeta)
    {
        var f = Family(name);
        double total = 0, mean = 0;
        for (var y = 0; y < 4000; y++)
        {
            var p = Math.Exp(f.LogDensity(y, 0, eta, zeta) + f.LogConstant(y));
            total += p;
            mean += y * p;
        }

        Assert.Equal(1.0, total, 10);
        Assert.Equal(f.Mean(eta, zeta), mean, 8);
    }

    [Fact]
    public void NegativeBinomialMatchesItsGammaFunctionForm()
    {
        // lnΓ(y + r) − lnΓ(r) − ln y! + r ln(r/(r + μ)) + y ln(μ/(r + μ)), straight from the definition.
        var f = NegativeBinomialFamily.Instance;
        foreach (var (y, eta, zeta) in new[] { (0, 0.3, 0.5), (4, 1.1, -0.7), (300, 5.0, -1.0), (17, 2.0, 3.0) })
        {
            double mu = Math.Exp(eta), r = Math.Exp(-zeta);
            var expected = MathNet.Numerics.SpecialFunctions.GammaLn(y + r) - MathNet.Numerics.SpecialFunctions.GammaLn(r)
                - LogFactorial.Of(y) + (r * Math.Log(r / (r + mu))) + (y * Math.Log(mu / (r + mu)));
            Assert.Equal(expected, f.LogDensity(y, 0, eta, zeta) + f.LogConstant(y), 9);
        }
    }

    [Fact]
    public void LogitProbabilitiesSumToOne()
    {
        var f = LogitFamily.Instance;
        foreach (var eta in new[] { -30.0, -2.0, 0.0, 1.5, 40.0 })
        {
            var p0 = Math.Exp(f.LogDensity(0, 0, eta, 0));
            var p1 = Math.Exp(f.LogDensity(1, 0, eta, 0));
            Assert.Equal(1.0, p0 + p1, 12);
            Assert.Equal(p1, f.Mean(eta, 0), 12);
        }
    }

    [Theory]
    [InlineData(5.0, 0.5)]
    [InlineData(-1.0, 1.0)]
    [InlineData(11.5, 0.0)]
    [InlineData(0.2, -1.5)]
    public void CensoredNormalMassesAndDensityIntegrateToOneAndGiveTheMean(double mu, double logSigma)
    {
        var f = FamilyPanels.Cnorm;
        var low = Math.Exp(f.LogDensity(0, 0, mu, logSigma) + f.LogConstant(0));
        var high = Math.Exp(f.LogDensity(10, 0, mu, logSigma) + f.LogConstant(10));
        // Simpson's rule over the open interval (0, 10): the density is smooth there.
        const int n = 20000;
        double total = 0, mean = 0;
        for (var k = 0; k <= n; k++)
        {
            var y = 10.0 * k / n;
            var inside = Math.Clamp(y, 1e-12, 10 - 1e-12);
            var density = Math.Exp(f.LogDensity(inside, 0, mu, logSigma) + f.LogConstant(inside));
            var w = (k == 0 || k == n ? 1 : k % 2 == 1 ? 4 : 2) * (10.0 / n) / 3;
            total += w * density;
            mean += w * y * density;
        }

        Assert.Equal(1.0, low + high + total, 8);
        Assert.Equal((10 * high) + mean, f.Mean(mu, logSigma), 7);
    }

    [Theory]
    [InlineData("nb")]
    [InlineData("logit")]
    [InlineData("cnorm")]
    [InlineData("zip")]
    public void LinkedMeanIsTheMeanOnItsScaleWithItsDerivatives(string name)
    {
        var f = Family(name);
        const double h = 1e-6;
        foreach (var (eta, zeta) in new[] { (0.3, -0.5), (1.2, 0.4), (-0.8, 1.5) })
        {
            var (value, dEta, dZeta) = f.LinkedMean(eta, zeta);
            Assert.Equal(f.Mean(eta, zeta), Links.Inverse(f.MeanLink, value), 10);
            Assert.Equal((f.LinkedMean(eta + h, zeta).Value - f.LinkedMean(eta - h, zeta).Value) / (2 * h), dEta, 6);
            Assert.Equal((f.LinkedMean(eta, zeta + h).Value - f.LinkedMean(eta, zeta - h).Value) / (2 * h), dZeta, 6);
        }
    }

    [Theory]
    [InlineData("nb", 0.8, 0.5)]
    [InlineData("nb", -1.0, -1.0)]
    [InlineData("logit", 0.4, 0)]
    [InlineData("cnorm", 2.0, 0.7)]
    [InlineData("cnorm", 9.0, 0.3)]
    public void DrawsAverageToTheMean(string name, double eta, double zeta)
    {
        var f = Family(name);
        var random = new Random(7);
        const int n = 200_000;
        double sum = 0, squares = 0;
        for (var i = 0; i < n; i++)
        {
            var y = f.Sample(random, 1.0, eta, zeta);
            Assert.Null(f.OutcomeProblem(y));
            sum += y;
            squares += y * y;
        }

        var mean = sum / n;
        var se = Math.Sqrt(((squares / n) - (mean * mean)) / n);
        Assert.True(Math.Abs(mean - f.Mean(eta, zeta)) < 4.5 * se, $"{name}: draws average {mean}, mean {f.Mean(eta, zeta)} (se {se})");
    }

    [Fact]
    public void OutcomeChecksNameTheValue()
    {
        Assert.Contains("not a 0/1", LogitFamily.Instance.OutcomeProblem(2)!);
        Assert.Null(LogitFamily.Instance.OutcomeProblem(1));
        Assert.Contains("outside the censoring range [0, 10]", FamilyPanels.Cnorm.OutcomeProblem(10.5)!);
        Assert.Null(FamilyPanels.Cnorm.OutcomeProblem(3.25));
        Assert.Contains("not a count", NegativeBinomialFamily.Instance.OutcomeProblem(1.5)!);
        Assert.Contains("not a count", PoissonFamily.Instance.OutcomeProblem(-1)!);
    }

    [Fact]
    public void CatalogCreatesFamiliesWithTheirSettings()
    {
        Assert.Equal(new CensoredNormalFamily(0, 10), FamilyCatalog.Create("cnorm", 0, 10));
        Assert.NotEqual(new CensoredNormalFamily(0, 10), FamilyCatalog.Create("cnorm", 0, 5));
        Assert.Same(NegativeBinomialFamily.Instance, FamilyCatalog.Create("NB"));
        Assert.Contains("--min and --max", Assert.Throws<ArgumentException>(() => FamilyCatalog.Create("cnorm", 0, null)).Message);
        Assert.Contains("cnorm family only", Assert.Throws<ArgumentException>(() => FamilyCatalog.Create("logit", 0, 1)).Message);
        Assert.Throws<ArgumentException>(() => FamilyCatalog.Create("cnorm", 3, 3));
        Assert.Contains("unknown family", Assert.Throws<ArgumentException>(() => FamilyCatalog.Create("gamma")).Message);
    }

    private static ITrajectoryFamily Family(string name) => name == "cnorm" ? FamilyPanels.Cnorm : FamilyCatalog.Find(name)!;
}
