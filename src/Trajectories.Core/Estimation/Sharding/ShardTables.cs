namespace Trajectories.Core.Estimation.Sharding;

/// <summary>
/// The E-step tables of one shard: the entries of the whole tables at the shard's own cells (its baselines, then
/// <see cref="LayoutShard.GlobalCells"/>), with the prefix sums and shape terms, which every shard needs whole. What the
/// coordinator sends a shard for each E-step instead of ψ, so a shard needs neither the model nor the cells' values.
/// </summary>
public sealed class ShardTables : EStepTables
{
    /// <summary>Tables from their parts (as gathered, or as received).</summary>
    /// <exception cref="ArgumentException">The arrays do not fit <paramref name="groups"/> × <paramref name="time"/>.</exception>
    public ShardTables(
        int groups, int time, bool prefixExact, double[] full, double[] diff, double[] prefix, double[] rateFull, double[] rateDiff, double[] ratePrefix,
        double[] shape, double[] logTerms, double[] harmonic)
        : base(groups, time)
    {
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(rateFull);
        ArgumentNullException.ThrowIfNull(rateDiff);
        ArgumentNullException.ThrowIfNull(ratePrefix);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(logTerms);
        ArgumentNullException.ThrowIfNull(harmonic);
        var frailty = shape.Length > 0;
        if (groups < 1 || full.Length % groups != 0 || full.Length < time * groups || diff.Length != full.Length || prefix.Length != (time + 1) * groups
            || (frailty && (shape.Length != groups || rateFull.Length != full.Length || rateDiff.Length != full.Length
                || ratePrefix.Length != prefix.Length || logTerms.Length % groups != 0 || harmonic.Length != logTerms.Length)))
        {
            throw new ArgumentException("the shard's tables do not fit their groups and time points.", nameof(full));
        }

        PrefixExact = prefixExact;
        Full = full;
        Diff = diff;
        Prefix = prefix;
        HasFrailty = frailty;
        RateFull = rateFull;
        RateDiff = rateDiff;
        RatePrefix = ratePrefix;
        Shape = shape;
        LogTerms = logTerms;
        Harmonic = harmonic;
    }

    /// <summary>
    /// The entries of <paramref name="tables"/> a shard with non-baseline cells <paramref name="globalCells"/> reads:
    /// the same doubles, so the shard's E-step gives the same bits as the whole one.
    /// </summary>
    public static ShardTables Gather(EStepTables tables, int[] globalCells)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(globalCells);
        var frailty = tables.HasFrailty;
        return new ShardTables(
            tables.Groups, tables.Time, tables.PrefixExact, Cells(tables.Full, tables, globalCells), Cells(tables.Diff, tables, globalCells),
            tables.Prefix.ToArray(), frailty ? Cells(tables.RateFull, tables, globalCells) : [], frailty ? Cells(tables.RateDiff, tables, globalCells) : [],
            tables.RatePrefix.ToArray(), tables.Shape.ToArray(), tables.LogTerms.ToArray(), tables.Harmonic.ToArray());
    }

    private static double[] Cells(double[] source, EStepTables tables, int[] globalCells)
    {
        var groups = tables.Groups;
        var baselines = tables.Time * groups;
        var result = new double[baselines + (globalCells.Length * groups)];
        Array.Copy(source, result, baselines);
        for (var k = 0; k < globalCells.Length; k++)
        {
            Array.Copy(source, globalCells[k] * groups, result, baselines + (k * groups), groups);
        }

        return result;
    }
}
