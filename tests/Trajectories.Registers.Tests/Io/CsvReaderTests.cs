using System.Text;
using Trajectories.Registers.Io;

namespace Trajectories.Registers.Tests.Io;

public class CsvReaderTests
{
    private static CsvReader Open(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bom)
        {
            bytes = [0xEF, 0xBB, 0xBF, .. bytes];
        }

        return new CsvReader(new MemoryStream(bytes), "t.csv");
    }

    private static List<string[]> All(CsvReader r)
    {
        var rows = new List<string[]>();
        while (r.Read())
        {
            rows.Add(Enumerable.Range(0, r.FieldCount).Select(i => r[i].ToString()).ToArray());
        }

        return rows;
    }

    [Fact]
    public void ReadsQuotedFieldsWithCommasQuotesAndNewlines()
    {
        using var r = Open("a,b\n\"x,1\",\"he said \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row\n");
        var rows = All(r);
        Assert.Equal(["a", "b"], r.Header);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["x,1", "he said \"hi\""], rows[0]);
        Assert.Equal(["two\nlines", "z"], rows[1]);
        Assert.Equal(["last", "row"], rows[2]);
    }

    [Fact]
    public void BomAndCrlfGiveTheSameContentAsPlainLf()
    {
        using var plain = Open("person_id,year\np1,2001\np2,2002\n");
        using var windows = Open("person_id,year\r\np1,2001\r\np2,2002\r\n", bom: true);
        Assert.Equal(plain.Header, windows.Header);
        Assert.Equal(All(plain), All(windows));
    }

    [Fact]
    public void RaggedRowNamesTheLine()
    {
        using var r = Open("a,b\n1,2\n3\n");
        Assert.True(r.Read());
        var e = Assert.Throws<InputException>(() => r.Read());
        Assert.Equal(3, e.Line);
        Assert.Contains("1 fields", e.Message);
    }

    [Fact]
    public void UnclosedQuoteIsAnError()
    {
        using var r = Open("a,b\n1,\"open\n");
        var e = Assert.Throws<InputException>(() => r.Read());
        Assert.Equal("b", e.Column);
        Assert.Contains("not closed", e.Message);
    }

    [Fact]
    public void TextAfterClosingQuoteIsAnError()
    {
        using var r = Open("a,b\n\"x\"y,2\n");
        var e = Assert.Throws<InputException>(() => r.Read());
        Assert.Equal("a", e.Column);
    }

    [Fact]
    public void EmptyFileIsAnError()
    {
        var e = Assert.Throws<InputException>(() => Open(string.Empty));
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void BlankLineInsideDataIsAnErrorButTrailingBlankLinesAreNot()
    {
        using (var ok = Open("a\n1\n\n\n"))
        {
            Assert.Single(All(ok));
        }

        using var bad = Open("a\n1\n\n2\n");
        Assert.True(bad.Read());
        var e = Assert.Throws<InputException>(() => bad.Read());
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void RequireNamesTheMissingColumn()
    {
        using var r = Open("person_id,year\n");
        var e = Assert.Throws<InputException>(() => r.Require("cases"));
        Assert.Equal("cases", e.Column);
        Assert.Contains("t.csv", e.Message);
    }
}
