using Trajectories.Core.Membership;

namespace Trajectories.Core.Estimation;

/// <summary>
/// The sufficient statistics of one E-step (<see cref="IEStepBackend"/>): the log-likelihood, the posteriors, the
/// posterior weight of every cell in every group (the M-step's and gradient's data) and of every group (the membership
/// sums). Reusable buffers, allocated once per fit; no per-person objects.
/// </summary>
public sealed class EStepResult : IMembershipStatistics
{
    private readonly double[] _posteriors;
    private readonly Lock _fetching = new();
    private Action<double[]>? _pending;

    /// <summary>
    /// Allocates buffers for <paramref name="rows"/> rows, <paramref name="cells"/> cells and <paramref name="groups"/>
    /// groups; with <paramref name="frailty"/> also those of a person-level gamma frailty.
    /// </summary>
    public EStepResult(int rows, int cells, int groups, bool frailty = false)
    {
        Groups = groups;
        _posteriors = new double[rows * groups];
        CellWeights = new double[cells * groups];
        GroupSums = new double[groups];
        if (frailty)
        {
            FrailtyPosteriors = new double[rows * groups];
            FrailtyWeights = new double[cells * groups];
            FrailtyExcess = new double[groups];
            FrailtyLog = new double[groups];
            FrailtyShapeAt = new double[groups];
        }
    }

    /// <summary>Frailty models: p_ig · E(u | row i, group g) at index i·G + g (empty otherwise).</summary>
    public double[] FrailtyPosteriors { get; } = [];

    /// <summary>Frailty models: V[c, g] = Σ weight · p · E u over the observations in cell c (the rates' M-step weights).</summary>
    public double[] FrailtyWeights { get; } = [];

    /// <summary>Frailty models: Σ_rows weight · p_ig · (1 − E u) per group.</summary>
    public double[] FrailtyExcess { get; } = [];

    /// <summary>
    /// Frailty models: Σ_rows weight · p_ig · (E log u − ψ(a) + log a) per group, at the shape a of
    /// <see cref="FrailtyShapeAt"/> (see <see cref="Families.GammaFrailty.PosteriorLog"/>).
    /// </summary>
    public double[] FrailtyLog { get; } = [];

    /// <summary>Frailty models: the shape of each group at which the frailty sums were taken.</summary>
    public double[] FrailtyShapeAt { get; } = [];

    /// <summary>
    /// Frailty models: true when the posteriors were set from outside (a start's partition) and the frailty's
    /// posterior is taken to be its prior at the current shape, until the next E-step.
    /// </summary>
    public bool FrailtyFromPrior { get; internal set; }

    /// <summary>Number of groups.</summary>
    public int Groups { get; }

    /// <summary>
    /// Posterior p_ig at index i·G + g. After a sharded E-step that left them on its shards (nothing in the EM loop of a
    /// model with constant shares and few cells reads them) they are fetched here, on first reading; readers on other
    /// threads (the Hessian reads rows in parallel) wait until the fetch is complete.
    /// </summary>
    public double[] Posteriors
    {
        get
        {
            if (Volatile.Read(ref _pending) is not null)
            {
                lock (_fetching)
                {
                    if (_pending is { } fill)
                    {
                        fill(_posteriors);

                        // Released only once filled: a reader that sees no fetch pending sees the filled buffer.
                        Volatile.Write(ref _pending, null);
                    }
                }
            }

            return _posteriors;
        }
    }

    /// <inheritdoc/>
    ReadOnlySpan<double> IMembershipStatistics.Posteriors => Posteriors;

    /// <inheritdoc/>
    ReadOnlySpan<double> IMembershipStatistics.GroupSums => GroupSums;

    /// <summary>Whether the posteriors are still on the shards of a sharded E-step (fetched when read).</summary>
    public bool PosteriorsDeferred => Volatile.Read(ref _pending) is not null;

    /// <summary>The posteriors' buffer, for the code that writes them (reading it does not fetch deferred ones).</summary>
    internal double[] PosteriorsBuffer => _posteriors;

    /// <summary>Leaves the posteriors of the E-step just run to <paramref name="fill"/>, called on their first reading.</summary>
    internal void DeferPosteriors(Action<double[]> fill) => Volatile.Write(ref _pending, fill);

    /// <summary>Drops deferred posteriors: a new E-step or a partition is about to write them.</summary>
    internal void ForgetDeferred() => Volatile.Write(ref _pending, null);

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

    /// <summary>Frailty models: per chunk, the excess and log sums of each group (2G values).</summary>
    internal double[][] ChunkFrailty { get; private set; } = [];

    internal double[] BlockLogLikelihood { get; private set; } = [];

    internal double[][] BlockCover { get; private set; } = [];

    internal double[][] BlockGroups { get; private set; } = [];

    /// <summary>Per block: the cell weights (empty when the E-step scatters the posteriors instead).</summary>
    internal double[][] BlockCells { get; private set; } = [];

    internal double[][] BlockFrailty { get; private set; } = [];

    /// <summary>Block buffers of <see cref="EStepKernel.FoldBlocks"/> (or a sharded E-step's shards), kept between E-steps.</summary>
    internal void EnsureBlocks(int blocks, int coverLength, int cellLength)
    {
        if (BlockLogLikelihood.Length != blocks || (blocks > 0 && BlockCover[0].Length != coverLength))
        {
            BlockLogLikelihood = new double[blocks];
            BlockCover = new double[blocks][];
            BlockGroups = new double[blocks][];
            BlockFrailty = new double[blocks][];
            for (var b = 0; b < blocks; b++)
            {
                BlockCover[b] = new double[coverLength];
                BlockGroups[b] = new double[Groups];
                BlockFrailty[b] = FrailtyLog.Length == 0 ? [] : new double[2 * Groups];
            }
        }

        if (cellLength == 0)
        {
            BlockCells = [];
        }
        else if (BlockCells.Length != blocks || (blocks > 0 && BlockCells[0].Length != cellLength))
        {
            BlockCells = new double[blocks][];
            for (var b = 0; b < blocks; b++)
            {
                BlockCells[b] = new double[cellLength];
            }
        }
    }

    internal void EnsureChunks(int chunks, int coverLength, int cellLength)
    {
        if (ChunkLogLikelihood.Length != chunks || (chunks > 0 && ChunkCover[0].Length != coverLength))
        {
            ChunkLogLikelihood = new double[chunks];
            ChunkCover = new double[chunks][];
            ChunkGroups = new double[chunks][];
            ChunkFrailty = new double[chunks][];
            for (var k = 0; k < chunks; k++)
            {
                ChunkCover[k] = new double[coverLength];
                ChunkGroups[k] = new double[Groups];
                ChunkFrailty[k] = FrailtyLog.Length == 0 ? [] : new double[2 * Groups];
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
