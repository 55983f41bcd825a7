namespace Trajectories.Reporting.Figures;

/// <summary>A linear or logarithmic axis mapping data values to pixels, with "nice" tick values.</summary>
public sealed class Axis
{
    /// <summary>Creates an axis from the data range [min, max] to the pixel range [from, to].</summary>
    public Axis(double min, double max, double from, double to, bool log = false)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentException("axis limits must be finite.");
        }

        if (log && (min <= 0 || max <= 0))
        {
            throw new ArgumentException("a log axis needs positive limits.");
        }

        if (max <= min)
        {
            // A flat series still needs a visible axis.
            max = min + (min == 0 ? 1 : Math.Abs(min) * 0.1);
        }

        Min = min;
        Max = max;
        From = from;
        To = to;
        Log = log;
    }

    /// <summary>Smallest data value shown.</summary>
    public double Min { get; }

    /// <summary>Largest data value shown.</summary>
    public double Max { get; }

    /// <summary>Pixel of <see cref="Min"/>.</summary>
    public double From { get; }

    /// <summary>Pixel of <see cref="Max"/>.</summary>
    public double To { get; }

    /// <summary>True for a log axis.</summary>
    public bool Log { get; }

    /// <summary>Pixel of a data value (clamped to the axis).</summary>
    public double Map(double value)
    {
        var v = Math.Clamp(value, Min, Max);
        var f = Log ? (Math.Log(v) - Math.Log(Min)) / (Math.Log(Max) - Math.Log(Min)) : (v - Min) / (Max - Min);
        return From + (f * (To - From));
    }

    /// <summary>Tick values: 1-2-5 steps for linear axes, 1-2-5 per decade for log axes.</summary>
    public IReadOnlyList<double> Ticks(int target = 6)
    {
        var ticks = new List<double>();
        if (Log)
        {
            for (var decade = Math.Floor(Math.Log10(Min)); decade <= Math.Ceiling(Math.Log10(Max)); decade++)
            {
                foreach (var m in new[] { 1.0, 2.0, 5.0 })
                {
                    var t = m * Math.Pow(10, decade);
                    if (t >= Min * (1 - 1e-9) && t <= Max * (1 + 1e-9))
                    {
                        ticks.Add(t);
                    }
                }
            }

            return ticks;
        }

        var step = NiceStep((Max - Min) / Math.Max(1, target));
        for (var t = Math.Ceiling(Min / step) * step; t <= Max + (step * 1e-9); t += step)
        {
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        }

        return ticks;
    }

    /// <summary>The nearest 1, 2 or 5 × 10^k at or above <paramref name="raw"/>.</summary>
    public static double NiceStep(double raw)
    {
        if (!(raw > 0))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var f = raw / power;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    }

    /// <summary>The smallest "nice" upper limit at or above <paramref name="max"/>.</summary>
    public static double NiceMax(double max)
    {
        if (!(max > 0))
        {
            return 1;
        }

        var step = NiceStep(max / 5);
        return Math.Ceiling(max / step) * step;
    }
}
