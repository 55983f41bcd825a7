using System.Text;
using Trajectories.Registers.Io;

namespace Trajectories.Registers.Tests.Io;

/// <summary>
/// Messages about bad input (issue 13): one line, the real line, the value quoted, escaped and cut, and the right
/// reason for a number that is not one.
/// </summary>
public class MessageTests
{
    private static InputException CellFails(string file, int line, string text, string column)
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Csv);
        SampleRegister.SetLine(folder, file, line, text);
        var e = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(folder), file, line, column);
        AssertOneLine(e.Message);
        return e;
    }

    private static void AssertOneLine(string message)
    {
        Assert.DoesNotContain(message, c => char.IsControl(c));
        Assert.True(message.Length < 1000, $"a message of {message.Length} characters");
    }

    [Theory]
    [InlineData("99999999999", "'99999999999', an integer too large for 32 bits (overflow")]
    [InlineData("-2147483649", "an integer too large for 32 bits (overflow")]
    [InlineData("2.5", "the fractional number '2.5'")]
    [InlineData("NaN", "'NaN', which is NaN (not a number)")]
    [InlineData("Infinity", "'Infinity', an infinite value")]
    [InlineData("-Infinity", "an infinite value")]
    [InlineData("1e999", "an infinite value")]
    [InlineData(" 2006", "' 2006', a number padded with spaces")]
    [InlineData("2006 ", "a number padded with spaces")]
    [InlineData("2006.0", "'2006.0', a whole number in decimal or exponent notation")]
    [InlineData("2e3", "a whole number in decimal or exponent notation")]
    [InlineData("20x6", "'20x6', which is not a number")]
    [InlineData("1,000", "which is not a number")]
    public void AnIntegerCellSaysWhyItIsNotOne(string year, string expected)
    {
        var quoted = year.Contains(',') ? $"\"{year}\"" : year;
        var e = CellFails("cases.csv", 3, $"o1,{quoted},1", "year");
        Assert.Contains("expected an integer year, found ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void TheReasonsDiffer()
    {
        string[] cells = ["99999999999", "2.5", "NaN", "Infinity", " 2006", "abc"];
        var reasons = cells.Select(c => CellFails("cases.csv", 3, $"o1,{c},1", "year").Problem.Replace($"'{c}'", string.Empty, StringComparison.Ordinal)).ToList();
        Assert.Equal(cells.Length, reasons.Distinct().Count());
    }

    [Theory]
    [InlineData("NaN", "which is NaN (not a number)")]
    [InlineData("Infinity", "an infinite value")]
    [InlineData(" 0.5", "a number padded with spaces")]
    [InlineData("half", "'half', which is not a number")]
    public void ARealCellSaysWhyItIsNotOne(string share, string expected)
    {
        var e = CellFails("exposure.csv", 2, $"o1,2006,{share}", "at_risk");
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void ANulIsEscapedNeverEchoed()
    {
        var e = CellFails("cases.csv", 3, "o1,20\u00001,1", "year");
        Assert.Contains("'20\\u00001'", e.Message);
        Assert.DoesNotContain('\0', e.Message);
    }

    [Fact]
    public void AnEscapeSequenceAndALineBreakInAQuotedCellAreEscaped()
    {
        var e = CellFails("persons.csv", 3, "c1,\"crim\u001b[31m\ninal\",m1,M,1990,", "cohort");
        Assert.Contains("'crim\\u001B[31m\\u000Ainal'", e.Message);
    }

    [Fact]
    public void AFiveMegabyteCellIsCut()
    {
        var huge = new string('7', 5 << 20);
        var e = CellFails("cases.csv", 3, $"o1,{huge},1", "year");
        Assert.Contains($"'{new string('7', MessageText.MaxValueLength)}…'", e.Message);
    }

    [Fact]
    public void AFiveMegabyteHeaderNameIsCut()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Csv);
        SampleRegister.SetLine(folder, "cases.csv", 1, "person_id,year," + new string('c', 5 << 20));
        var e = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(folder), "cases.csv", 1, "cases");
        AssertOneLine(e.Message);
        Assert.Contains("…", e.Message);
    }

    [Theory]
    [InlineData(1, 20)]
    [InlineData(601, 20)]
    [InlineData(601, 300)]
    [InlineData(5000, 30)]
    public void InvalidUtf8IsReportedOnItsOwnLine(int line, int width)
    {
        // Lines of `width` bytes: with 300 the bad line lies beyond the decoder's first block of 64 KiB.
        var bytes = new List<byte>();
        var row = Encoding.UTF8.GetBytes("a," + new string('b', width - 3) + "\n");
        for (var i = 1; i < line; i++)
        {
            bytes.AddRange(row);
        }

        bytes.AddRange("a,bb"u8.ToArray());
        bytes.Add(0xFF);
        bytes.AddRange("b\nz,z\n"u8.ToArray());
        var e = Assert.Throws<InputException>(() =>
        {
            using var r = new CsvReader(new MemoryStream(bytes.ToArray()), "t.csv");
            while (r.Read())
            {
            }
        });
        Assert.Equal(line, e.Line);
        Assert.Contains("not valid UTF-8: byte 0xFF at byte 5 of the line", e.Message);
    }

    [Fact]
    public void InvalidUtf8InARegisterTableNamesTheLine()
    {
        using var s = new SampleRegister();
        var folder = s.Write(RegisterFormat.Csv);
        var path = Path.Combine(folder, "cases.csv");
        var lines = File.ReadAllBytes(path).ToList();
        var third = lines.Select((b, i) => (b, i)).Where(p => p.b == (byte)'\n').Skip(2).First().i + 1;
        lines.Insert(third + 1, 0xC3);
        File.WriteAllBytes(path, lines.ToArray());
        var e = SampleRegister.AssertAt(() => RegisterReader.ValidateRegister(folder), "cases.csv", 4, null);
        Assert.Contains("not valid UTF-8", e.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xFE, 0xFF })]
    public void AUtf16ByteOrderMarkIsNotTakenAsAnotherEncoding(byte[] bom)
    {
        var text = Encoding.Unicode.GetBytes("a,b\n1,2\n");
        var e = Assert.Throws<InputException>(() => new CsvReader(new MemoryStream([.. bom, .. text]), "t.csv").Dispose());
        Assert.Equal(1, e.Line);
        Assert.Contains("not valid UTF-8", e.Message);
    }

    [Fact]
    public void ShortenKeepsSurrogatePairsWholeAndEscapesLoneOnes()
    {
        var emoji = "😀";
        var text = new string('x', MessageText.MaxValueLength - 1) + emoji;
        Assert.Equal(new string('x', MessageText.MaxValueLength - 1) + "…", MessageText.Shorten(text, MessageText.MaxValueLength));
        Assert.Equal("a" + emoji, MessageText.Escape("a" + emoji));
        Assert.Equal("a\\uD800b", MessageText.Escape("a\uD800b"));
        Assert.Equal("\\uDC00", MessageText.Escape("\uDC00"));
        Assert.Equal("'a\\u0009b'", MessageText.Quote("a\tb"));
    }

    [Fact]
    public void AFileNameWithAControlCharacterStaysOnOneLine()
    {
        var e = new InputException("bad\nname.csv", 3, "col\r", "problem\u0000");
        Assert.Equal("bad\\u000Aname.csv, line 3, column 'col\\u000D': problem\\u0000", e.Message);
    }
}
