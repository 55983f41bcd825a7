using System.Globalization;
using FsCheck;
using FsCheck.Xunit;
using Trajectories.Registers.Panels;

namespace Trajectories.Registers.Tests.Panels;

public class PanelCellsTests
{
    /// <summary>The digits-only fast path must give exactly what the general parser gives, and reject what it rejects.</summary>
    [Property(MaxTest = 500)]
    public bool NumberParsingAgreesWithDoubleTryParse(NonNegativeInt n, byte pad, bool blanks, char junk)
    {
        var texts = new[]
        {
            n.Get.ToString(CultureInfo.InvariantCulture),
            new string('0', pad % 4) + n.Get.ToString(CultureInfo.InvariantCulture),
            (blanks ? " " : string.Empty) + n.Get.ToString(CultureInfo.InvariantCulture) + (blanks ? "\t" : string.Empty),
            n.Get.ToString(CultureInfo.InvariantCulture) + junk,
            junk + n.Get.ToString(CultureInfo.InvariantCulture),
            (n.Get / 7.0).ToString("R", CultureInfo.InvariantCulture),
            "-" + n.Get.ToString(CultureInfo.InvariantCulture),
        };
        return texts.All(t =>
        {
            var expectedOk = double.TryParse(t.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var expected);
            var ok = PanelCells.TryNumber(t, out var value);
            return ok == expectedOk && (!ok || value.Equals(expected));
        });
    }

    [Theory]
    [InlineData("", false, 0)]
    [InlineData("  ", false, 0)]
    [InlineData("0", true, 0)]
    [InlineData("123456789", true, 123456789)]
    [InlineData("1234567890", true, 1234567890)]
    [InlineData("12a", false, 0)]
    [InlineData("1e3", true, 1000)]
    public void ParsesCountsAndRejectsText(string text, bool ok, double expected)
    {
        Assert.Equal(ok, PanelCells.TryNumber(text, out var value));
        if (ok)
        {
            Assert.Equal(expected, value);
        }
    }
}
