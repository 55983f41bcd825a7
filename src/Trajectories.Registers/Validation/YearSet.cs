using Trajectories.Registers.Model;

namespace Trajectories.Registers.Validation;

/// <summary>
/// Which (person, year) pairs of one table were seen, to find duplicates with little memory: one 64-bit mask per
/// person when the year window has at most 64 years (8 bytes a person), else a hash set of pairs.
/// </summary>
internal sealed class YearSet
{
    private readonly YearRange _years;
    private readonly ulong[]? _masks;
    private readonly HashSet<long>? _pairs;
    private readonly HashSet<int>? _persons;

    public YearSet(YearRange years, int persons)
    {
        _years = years;
        if (years.Length <= 64)
        {
            _masks = new ulong[persons];
        }
        else
        {
            _pairs = new HashSet<long>();
            _persons = new HashSet<int>();
        }
    }

    /// <summary>Records (person, year), a year inside the window; false when it was already there.</summary>
    public bool Add(int person, int year)
    {
        if (_masks is not null)
        {
            var bit = 1UL << (year - _years.First);
            var had = (_masks[person] & bit) != 0;
            _masks[person] |= bit;
            return !had;
        }

        _persons!.Add(person);
        return _pairs!.Add(((long)person << 32) | (uint)year);
    }

    /// <summary>True when the person has at least one year.</summary>
    public bool Any(int person) => _masks is not null ? _masks[person] != 0 : _persons!.Contains(person);
}
