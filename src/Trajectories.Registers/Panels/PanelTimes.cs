using Trajectories.Core.Panels;

namespace Trajectories.Registers.Panels;

/// <summary>Trims a panel's time grid to the time points that have at least one observation.</summary>
/// <remarks>
/// A wide file may have a column that is missing for everyone, and a long file may have a time whose rows all
/// had exposure 0. Such time points would be empty columns for the estimator and its per-time summaries, and
/// would make the same data read differently from wide and long layouts; so every reader ends with this.
/// </remarks>
internal static class PanelTimes
{
    /// <summary>The panel itself when every time is used, otherwise a copy with the unused times removed.</summary>
    public static CountPanel DropUnused(CountPanel panel)
    {
        var used = new bool[panel.TimeCount];
        foreach (var t in panel.TimeIndex)
        {
            used[t] = true;
        }

        if (Array.TrueForAll(used, u => u))
        {
            return panel;
        }

        var remap = new short[used.Length];
        var times = new List<double>();
        for (var t = 0; t < used.Length; t++)
        {
            remap[t] = (short)times.Count;
            if (used[t])
            {
                times.Add(panel.Times[t]);
            }
        }

        var timeIndex = new short[panel.TimeIndex.Length];
        for (var i = 0; i < timeIndex.Length; i++)
        {
            timeIndex[i] = remap[panel.TimeIndex[i]];
        }

        return new CountPanel(panel.PersonIds, times.ToArray(), panel.RowStart, timeIndex, panel.Values, panel.Exposure, panel.Covariates, panel.TimeCovariates);
    }
}
