using System.Globalization;
using Trajectories.Core.Panels;

namespace Trajectories.Core.Tests.Support;

/// <summary>Locates shared test data and parses the wide CSVs of the peer data (a tiny test-local reader).</summary>
internal static class TestData
{
    /// <summary>The Toronto peer data folder (shared next to the repository).</summary>
    public static string TorontoFolder() => Trajectories.Testing.RepositoryPaths.TorontoFolder;

    /// <summary>
    /// The rows of a tab-separated reference table in <c>tests/Trajectories.Core.Tests/reference/</c>: comment lines
    /// (<c>#</c>, where the table says how its values were found) and the header skipped.
    /// </summary>
    public static IReadOnlyList<string[]> ReferenceTable(string file) =>
        File.ReadAllLines(Path.Combine(Trajectories.Testing.RepositoryPaths.Root, "tests", "Trajectories.Core.Tests", "reference", file))
            .Where(l => !l.StartsWith('#'))
            .Skip(1)
            .Select(l => l.Split('\t'))
            .ToList();

    /// <summary>Reads a wide CSV (id, then one column per time; empty or negative = missing) into a panel.</summary>
    public static CountPanel ReadWide(string path, string? exposurePath = null)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var times = header.Skip(1).Select(h => double.Parse(h, CultureInfo.InvariantCulture)).ToArray();
        var risk = exposurePath is null ? null : File.ReadAllLines(exposurePath);
        var builder = new CountPanelBuilder(times, lines.Length * times.Length);
        for (var r = 1; r < lines.Length; r++)
        {
            var cells = lines[r].Split(',');
            var riskCells = risk?[r].Split(',');
            builder.BeginPerson(cells[0]);
            for (var k = 1; k < cells.Length; k++)
            {
                if (cells[k].Length == 0)
                {
                    continue;
                }

                var y = double.Parse(cells[k], CultureInfo.InvariantCulture);
                if (y < 0)
                {
                    continue;
                }

                var e = riskCells is null ? 1.0 : double.Parse(riskCells[k], CultureInfo.InvariantCulture);
                if (e <= 0)
                {
                    continue;
                }

                builder.Add(times[k - 1], (int)y, Math.Min(e, 1.0));
            }
        }

        return builder.Build();
    }
}
