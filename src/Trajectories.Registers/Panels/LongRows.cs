using Trajectories.Core.Panels;
using Trajectories.Registers.Io;

namespace Trajectories.Registers.Panels;

/// <summary>
/// Collects validated long rows (person, time, count, exposure) in any order and builds the panel: persons in
/// order of first appearance, times ascending within a person, duplicate (person, time) rejected.
/// </summary>
/// <remarks>
/// Rows are kept in flat arrays (no per-row objects) and ordered with one sort of 64-bit keys, so the cost is a
/// few dozen bytes per row. Each row remembers where it came from (a line of a CSV, a row of a Parquet file) so a
/// duplicate can be reported at both places.
/// </remarks>
internal sealed class LongRows
{
    private readonly string _file;
    private readonly bool _rowsNotLines;
    private readonly Dictionary<string, int> _personOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _personLookup;
    private readonly List<string> _ids = new();
    private readonly Dictionary<double, int> _timeSlot = new();
    private readonly List<double> _slotTime = new();
    private int[] _person = new int[1024];
    private int[] _slot = new int[1024];
    private double[] _count = new double[1024];
    private float[]? _exposure;
    private long[] _where = new long[1024];
    private int _n;
    private int _lastPerson = -1;
    private int _lastSlot = -1;

    /// <summary>Creates a collector for rows of <paramref name="file"/>.</summary>
    /// <param name="file">File name for messages.</param>
    /// <param name="hasExposure">Whether rows carry an exposure.</param>
    /// <param name="rowsNotLines">True when positions are data rows (Parquet) rather than file lines (CSV).</param>
    public LongRows(string file, bool hasExposure, bool rowsNotLines)
    {
        _file = file;
        _rowsNotLines = rowsNotLines;
        _personLookup = _personOf.GetAlternateLookup<ReadOnlySpan<char>>();
        if (hasExposure)
        {
            _exposure = new float[1024];
        }
    }

    /// <summary>
    /// An error at a position: a CSV line is reported as the line; a Parquet row has no line, so its 1-based row
    /// number is named in the message instead.
    /// </summary>
    public InputException Error(long where, string? column, string problem) =>
        _rowsNotLines
            ? new InputException(_file, null, column, $"row {where}: {problem}")
            : new InputException(_file, where, column, problem);

    /// <summary>Adds one row; the values must already be validated (the outcome by its rule, exposure in [0, 1], 0 only with outcome 0).</summary>
    public void Add(string personId, double time, double count, double exposure, long where) =>
        Add(personId.AsSpan(), time, count, exposure, where);

    /// <summary>
    /// Adds one row with the person id as a span (a CSV field): the id is only copied into a string the first time it
    /// is seen, and a row of the same person as the row before (the usual layout) needs no look-up at all.
    /// </summary>
    public void Add(ReadOnlySpan<char> personId, double time, double count, double exposure, long where)
    {
        int person;
        if (_lastPerson >= 0 && personId.SequenceEqual(_ids[_lastPerson]))
        {
            person = _lastPerson;
        }
        else if (!_personLookup.TryGetValue(personId, out person))
        {
            var id = personId.ToString();
            person = _ids.Count;
            _personOf.Add(id, person);
            _ids.Add(id);
        }

        _lastPerson = person;
        var slot = _lastSlot + 1;
        if (slot >= _slotTime.Count || !_slotTime[slot].Equals(time))
        {
            // Not the next time of the last row (rows of a person in time order): look the time up.
            if (!_timeSlot.TryGetValue(time, out slot))
            {
                slot = _slotTime.Count;
                _timeSlot.Add(time, slot);
                _slotTime.Add(time);
            }
        }

        _lastSlot = slot;

        if (_n == _count.Length)
        {
            var size = checked(_n * 2);
            Array.Resize(ref _person, size);
            Array.Resize(ref _slot, size);
            Array.Resize(ref _count, size);
            Array.Resize(ref _where, size);
            if (_exposure is not null)
            {
                Array.Resize(ref _exposure, size);
            }
        }

        _person[_n] = person;
        _slot[_n] = slot;
        _count[_n] = count;
        _where[_n] = where;
        if (_exposure is not null)
        {
            _exposure[_n] = exposure == 0 ? 0f : (float)PanelCells.Stored(exposure);
        }

        _n++;
    }

    /// <summary>Builds the panel; <paramref name="format"/> and <paramref name="source"/> describe the input.</summary>
    public LoadedPanel Build(PanelFormat format, string source)
    {
        if (_n == 0)
        {
            throw new InputException(_file, null, null, "the file has no data rows; the panel would be empty.");
        }

        // Rank the time slots so the sort key orders times ascending within a person.
        var times = _slotTime.ToArray();
        if (times.Length > CountPanel.MaxTimes)
        {
            throw new InputException(_file, null, "time", $"the file has {times.Length} distinct time values; at most {CountPanel.MaxTimes} time points are supported.");
        }

        var rankOfSlot = new int[times.Length];
        var bySlot = Enumerable.Range(0, times.Length).ToArray();
        Array.Sort((double[])times.Clone(), bySlot);
        for (var r = 0; r < bySlot.Length; r++)
        {
            rankOfSlot[bySlot[r]] = r;
        }

        var keys = new long[_n];
        var order = new int[_n];
        for (var i = 0; i < _n; i++)
        {
            keys[i] = ((long)_person[i] * times.Length) + rankOfSlot[_slot[i]];
            order[i] = i;
        }

        // Rows usually come sorted by person and time already: then the sort is skipped.
        var sorted = true;
        for (var i = 1; i < _n && sorted; i++)
        {
            sorted = keys[i] > keys[i - 1];
        }

        if (!sorted)
        {
            Array.Sort(keys, order);
        }

        var builder = new CountPanelBuilder(times, _n);
        var current = -1;
        var dropped = 0;
        for (var j = 0; j < _n; j++)
        {
            var i = order[j];
            if (j > 0 && keys[j] == keys[j - 1])
            {
                var (first, second) = Ordered(_where[order[j - 1]], _where[i]);
                throw Error(second, "time", $"person {MessageText.Quote(_ids[_person[i]])} has a second row for time {PanelCells.Show(times[_slot[i]])} (the first is at {(_rowsNotLines ? "row" : "line")} {first}).");
            }

            var e = _exposure is null ? 1.0 : _exposure[i];
            if (e == 0)
            {
                // Not at risk with a zero count: no information, treated as missing (see PanelCells).
                continue;
            }

            var person = _person[i];
            if (person != current)
            {
                dropped += person - current - 1;
                current = person;
                builder.BeginPerson(_ids[person]);
            }

            builder.Add(times[_slot[i]], _count[i], e);
        }

        dropped += _ids.Count - current - 1;
        if (builder.PersonCount == 0)
        {
            throw new InputException(_file, null, null, "no row is observed (every row has exposure 0); the panel would be empty.");
        }

        return new LoadedPanel(PanelTimes.DropUnused(builder.Build()), format, source, dropped);
    }

    private static (long First, long Second) Ordered(long a, long b) => a < b ? (a, b) : (b, a);
}
