namespace Trajectories.Core.Results;

/// <summary>Posterior group probabilities of every person, in the panel's original person order.</summary>
public sealed class PosteriorTable
{
    private readonly double[] _probabilities;
    private readonly int[] _modal;

    /// <summary>Creates the table from row-major persons × groups probabilities.</summary>
    public PosteriorTable(IReadOnlyList<string> personIds, int groups, double[] probabilities)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Length != personIds.Count * groups)
        {
            throw new ArgumentException("probabilities must have persons × groups entries.", nameof(probabilities));
        }

        PersonIds = personIds;
        Groups = groups;
        _probabilities = probabilities;
        _modal = new int[personIds.Count];
        for (var i = 0; i < _modal.Length; i++)
        {
            var best = 0;
            for (var g = 1; g < groups; g++)
            {
                if (probabilities[(i * groups) + g] > probabilities[(i * groups) + best])
                {
                    best = g;
                }
            }

            _modal[i] = best + 1;
        }
    }

    /// <summary>Person ids in original order.</summary>
    public IReadOnlyList<string> PersonIds { get; }

    /// <summary>Number of groups.</summary>
    public int Groups { get; }

    /// <summary>Number of persons.</summary>
    public int Count => PersonIds.Count;

    /// <summary>P(group <paramref name="group"/> | data of person <paramref name="person"/>); group is 1-based.</summary>
    public double Probability(int person, int group) => _probabilities[(person * Groups) + group - 1];

    /// <summary>The probabilities of one person (groups 1…K).</summary>
    public ReadOnlySpan<double> Row(int person) => _probabilities.AsSpan(person * Groups, Groups);

    /// <summary>The modal (1-based) group of a person; ties go to the lower group.</summary>
    public int ModalGroup(int person) => _modal[person];
}
