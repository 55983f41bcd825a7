using Trajectories.Analysis.Statistics;

namespace Trajectories.Analysis.Tests.Statistics;

public class RateRatioTestsTests
{
    [Fact]
    public void Exact_Poisson_matches_R()
    {
        // R: r <- poisson.test(c(1442, 938), c(465, 375)); r$p.value; r$estimate; r$conf.int
        var r = RateRatioTests.PoissonExact(1442, 465, 938, 375);
        Close.Rel(2.7746413018868717e-07, r.PValue);
        Close.Rel(1.2397688974482428, r.Estimate!.Value, 1e-12);
        Close.Rel(1.1411211740494689, r.Ci!.Low, 1e-9);
        Close.Rel(1.3474406232290144, r.Ci.High, 1e-9);
    }

    [Fact]
    public void Exact_Poisson_small_counts_match_R()
    {
        // R: r <- poisson.test(c(11, 3), c(20, 15)); r$p.value; r$conf.int
        var r = RateRatioTests.PoissonExact(11, 20, 3, 15);
        Close.Rel(0.17476046908151838, r.PValue);
        Close.Rel(0.72644864485988736, r.Ci!.Low, 1e-8);
        Close.Rel(15.35157720258218284, r.Ci.High, 1e-8);
    }

    [Fact]
    public void Quasi_Poisson_matches_glm()
    {
        // R: glm(c(x, y) ~ g, family = quasipoisson), g with "b" (= y) as reference; see reference/references.R.
        double[] x = [1, 1, 2, 3, 3, 3, 4, 5, 7, 1, 2, 2, 6];
        double[] y = [1, 1, 1, 2, 2, 3, 1, 4, 1, 2];
        var r = RateRatioTests.QuasiPoisson(x, y);
        Close.Rel(1.9388888972414822, r.Statistic, 1e-9);
        Close.Rel(0.066070711979155844, r.PValue);
        Close.Rel(0.9618340018206073, r.Ci!.Low, 1e-9);
        Close.Rel(3.0380026060364651, r.Ci.High, 1e-9);
        Close.Rel(x.Average() / y.Average(), r.Estimate!.Value, 1e-14);
    }
}
