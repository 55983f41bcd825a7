namespace Trajectories.Core.Families;

/// <summary>log n! for counts, from a table for small n and MathNet's log-gamma beyond.</summary>
public static class LogFactorial
{
    private static readonly double[] Table = BuildTable(256);

    /// <summary>log(n!) for n ≥ 0.</summary>
    public static double Of(int n) =>
        n < Table.Length ? Table[n] : MathNet.Numerics.SpecialFunctions.GammaLn(n + 1.0);

    private static double[] BuildTable(int size)
    {
        var t = new double[size];
        for (var i = 2; i < size; i++)
        {
            t[i] = t[i - 1] + Math.Log(i);
        }

        return t;
    }
}
