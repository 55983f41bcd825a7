namespace Trajectories.Core.Panels;

/// <summary>
/// Builds a <see cref="CountPanel"/> one person at a time, on a fixed time grid, without per-person objects.
/// </summary>
/// <remarks>
/// Callers add a person with <see cref="BeginPerson"/>, then its observations in ascending time order with
/// <see cref="Add"/>. Input checks throw <see cref="ArgumentException"/> with a message naming the person and
/// time, so readers can wrap them into file/row/column errors.
/// </remarks>
public sealed class CountPanelBuilder
{
    private readonly double[] _times;
    private readonly Dictionary<double, short> _timeToIndex;
    private readonly List<string> _ids = new();
    private readonly List<int> _rowStart = new() { 0 };
    private short[] _timeIndex;
    private double[] _values;
    private float[]? _exposure;
    private int _n;
    private int _lastTimeIndex = -1;
    private bool _anyExposure;

    /// <summary>Creates a builder on the given time grid (distinct values, any order; stored ascending).</summary>
    public CountPanelBuilder(IEnumerable<double> times, int capacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(times);
        _times = times.Distinct().OrderBy(t => t).ToArray();
        if (_times.Length == 0)
        {
            throw new ArgumentException("the time grid is empty.", nameof(times));
        }

        if (_times.Length > CountPanel.MaxTimes)
        {
            throw new ArgumentException("too many distinct time points.", nameof(times));
        }

        if (_times.Any(t => !double.IsFinite(t)))
        {
            throw new ArgumentException("time values must be finite.", nameof(times));
        }

        _timeToIndex = new Dictionary<double, short>(_times.Length);
        for (short i = 0; i < _times.Length; i++)
        {
            _timeToIndex[_times[i]] = i;
        }

        capacity = Math.Max(16, capacity);
        _timeIndex = new short[capacity];
        _values = new double[capacity];
    }

    /// <summary>The time grid, ascending.</summary>
    public IReadOnlyList<double> Times => _times;

    /// <summary>Number of persons added so far.</summary>
    public int PersonCount => _ids.Count;

    /// <summary>Starts a new person; its observations follow with <see cref="Add"/>.</summary>
    public void BeginPerson(string personId)
    {
        ArgumentNullException.ThrowIfNull(personId);
        if (_ids.Count > 0)
        {
            _rowStart.Add(_n);
        }

        _ids.Add(personId);
        _lastTimeIndex = -1;
    }

    /// <summary>Index of <paramref name="time"/> on the grid, or -1 when it is not on it.</summary>
    public int IndexOf(double time) => _timeToIndex.TryGetValue(time, out var i) ? i : -1;

    /// <summary>
    /// Adds one observation of the current person. Times must increase strictly within a person; the value must be
    /// finite (whether it suits a family — a count, 0/1, within censoring bounds — is the family's check).
    /// </summary>
    public void Add(double time, double value, double exposure = 1.0)
    {
        if (_ids.Count == 0)
        {
            throw new InvalidOperationException("BeginPerson must be called before Add.");
        }

        var id = _ids[^1];
        if (!_timeToIndex.TryGetValue(time, out var ti))
        {
            throw new ArgumentException($"person '{id}': time {time} is not on the panel's time grid.");
        }

        if (ti <= _lastTimeIndex)
        {
            throw new ArgumentException($"person '{id}': time {time} is repeated or out of order.");
        }

        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"person '{id}', time {time}: value {value} is not a finite number.");
        }

        if (!(exposure > 0.0 && exposure <= 1.0))
        {
            throw new ArgumentException($"person '{id}', time {time}: exposure {exposure} is outside (0, 1].");
        }

        Grow();
        _timeIndex[_n] = ti;
        _values[_n] = value;
        if (exposure != 1.0)
        {
            EnsureExposure();
            _anyExposure = true;
        }

        if (_exposure is not null)
        {
            _exposure[_n] = (float)exposure;
        }

        _lastTimeIndex = ti;
        _n++;
    }

    /// <summary>Finishes the panel. The builder must not be used afterwards.</summary>
    public CountPanel Build()
    {
        var rowStart = new int[_ids.Count + 1];
        for (var i = 1; i < _ids.Count; i++)
        {
            rowStart[i] = _rowStart[i];
        }

        rowStart[_ids.Count] = _n;
        return new CountPanel(
            _ids.ToArray(),
            _times,
            rowStart,
            _timeIndex.AsSpan(0, _n).ToArray(),
            _values.AsSpan(0, _n).ToArray(),
            _anyExposure ? _exposure!.AsSpan(0, _n).ToArray() : null);
    }

    private void Grow()
    {
        if (_n < _values.Length)
        {
            return;
        }

        var size = _values.Length * 2;
        Array.Resize(ref _timeIndex, size);
        Array.Resize(ref _values, size);
        if (_exposure is not null)
        {
            var old = _exposure.Length;
            Array.Resize(ref _exposure, size);
            _exposure.AsSpan(old).Fill(1f);
        }
    }

    private void EnsureExposure()
    {
        if (_exposure is not null)
        {
            return;
        }

        _exposure = new float[_values.Length];
        _exposure.AsSpan().Fill(1f);
    }
}
