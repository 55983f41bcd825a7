using Trajectories.Core.Membership;

namespace Trajectories.Core.Estimation.Sharding;

/// <summary>
/// A contiguous block of a <see cref="CellLayout"/>'s rows, self-contained for the E-step: the rows' weights, windows,
/// totals and cell lists over a catalogue of the shard's own cells, and their membership covariates. The shard keeps
/// none of the whole layout: its cells are numbered locally (the baselines 0 … T−1 first, then the cells its rows use,
/// in order of first use), and <see cref="GlobalCells"/> maps them back.
/// </summary>
/// <remarks>
/// A shard starts at a multiple of <see cref="EStepKernel.BlockRows"/>, so its chunks and blocks are those of the whole
/// layout: the E-step computes each block's partial sums on the shard exactly as it would locally, and the coordinator
/// reduces them in block order (<see cref="ShardedEStep"/>).
/// </remarks>
public sealed class LayoutShard
{
    /// <summary>A shard from its parts (as cut, or as read back from its files).</summary>
    /// <exception cref="ArgumentException">The parts do not fit together.</exception>
    public LayoutShard(
        int firstRow, int timeCount, double[] weights, short[] windowStart, short[] windowEnd, int[] listStart, int[] cells, double[] rowTotal,
        short[] cellTime, int[] globalCells, int membershipWidth, double[] membershipRows)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(windowStart);
        ArgumentNullException.ThrowIfNull(windowEnd);
        ArgumentNullException.ThrowIfNull(listStart);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(rowTotal);
        ArgumentNullException.ThrowIfNull(cellTime);
        ArgumentNullException.ThrowIfNull(globalCells);
        ArgumentNullException.ThrowIfNull(membershipRows);
        var n = weights.Length;
        if (firstRow < 0 || firstRow % EStepKernel.BlockRows != 0)
        {
            throw new ArgumentException($"a shard starts at a multiple of {EStepKernel.BlockRows} rows, not at {firstRow}.", nameof(firstRow));
        }

        if (windowStart.Length != n || windowEnd.Length != n || rowTotal.Length != n || listStart.Length != n + 1
            || listStart[0] != 0 || listStart[n] != cells.Length)
        {
            throw new ArgumentException("the shard's row arrays do not have one entry per row.", nameof(weights));
        }

        if (cellTime.Length != timeCount + globalCells.Length || cells.Any(c => c < 0 || c >= cellTime.Length))
        {
            throw new ArgumentException("the shard's cells do not match its cell catalogue.", nameof(cells));
        }

        if (membershipWidth > 0 && membershipRows.Length != n * membershipWidth)
        {
            throw new ArgumentException("the shard's membership covariates do not have one row per row.", nameof(membershipRows));
        }

