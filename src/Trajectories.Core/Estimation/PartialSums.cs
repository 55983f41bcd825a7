namespace Trajectories.Core.Estimation;

/// <summary>
/// The partial sums of an E-step per part (a chunk of rows, or a block of chunks): log-likelihood, coverage pair,
/// group sums, cell weights and frailty sums, each part's kept apart so they can be added in a fixed order. Buffers
/// are reused between E-steps of a fit.
/// </summary>
internal sealed class PartialSums
{
    /// <summary>Per part: Σ weight · log f (without the data constant).</summary>
    public double[] LogLikelihood { get; private set; } = [];

    /// <summary>Per part: the coverage pair, sums then their rounding errors (2 · (T + 1) · G values).</summary>
    public double[][] Cover { get; private set; } = [];

    /// <summary>Per part: Σ weight · posterior of each group.</summary>
    public double[][] Groups { get; private set; } = [];

    /// <summary>Per part: the cell weights, cells × G; no parts when the E-step scatters the posteriors instead.</summary>
    public double[][] Cells { get; private set; } = [];

    /// <summary>Frailty models: per part, the excess and log sums of each group (2G values; empty otherwise).</summary>
    public double[][] Frailty { get; private set; } = [];

    /// <summary>Sizes the buffers for <paramref name="parts"/> parts, allocating only what changed.</summary>
    public void Ensure(int parts, int groups, bool frailty, int coverLength, int cellLength)
    {
        if (LogLikelihood.Length != parts || (parts > 0 && Cover[0].Length != coverLength))
        {
            LogLikelihood = new double[parts];
            Cover = new double[parts][];
            Groups = new double[parts][];
            Frailty = new double[parts][];
            for (var k = 0; k < parts; k++)
            {
                Cover[k] = new double[coverLength];
                Groups[k] = new double[groups];
                Frailty[k] = frailty ? new double[2 * groups] : [];
            }
        }

        if (cellLength == 0)
        {
            Cells = [];
        }
        else if (Cells.Length != parts || (parts > 0 && Cells[0].Length != cellLength))
        {
            Cells = new double[parts][];
            for (var k = 0; k < parts; k++)
            {
                Cells[k] = new double[cellLength];
            }
        }
    }
}
