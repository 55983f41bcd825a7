using FsCheck;
using FsCheck.Xunit;
using Trajectories.Analysis.Statistics;

namespace Trajectories.Analysis.Tests.Statistics;

/// <summary>The k×2 network algorithm against R's fisher.test (reference/references.R, "ffh k2 …"; the last of Matches_R is "ffh k2 rare 2") and against full enumeration.</summary>
public sealed class FisherFreemanHaltonKx2Tests
{
    [Theory]
    [InlineData(new long[] { 5, 120, 2, 150, 1, 95, 0, 60 }, 0.28297001168211872)]
    [InlineData(new long[] { 3, 222, 12, 163, 2, 133, 9, 86 }, 0.00054956504609933953)]
    [InlineData(new long[] { 1, 224, 3, 172, 0, 135, 4, 91 }, 0.017784941038856892)]
    [InlineData(new long[] { 10, 215, 4, 171, 6, 129, 0, 95, 3, 60 }, 0.14185049554973037)]
    [InlineData(new long[] { 40, 2000, 25, 1500, 3, 900, 1, 600 }, 2.5613304099777193e-05)]
    [InlineData(new long[] { 0, 50, 0, 60, 1, 70, 4, 30, 2, 40, 0, 20 }, 0.0085950634875299366)]
    [InlineData(new long[] { 2, 598, 1, 399, 0, 300, 6, 194, 3, 97, 0, 150, 1, 49 }, 0.00027484884164237023)]
    [InlineData(new long[] { 2, 3998, 1, 2999, 9, 1991, 0, 1000, 3, 597, 7, 393 }, 1.2981279379004785e-08)]
    public void Matches_R(long[] cells, double expected)
    {
        var (events, sizes) = Split(cells);
        Close.Rel(expected, FisherFreemanHaltonKx2.TryTest(events, sizes)!.PValue, 1e-9);
    }

    [Theory]
    [InlineData(new long[] { 12, 15, 4, 14, 9, 6 }, new long[] { 3000, 2500, 2000, 1500, 1000, 500 }, 0.0054591270431624999)]
    public void Is_exact_where_full_enumeration_gives_up(long[] events, long[] sizes, double expected)
    {
        // Six groups and a rare outcome (smallest expected count below 5, so the chooser wants an exact test): millions
        // of tables share the margins, past the enumerator's cap. R: "ffh k2 rare 1" in references.R.
        var table = new long[events.Length, 2];
        for (var i = 0; i < events.Length; i++)
        {
            (table[i, 0], table[i, 1]) = (events[i], sizes[i] - events[i]);
        }

        Assert.Null(FisherFreemanHaltonExact.TryTest(table));
        var network = FisherFreemanHaltonKx2.TryTest(events, sizes)!;
        Close.Rel(expected, network.PValue, 1e-9);
        Assert.Equal(network.PValue, ContingencyTests.Independence(table).PValue);
    }

    [Fact]
    public void The_chooser_uses_it_for_sparse_k_by_2_tables_either_way_round()
    {
        var rows = ContingencyTests.Independence(new long[,] { { 3, 222 }, { 12, 163 }, { 2, 133 }, { 9, 86 } });
        var columns = ContingencyTests.Independence(new long[,] { { 3, 12, 2, 9 }, { 222, 163, 133, 86 } });
        Close.Rel(0.00054956504609933953, rows.PValue, 1e-9);
        Assert.Equal(rows.PValue, columns.PValue);
        Assert.Contains(rows.Notes, n => n.Contains("network algorithm", StringComparison.Ordinal));
    }

    [Fact]
    public void Gives_up_when_the_search_is_capped()
    {
        var (events, sizes) = Split([3, 222, 12, 163, 2, 133, 9, 86]);
        Assert.Null(FisherFreemanHaltonKx2.TryTest(events, sizes, maxNodes: 2));
    }

    [Property(MaxTest = 200)]
    public bool Equals_full_enumeration(PositiveInt[] raw)
    {
        var groups = Math.Clamp(raw.Length, 2, 5);
        var sizes = Enumerable.Range(0, groups).Select(i => 1 + (long)(raw.ElementAtOrDefault(i)?.Get ?? 3) % 25).ToArray();
        var events = sizes.Select((n, i) => (long)(raw.ElementAtOrDefault(groups + i)?.Get ?? 1) % (n + 1)).ToArray();
        var table = new long[groups, 2];
        for (var i = 0; i < groups; i++)
        {
            (table[i, 0], table[i, 1]) = (events[i], sizes[i] - events[i]);
        }

        var (clean, _) = ChiSquareTest.DropEmptyMargins(table);
        if (clean.GetLength(0) < 2 || clean.GetLength(1) < 2)
        {
            return true;
        }

        var full = FisherFreemanHaltonExact.TryTest(table)!.PValue;
        var network = FisherFreemanHaltonKx2.TryTest(events, sizes)!.PValue;
        return Math.Abs(full - network) <= 1e-10 * Math.Max(1e-300, full) + 1e-14;
    }

    private static (long[] Events, long[] Sizes) Split(long[] cells)
    {
        var events = new long[cells.Length / 2];
        var sizes = new long[cells.Length / 2];
        for (var i = 0; i < events.Length; i++)
        {
            (events[i], sizes[i]) = (cells[2 * i], cells[2 * i] + cells[(2 * i) + 1]);
        }

        return (events, sizes);
    }
}
