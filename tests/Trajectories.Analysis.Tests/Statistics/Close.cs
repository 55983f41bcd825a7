namespace Trajectories.Analysis.Tests.Statistics;

/// <summary>Relative-tolerance assertions for comparing with R reference values.</summary>
internal static class Close
{
    /// <summary>Default relative tolerance where our method is the same algorithm as R's.</summary>
    public const double Same = 1e-8;

    public static void Rel(double expected, double actual, double rel = Same)
    {
        if (expected == actual)
        {
            return;
        }

        var err = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), double.Epsilon);
        Assert.True(err <= rel, $"expected {expected:R}, got {actual:R} (relative error {err:G3} > {rel:G3})");
    }

    public static void Abs(double expected, double actual, double abs)
    {
        Assert.True(Math.Abs(actual - expected) <= abs, $"expected {expected:R} ± {abs:G3}, got {actual:R}");
    }
}
