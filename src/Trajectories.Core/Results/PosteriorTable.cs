namespace Trajectories.Core.Results;

/// <summary>Posterior group probabilities of every person, in the panel's original person order.</summary>
/// <remarks>
/// Persons with identical data have identical posteriors, so the table keeps one row per distinct row of data and a
/// person → row map that every fit on the same prepared panel shares: a selection grid of 36 models on 5 M persons
/// then holds 36 small tables and one map, not 36 copies of persons × groups.
/// </remarks>
public sealed class PosteriorTable
{
    private readonly double[] _probabilities;
    private readonly int[]? _personRow;
    private readonly byte[] _modal;

    /// <summary>Creates the table from row-major persons × groups probabilities.</summary>
    public PosteriorTable(IReadOnlyList<string> personIds, int groups, double[] probabilities)
        : this(personIds, groups, probabilities, null)
    {
    }

    /// <summary>
    /// Creates the table from row-major rows × groups probabilities and each person's row
    /// (<paramref name="personRow"/>, shared, not copied: do not mutate it); null maps person i to row i.
    /// </summary>
    public PosteriorTable(IReadOnlyList<string> personIds, int groups, double[] probabilities, int[]? personRow)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (groups < 1 || groups > byte.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(groups), groups, "a posterior table has 1 to 255 groups.");
        }

        if (personRow is null ? probabilities.Length != personIds.Count * groups : personRow.Length != personIds.Count || probabilities.Length % groups != 0)
        {
            throw new ArgumentException("probabilities must have persons × groups entries (rows × groups with a person → row map of one entry per person).", nameof(probabilities));
        }

        PersonIds = personIds;
        Groups = groups;
        _probabilities = probabilities;
        _personRow = personRow;
        var rows = probabilities.Length / groups;
        _modal = new byte[rows];
        for (var r = 0; r < rows; r++)
        {
            var best = 0;
            for (var g = 1; g < groups; g++)
            {
                if (probabilities[(r * groups) + g] > probabilities[(r * groups) + best])
                {
                    best = g;
                }
            }

            _modal[r] = (byte)(best + 1);
        }
    }

    /// <summary>Person ids in original order.</summary>
    public IReadOnlyList<string> PersonIds { get; }

    /// <summary>Number of groups.</summary>
    public int Groups { get; }

    /// <summary>Number of persons.</summary>
    public int Count => PersonIds.Count;

    /// <summary>P(group <paramref name="group"/> | data of person <paramref name="person"/>); group is 1-based.</summary>
    public double Probability(int person, int group) => _probabilities[(RowOf(person) * Groups) + group - 1];

    /// <summary>The probabilities of one person (groups 1…K).</summary>
    public ReadOnlySpan<double> Row(int person) => _probabilities.AsSpan(RowOf(person) * Groups, Groups);

    /// <summary>The modal (1-based) group of a person; ties go to the lower group.</summary>
    public int ModalGroup(int person) => _modal[RowOf(person)];

    private int RowOf(int person) => _personRow is null ? person : _personRow[person];
}
