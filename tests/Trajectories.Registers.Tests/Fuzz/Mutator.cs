using System.Text;

namespace Trajectories.Registers.Tests.Fuzz;

/// <summary>
/// Seeded corruptions of a valid input file, the kinds a careless export or a damaged disk produces: cut files,
/// flipped bytes, NUL and invalid UTF-8, byte-order marks, rows and columns duplicated or dropped, and cells
/// replaced by values that are nearly numbers (NaN, Infinity, overflow, padding, fractions, huge text).
/// </summary>
internal static class Mutator
{
    /// <summary>Cells that are each wrong in their own way, or right in a surprising one.</summary>
    private static readonly string[] Cells =
    [
        string.Empty, "NaN", "nan", "Infinity", "-Infinity", "1e308", "1e999", "-1", "0", "-0", "1.5", "0.0000001",
        "99999999999999999999", "2147483648", "-2147483649", "2147483647", " 5", "5 ", "\t5", "\0", "a\0b", "\"",
        "\"\"", "x\ny", "\r", "\u001b[2J", "\uFEFF", "NA", "1,000", "+3", "0x10", "٣", "2 001", "1e3", "2001.0",
        "offender", "M", "AO", "violence", "o1", "c1", "n2", "m1",
    ];

    /// <summary>How many mutation kinds <see cref="Apply"/> chooses from.</summary>
    public const int Kinds = 13;

    /// <summary>One random mutation of <paramref name="file"/>; returns the new bytes and says what it did.</summary>
    /// <param name="file">The file's bytes.</param>
    /// <param name="random">The seeded source of every choice.</param>
    /// <param name="what">What was done, for the failure message.</param>
    /// <param name="binary">Only byte-level mutations (for Parquet, where lines and cells mean nothing).</param>
    public static byte[] Apply(byte[] file, Random random, out string what, bool binary = false)
    {
        var kind = random.Next(binary ? 4 : Kinds);
        var at = file.Length == 0 ? 0 : random.Next(file.Length + 1);
        switch (kind)
        {
            case 0:
                what = $"truncated at byte {at}";
                return file[..at];
            case 1:
                if (file.Length == 0)
                {
                    what = "nothing to flip";
                    return file;
                }

                var flip = random.Next(file.Length);
                var bit = 1 << random.Next(8);
                what = $"flipped bit {bit} of byte {flip}";
                var flipped = (byte[])file.Clone();
                flipped[flip] ^= (byte)bit;
                return flipped;
            case 2:
                byte[][] junk = [[0], [0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80]];
                var bytes = junk[random.Next(junk.Length)];
                what = $"inserted {Convert.ToHexString(bytes)} at byte {at}";
                return [.. file[..at], .. bytes, .. file[at..]];
            case 3:
                byte[][] boms = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]];
                var bom = boms[random.Next(boms.Length)];
                var where = random.Next(2) == 0 ? 0 : at;
                what = $"inserted BOM {Convert.ToHexString(bom)} at byte {where}";
                return [.. file[..where], .. bom, .. file[where..]];
            default:
                return Text(file, kind, random, out what);
        }
    }

    private static byte[] Text(byte[] file, int kind, Random random, out string what)
    {
        var lines = Encoding.UTF8.GetString(file).Split('\n').ToList();
        var line = random.Next(lines.Count);
        switch (kind)
        {
            case 4:
                what = $"duplicated line {line + 1}";
                lines.Insert(line, lines[line]);
                break;
            case 5:
                what = $"deleted line {line + 1}";
                lines.RemoveAt(line);
                break;
            case 6:
            case 7:
                var field = random.Next(8);
                what = (kind == 6 ? "duplicated" : "deleted") + $" field {field} of every line";
                lines = lines.Select(l => Column(l, field, kind == 6)).ToList();
                break;
            case 8:
                what = "inserted a line of 256 KB";
                lines.Insert(line, new string('9', 1 << 18));
                break;
            default:
                var cell = Cells[random.Next(Cells.Length)];
                var fields = lines[line].Split(',');
                var index = random.Next(fields.Length);
                what = $"line {line + 1} field {index} set to {Visible(cell)}";
                fields[index] = kind == 12 && cell.Length > 0 ? new string(cell[0], 10_000) : cell;
                lines[line] = string.Join(",", fields);
                break;
        }

        return Encoding.UTF8.GetBytes(string.Join("\n", lines));
    }

    private static string Column(string line, int field, bool duplicate)
    {
        var fields = line.Split(',').ToList();
        if (field >= fields.Count)
        {
            return line;
        }

        if (duplicate)
        {
            fields.Insert(field, fields[field]);
        }
        else
        {
            fields.RemoveAt(field);
        }

        return string.Join(",", fields);
    }

    private static string Visible(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || c == '\uFEFF' ? $"\\u{(int)c:X4}" : c.ToString()));
}
