using System.Text;

namespace Trajectories.Cli.Tests;

/// <summary>
/// Register inputs that issue 13 found accepted or badly reported, through the CLI: each is exit 2 with one line
/// naming the file and line, and nothing written.
/// </summary>
public sealed class BadRegisterInputTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>A copy of the CSV sample register.</summary>
    private string Copy()
    {
        var dir = _tmp.Sub("register");
        Directory.CreateDirectory(dir);
        foreach (var file in Directory.GetFiles(Path.Combine(Paths.Root, "sample-registers", "study-csv")))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        return dir;
    }

    private static void Edit(string path, Func<string, string> change) =>
        File.WriteAllText(path, change(File.ReadAllText(path)));

    private void Refused(string dir, string expected)
    {
        var outDir = _tmp.Sub("out");
        var (code, stdout, stderr) = CliRunner.Run("fit", dir, "-k", "2", "--out", outDir);
        Assert.True(code == 2, $"exit {code}: {stderr}{stdout}");
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain('\0', stderr);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void ANegativeMinAge()
    {
        var dir = Copy();
        Edit(Path.Combine(dir, "register.json"), t => t.Replace("\"min_age\": 12", "\"min_age\": -1", StringComparison.Ordinal));
        Refused(dir, "min_age -1 is outside 0–120");
    }

    [Fact]
    public void CaseYearsOfTwoToThe31()
    {
        var dir = Copy();
        Edit(Path.Combine(dir, "register.json"), t => t.Replace("2001,", "-2147483648,", StringComparison.Ordinal));
        Refused(dir, "outside the plausible calendar years");
    }

    [Fact]
    public void ADuplicatedHeaderColumn()
    {
        var dir = Copy();
        Edit(Path.Combine(dir, "cases.csv"), t => "person_id,year,year" + t[t.IndexOf('\n', StringComparison.Ordinal)..]);
        Refused(dir, "cases.csv, line 1, column 'year': the column appears twice");
    }

    [Fact]
    public void ANulInACell()
    {
        var dir = Copy();
        var path = Path.Combine(dir, "cases.csv");
        var lines = File.ReadAllLines(path);
        var cells = lines[2].Split(',');
        cells[1] = "20\u00001";
        lines[2] = string.Join(',', cells);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        Refused(dir, "cases.csv, line 3, column 'year': expected an integer year, found '20\\u00001'");
    }

    [Fact]
    public void InvalidUtf8FarIntoAFile()
    {
        var dir = Copy();
        var path = Path.Combine(dir, "cases.csv");
        var lines = File.ReadAllLines(path);
        Assert.True(lines.Length > 1000, "the sample has enough cases");
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(string.Join('\n', lines[..600]) + "\n"));
        bytes.Add(0xFF);
        bytes.AddRange(Encoding.UTF8.GetBytes(string.Join('\n', lines[600..]) + "\n"));
        File.WriteAllBytes(path, bytes.ToArray());
        Refused(dir, "cases.csv, line 601: the file is not valid UTF-8");
    }
}
