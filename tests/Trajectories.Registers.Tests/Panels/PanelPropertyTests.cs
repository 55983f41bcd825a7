using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Trajectories.Registers.Io;
using Trajectories.Registers.Panels;

namespace Trajectories.Registers.Tests.Panels;

public class PanelPropertyTests
{
    /// <summary>
    /// Any wide file (missing cells, exposure with zeros) and the long file holding the same cells, rows shuffled
    /// within each person, read to the same panel; or both are rejected.
    /// </summary>
    [Property(MaxTest = 60)]
    public void WideThenLongEqualsWide(NonEmptyArray<int> values, PositiveInt widthSeed, int shuffleSeed, bool withExposure)
    {
        var cells = values.Get;
        var width = 1 + (widthSeed.Get % 5);
        var persons = (cells.Length + width - 1) / width;
        var wide = new StringBuilder("id," + string.Join(",", Enumerable.Range(0, width).Select(t => (10 - (2 * t)).ToString(CultureInfo.InvariantCulture))) + "\n");
        var risk = new StringBuilder(wide.ToString());
        var rows = new List<string>();
        var random = new Random(shuffleSeed);
        for (var p = 0; p < persons; p++)
        {
            wide.Append("p" + p);
            risk.Append("p" + p);
            var personRows = new List<string>();
            for (var t = 0; t < width; t++)
            {
                var i = (p * width) + t;
                var v = i < cells.Length ? cells[i] % 50 : -1;
                var e = v > 0 ? ((v % 4) + 1) / 4.0 : (i % 2 == 0 ? 0.0 : 0.5);
                wide.Append(',').Append(v < 0 ? (i % 2 == 0 ? string.Empty : "-1") : v.ToString(CultureInfo.InvariantCulture));
                risk.Append(',').Append(e.ToString(CultureInfo.InvariantCulture));
                if (v >= 0 && (!withExposure || e > 0 || v == 0))
                {
                    personRows.Add($"p{p},{10 - (2 * t)},{v}" + (withExposure ? $",{e.ToString(CultureInfo.InvariantCulture)}" : string.Empty));
                }
            }

            wide.Append('\n');
            risk.Append('\n');
            rows.AddRange(personRows.OrderBy(_ => random.Next()));
        }

        using var files = new PanelFiles();
        var widePath = files.Write("w.csv", wide.ToString());
        var riskPath = withExposure ? files.Write("r.csv", risk.ToString()) : null;
        var longPath = files.Write("l.csv", (withExposure ? "person_id,time,count,exposure\n" : "person_id,time,count\n") + string.Join("\n", rows) + "\n");

        var fromWide = Try(() => PanelInput.Load(widePath, riskPath));
        var fromLong = Try(() => PanelInput.Load(longPath));
        Assert.Equal(fromWide is null, fromLong is null);
        if (fromWide is not null)
        {
            PanelFiles.AssertSame(fromWide.Panel, fromLong!.Panel);
            Assert.Equal(fromWide.DroppedPersons, persons - fromLong.Panel.PersonCount);
        }
    }

    private static LoadedPanel? Try(Func<LoadedPanel> load)
    {
        try
        {
            return load();
        }
        catch (InputException)
        {
            return null;
        }
    }
}
