using Trajectories.Registers.Io;

namespace Trajectories.Registers.Panels;

/// <summary>
/// A wide exposure file (time at risk, e.g. crimCV's TO1Risk) loaded for matching against a wide count file.
/// </summary>
/// <remarks>
/// Rows are matched by person id, not position, so a re-sorted export still lines up; the file must have exactly
/// the count file's time columns and persons. Cells follow the wide convention (empty, negative or NA is
/// missing); present values must lie in [0, 1]. Values are kept as float (the panel's precision) in a dense
/// persons × times matrix with NaN for missing.
/// </remarks>
internal sealed class WideExposure
{
    private readonly Dictionary<string, int> _rowOf;
    private readonly float[] _values;
    private readonly List<long> _lines;
    private readonly bool[] _used;
    private readonly int _width;

    private WideExposure(string fileName, Dictionary<string, int> rowOf, float[] values, List<long> lines, int width)
    {
        FileName = fileName;
        _rowOf = rowOf;
        _values = values;
        _lines = lines;
        _width = width;
        _used = new bool[lines.Count];
    }

    /// <summary>The exposure file's name, for messages.</summary>
    public string FileName { get; }

    /// <summary>Loads <paramref name="path"/>, checking its time columns against the counts' layout.</summary>
    public static WideExposure Load(string path, WideLayout counts)
    {
        using var reader = new CsvReader(path);
        var layout = WideLayout.Parse(reader);
        if (!layout.Times.SequenceEqual(counts.Times))
        {
            throw new InputException(path, 1, null, $"the exposure file's time columns ({Join(layout.Times)}) differ from the count file's ({Join(counts.Times)}); they must have the same shape.");
        }

        var width = layout.Times.Length;
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new List<long>();
        var values = new float[width * 64];
        while (reader.Read())
        {
            var id = reader[0].Trim().ToString();
            if (id.Length == 0)
            {
                throw reader.Error(0, "the person id is empty.");
            }

            if (!rowOf.TryAdd(id, lines.Count))
            {
                throw reader.Error(0, $"person {MessageText.Quote(id)} appears more than once.");
            }

            if ((lines.Count + 1) * width > values.Length)
            {
                Array.Resize(ref values, values.Length * 2);
            }

            for (var k = 0; k < width; k++)
            {
                var column = layout.ColumnOf[k];
                var text = reader[column];
                var parsed = PanelCells.TryNumber(text, out var v);
                float stored;
                if (PanelCells.IsWideMissing(text, v, parsed))
                {
                    stored = float.NaN;
                }
                else if (!parsed || PanelCells.ExposureProblem(v) is not null)
                {
                    throw reader.Error(column, parsed ? PanelCells.ExposureProblem(v)! : $"{MessageText.Quote(text)} is not a number; expected the share of the time point at risk in [0, 1].");
                }
                else
                {
                    stored = v == 0 ? 0f : (float)PanelCells.Stored(v);
                }

                values[(lines.Count * width) + k] = stored;
            }

            lines.Add(reader.RecordLine);
        }

        return new WideExposure(path, rowOf, values, lines, width);
    }

    /// <summary>Row of <paramref name="personId"/>, or -1 when the exposure file lacks the person.</summary>
    public int RowOf(string personId)
    {
        if (!_rowOf.TryGetValue(personId, out var row))
        {
            return -1;
        }

        _used[row] = true;
        return row;
    }

    /// <summary>Exposure of a row at the k-th time point (NaN when missing).</summary>
    public float Value(int row, int k) => _values[(row * _width) + k];

    /// <summary>Line of a row in the exposure file.</summary>
    public long LineOf(int row) => _lines[row];

    /// <summary>Throws when a person of the exposure file never appeared in the count file (a sign of misaligned files).</summary>
    public void CheckAllUsed()
    {
        var row = Array.IndexOf(_used, false);
        if (row >= 0)
        {
            var id = _rowOf.First(kv => kv.Value == row).Key;
            throw new InputException(FileName, _lines[row], null, $"person {MessageText.Quote(id)} is not in the count file; the exposure file must have the same persons.");
        }
    }

    private static string Join(double[] times) =>
        times.Length <= 8
            ? string.Join(",", times.Select(PanelCells.Show))
            : $"{PanelCells.Show(times[0])}…{PanelCells.Show(times[^1])}, {times.Length} columns";
}
