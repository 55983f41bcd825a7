using System.Globalization;
using Trajectories.Core.Estimation;

namespace Trajectories.Cli;

/// <summary>
/// The count and time left shown on the progress line ("models 5/18, ETA 0:42"). Work reports steps done out of a
/// total per phase (the starts of a round, the finalists, the models of a grid); the time left is the phase's
/// elapsed time per step so far times the steps left.
/// </summary>
/// <param name="now">The clock (a stopwatch's elapsed time; tests pass their own).</param>
public sealed class ProgressClock(Func<TimeSpan> now)
{
    private TimeSpan _phaseStart = now();
    private TimeSpan _lastReport = now();
    private int _total = -1;
    private int _completed;

    /// <summary>The progress line for <paramref name="value"/>, e.g. "models (poisson K=3 …) 5/18, ETA 0:42".</summary>
    public string Describe(FitProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var time = now();

        // A new phase (another total) or a new round (the count starts again at 1): it began when the last one
        // ended. A count that is merely late (models finishing on several threads report out of order) is no restart.
        if (value.Total != _total || (value.Completed < _completed && value.Completed <= 1))
        {
            _phaseStart = _total < 0 ? _phaseStart : _lastReport;
            _total = value.Total;
        }

        _completed = value.Completed;
        _lastReport = time;
        var eta = Eta(time - _phaseStart, value.Completed, value.Total);
        return string.Create(CultureInfo.InvariantCulture, $"{value.Phase} {value.Completed}/{value.Total}{(eta is null ? string.Empty : ", ETA " + eta)}");
    }

    /// <summary>
    /// Time left at a constant rate: <paramref name="elapsed"/> / done × left, as m:ss or h:mm:ss; null before the
    /// first step (no rate yet) and when nothing is left.
    /// </summary>
    public static string? Eta(TimeSpan elapsed, int completed, int total)
    {
        if (completed <= 0 || completed >= total)
        {
            return null;
        }

        var left = TimeSpan.FromSeconds(Math.Ceiling(elapsed.TotalSeconds / completed * (total - completed)));
        return left.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)left.TotalHours}:{left.Minutes:00}:{left.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)left.TotalMinutes}:{left.Seconds:00}");
    }
}
