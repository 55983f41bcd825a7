using Trajectories.Core.Panels;

namespace Trajectories.Registers.Tests.Panels;

/// <summary>Test files: a scratch folder per test, the peer data, and panel comparison.</summary>
internal sealed class PanelFiles : IDisposable
{
    public PanelFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "traj-panel-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>The Toronto peer data folder: &lt;repo root&gt;/../shared/peer-data/toronto.</summary>
    public static string Toronto(string file)
    {
        var path = Trajectories.Testing.RepositoryPaths.Toronto(file);
        Assert.True(File.Exists(path), $"peer data missing: {path}");
        return path;
    }

    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test on cleanup.
        }
    }

    public static void AssertSame(CountPanel expected, CountPanel actual)
    {
        Assert.Equal(expected.PersonIds, actual.PersonIds);
        Assert.Equal(expected.Times, actual.Times);
        Assert.Equal(expected.RowStart, actual.RowStart);
        Assert.Equal(expected.TimeIndex, actual.TimeIndex);
        Assert.Equal(expected.Values, actual.Values);
        Assert.Equal(expected.Exposure, actual.Exposure);
    }

    /// <summary>The panel as (person, time, count, exposure) tuples, for readable assertions.</summary>
    public static List<(string Person, double Time, int Count, float Exposure)> Cells(CountPanel panel)
    {
        var cells = new List<(string, double, int, float)>();
        for (var p = 0; p < panel.PersonCount; p++)
        {
            for (var j = panel.RowStart[p]; j < panel.RowStart[p + 1]; j++)
            {
                cells.Add((panel.PersonIds[p], panel.Times[panel.TimeIndex[j]], (int)panel.Values[j], panel.Exposure?[j] ?? 1f));
            }
        }

        return cells;
    }
}
