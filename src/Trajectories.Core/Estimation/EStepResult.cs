namespace Trajectories.Core.Estimation;

/// <summary>
/// The sufficient statistics of one E-step (<see cref="IEStepBackend"/>): the log-likelihood, the posteriors, the
/// posterior weight of every cell in every group (the M-step's and gradient's data) and of every group (the membership
/// sums). Reusable buffers, allocated once per fit; no per-person objects.
/// </summary>
public sealed class EStepResult
{
    /// <summary>Allocates buffers for <paramref name="rows"/> rows, <paramref name="cells"/> cells and <paramref name="groups"/> groups.</summary>
    public EStepResult(int rows, int cells, int groups)
    {
        Groups = groups;
        Posteriors = new double[rows * groups];
        CellWeights = new double[cells * groups];
        GroupSums = new double[groups];
    }

    /// <summary>Number of groups.</summary>
    public int Groups { get; }

    /// <summary>Posterior p_ig at index i·G + g.</summary>
    public double[] Posteriors { get; }

    /// <summary>Posterior weight of cell c in group g at index c·G + g.</summary>
    public double[] CellWeights { get; }

    /// <summary>Σ_rows weight · posterior of each group: the expected number of persons in it.</summary>
    public double[] GroupSums { get; }

    /// <summary>The full marginal log-likelihood (including the data constant).</summary>
    public double LogLikelihood { get; internal set; }

    internal double[] ChunkLogLikelihood { get; private set; } = [];

    internal double[][] ChunkCover { get; private set; } = [];

    internal double[][] ChunkCells { get; private set; } = [];

    internal double[][] ChunkGroups { get; private set; } = [];

    internal void EnsureChunks(int chunks, int coverLength, int cellLength)
    {
        if (ChunkLogLikelihood.Length != chunks || (chunks > 0 && ChunkCover[0].Length != coverLength))
        {
            ChunkLogLikelihood = new double[chunks];
            ChunkCover = new double[chunks][];
            ChunkGroups = new double[chunks][];
            for (var k = 0; k < chunks; k++)
            {
                ChunkCover[k] = new double[coverLength];
                ChunkGroups[k] = new double[Groups];
            }
        }

        if (cellLength == 0)
        {
            ChunkCells = [];
        }
        else if (ChunkCells.Length != chunks || (chunks > 0 && ChunkCells[0].Length != cellLength))
        {
            ChunkCells = new double[chunks][];
            for (var k = 0; k < chunks; k++)
            {
                ChunkCells[k] = new double[cellLength];
            }
        }
    }
}