        FirstRow = firstRow;
        TimeCount = timeCount;
        Weights = weights;
        WindowStart = windowStart;
        WindowEnd = windowEnd;
        ListStart = listStart;
        Cells = cells;
        RowTotal = rowTotal;
        CellTime = cellTime;
        GlobalCells = globalCells;
        MembershipWidth = membershipWidth;
        MembershipRows = membershipRows;
    }

    /// <summary>The whole layout's index of the shard's first row (a multiple of <see cref="EStepKernel.BlockRows"/>).</summary>
    public int FirstRow { get; }

    /// <summary>Number of time points T.</summary>
    public int TimeCount { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => Weights.Length;

    /// <summary>Weight (persons) of each row.</summary>
    public double[] Weights { get; }

    /// <summary>Window start of each windowed row (see <see cref="CellLayout.WindowStart"/>).</summary>
    public short[] WindowStart { get; }

    /// <summary>Window end of each windowed row, 0 for a row with gaps.</summary>
    public short[] WindowEnd { get; }

    /// <summary>CSR offsets into <see cref="Cells"/> per row (length rows + 1).</summary>
    public int[] ListStart { get; }

    /// <summary>Each row's listed cells, in the shard's numbering.</summary>
    public int[] Cells { get; }

    /// <summary>Σ y of each row (the frailty's sufficient statistic).</summary>
    public double[] RowTotal { get; }

    /// <summary>Time index of each of the shard's cells (baselines 0 … T−1 first).</summary>
    public short[] CellTime { get; }

    /// <summary>The whole layout's index of each of the shard's non-baseline cells (shard cell T + k is <c>GlobalCells[k]</c>).</summary>
    public int[] GlobalCells { get; }

    /// <summary>Covariates per row of the membership model (0 for constant shares).</summary>
    public int MembershipWidth { get; }

    /// <summary>The membership covariates, rows × <see cref="MembershipWidth"/> (empty for constant shares).</summary>
    public double[] MembershipRows { get; }

    /// <summary>The number of the shard's cells: T baselines and its non-baseline cells.</summary>
    public int CellCount => CellTime.Length;

    /// <summary>
    /// Cuts rows [<paramref name="firstRow"/>, <paramref name="firstRow"/> + <paramref name="rowCount"/>) out of
    /// <paramref name="layout"/>, with their covariates of <paramref name="membership"/>.
    /// </summary>
    public static LayoutShard Cut(CellLayout layout, IMembershipModel membership, int firstRow, int rowCount)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(membership);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        if (firstRow < 0 || firstRow + rowCount > layout.RowCount)
        {
            throw new ArgumentOutOfRangeException(nameof(firstRow), $"rows {firstRow} … {firstRow + rowCount} are not within the layout's {layout.RowCount}.");
        }

        var time = layout.TimeCount;
        var local = new Dictionary<int, int>();
        var global = new List<int>();
        var cellTime = new List<short>();
        for (short t = 0; t < time; t++)
        {
            cellTime.Add(t);
        }

        var offset = layout.ListStart[firstRow];
        var length = layout.ListStart[firstRow + rowCount] - offset;
        var cells = new int[length];
        for (var j = 0; j < length; j++)
        {
            var c = layout.Cells[offset + j];
            if (c < time)
            {
                cells[j] = c;
                continue;
            }

            if (!local.TryGetValue(c, out var l))
            {
                l = time + global.Count;
                local.Add(c, l);
                global.Add(c);
                cellTime.Add(layout.CellTime[c]);
            }

            cells[j] = l;
        }

        var listStart = new int[rowCount + 1];
        for (var i = 0; i <= rowCount; i++)
        {
            listStart[i] = layout.ListStart[firstRow + i] - offset;
        }

        var width = membership.IsConstant ? 0 : membership.Width;
        var rows = new double[rowCount * width];
        for (var i = 0; i < rowCount && width > 0; i++)
        {
            membership.Row(firstRow + i).CopyTo(rows.AsSpan(i * width, width));
        }

        return new LayoutShard(
            firstRow, time, layout.Weights.AsSpan(firstRow, rowCount).ToArray(), layout.WindowStart.AsSpan(firstRow, rowCount).ToArray(),
            layout.WindowEnd.AsSpan(firstRow, rowCount).ToArray(), listStart, cells, layout.RowTotal.AsSpan(firstRow, rowCount).ToArray(),
            cellTime.ToArray(), global.ToArray(), width, rows);
    }

    /// <summary>
    /// Cuts <paramref name="layout"/> into at most <paramref name="shards"/> shards of whole blocks, as even as blocks
    /// allow (fewer when the layout has fewer blocks; one, possibly empty, for an empty layout).
    /// </summary>
    public static LayoutShard[] Split(CellLayout layout, IMembershipModel membership, int shards)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        var blocks = EStepKernel.BlockCount(layout);
        var count = Math.Max(1, Math.Min(shards, blocks));
        var result = new LayoutShard[count];
        for (var k = 0; k < count; k++)
        {
            var first = (int)((long)blocks * k / count) * EStepKernel.BlockRows;
            var end = Math.Min(layout.RowCount, (int)((long)blocks * (k + 1) / count) * EStepKernel.BlockRows);
            result[k] = Cut(layout, membership, first, end - first);
        }

        return result;
    }

    /// <summary>The shard's rows as a layout the E-step kernel runs on.</summary>
    public CellLayout Layout() => new(TimeCount, Weights, WindowStart, WindowEnd, ListStart, Cells, RowTotal, CellTime);

    /// <summary>The membership model bound to the shard's rows.</summary>
    public IMembershipModel Membership() =>
        MembershipWidth == 0 ? ConstantMembership.Instance : new CovariateMembership(MembershipRows, MembershipWidth);
}
