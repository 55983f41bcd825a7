namespace Trajectories.Core.Basis;

/// <summary>
/// The affine map u = (t − Center) / Scale on which every polynomial coefficient is expressed.
/// </summary>
/// <remarks>
/// The default (<see cref="FromGrid"/>) centres on the midpoint of the time grid's range and scales by its half-range,
/// so u runs over [−1, 1]. Powers of u up to 5 then stay within [−1, 1]; raw ages (8…38) would make the columns of a
/// quintic span 10⁷ orders of magnitude and ruin the conditioning of the Newton steps.
/// </remarks>
/// <param name="Center">The time mapped to u = 0.</param>
/// <param name="Scale">The time span mapped to one unit of u (positive).</param>
public sealed record TimeScale(double Center, double Scale)
{
    /// <summary>Centre = (min + max) / 2, scale = (max − min) / 2 (1 when the grid has a single point).</summary>
    public static TimeScale FromGrid(IReadOnlyList<double> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (times.Count == 0)
        {
            throw new ArgumentException("the time grid is empty.", nameof(times));
        }

        var min = times.Min();
        var max = times.Max();
        var half = (max - min) / 2.0;
        return new TimeScale((min + max) / 2.0, half > 0 ? half : 1.0);
    }

    /// <summary>The scaled time u of <paramref name="time"/>.</summary>
    public double Apply(double time) => (time - Center) / Scale;
}
