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

    /// <summary>Per chunk of <see cref="EStepKernel.ChunkRows"/> rows: the partial sums of <see cref="EStepKernel.RunChunks"/>.</summary>
    internal PartialSums Chunks { get; } = new();

    /// <summary>Per block of <see cref="EStepKernel.BlockChunks"/> chunks: the chunks' sums added up (or a sharded E-step's shards').</summary>
    internal PartialSums Blocks { get; } = new();

    /// <summary>Sizes the chunk buffers.</summary>
    internal void EnsureChunks(int chunks, int coverLength, int cellLength) =>
        Chunks.Ensure(chunks, Groups, FrailtyLog.Length > 0, coverLength, cellLength);

    /// <summary>Sizes the block buffers.</summary>
    internal void EnsureBlocks(int blocks, int coverLength, int cellLength) =>
        Blocks.Ensure(blocks, Groups, FrailtyLog.Length > 0, coverLength, cellLength);
}
