using Trajectories.Core.Panels;

namespace Trajectories.Core.Tests.Support;

/// <summary>Hand-made panels for compression tests.</summary>
internal static class TinyPanels
{
    /// <summary>
    /// Three persons a, b, c with the same counts (1 at time 10, 0 at time 11): without covariates they compress to one
    /// pattern, so any split is the covariates' doing.
    /// </summary>
    public static CountPanel ThreeAlike()
    {
        var b = new CountPanelBuilder([10.0, 11.0]);
        foreach (var id in new[] { "a", "b", "c" })
        {
            b.BeginPerson(id);
            b.Add(10, 1);
            b.Add(11, 0);
        }

        return b.Build();
    }
}
