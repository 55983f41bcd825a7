namespace Trajectories.Core.Numerics;

/// <summary>log(1 + x) accurate for small x (the framework's <c>double.LogP1</c> is computed as log(1 + x)).</summary>
public static class LogOnePlus
{
    /// <summary>log(1 + x) for x &gt; −1, by Goldberg's correction: log(u)·x/(u − 1) with u = 1 + x rounded.</summary>
    public static double Of(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : double.IsInfinity(u) ? Math.Log(u) : Math.Log(u) * x / (u - 1.0);
    }
}
