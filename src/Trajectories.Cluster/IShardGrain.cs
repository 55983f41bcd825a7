using Trajectories.Core.Estimation.Sharding;

namespace Trajectories.Cluster;

/// <summary>
/// One shard of a sharded fit, held by a worker silo: loaded from its files on the first call, then answering E-step
/// calls for its rows (<see cref="EStepShard"/>). The key is the run and the shard's number; placement puts shard k on
/// the k-th live silo (<see cref="ShardPlacementAttribute"/>), so the shards of a run spread over the workers.
/// </summary>
[Alias("Trajectories.Cluster.IShardGrain")]
public interface IShardGrain : IGrainWithStringKey
{
    /// <summary>Runs one E-step call on the shard in <see cref="ShardCall.Folder"/>.</summary>
    [Alias("Run")]
    Task<ShardAnswer> Run(ShardCall call);

    /// <summary>Lets the activation go (and its shard's memory with it) once idle: the run is over.</summary>
    [Alias("Release")]
    Task Release();
}

/// <summary>An E-step call to a shard: where its files are, and the request (<see cref="ShardRequest"/>) as plain arrays.</summary>
[GenerateSerializer]
[Alias("Trajectories.Cluster.ShardCall")]
public sealed record ShardCall
{
    /// <summary>The shard's folder (<c>LayoutShardFiles</c>), at the same path on every worker.</summary>
    [Id(0)] public required string Folder { get; init; }

    /// <summary>Groups G.</summary>
    [Id(1)] public required int Groups { get; init; }

    /// <summary>Time points T.</summary>
    [Id(2)] public required int Time { get; init; }

    /// <summary><see cref="Core.Estimation.EStepTables.PrefixExact"/>.</summary>
    [Id(3)] public required bool PrefixExact { get; init; }

    /// <summary>The tables at the shard's cells, in the order of <see cref="ShardTables"/>'s constructor after the flag.</summary>
    [Id(4)] public required double[][] Tables { get; init; }

    /// <summary>The membership parameters.</summary>
    [Id(5)] public required double[] Theta { get; init; }

    /// <summary>What to compute.</summary>
    [Id(6)] public required ShardWork Work { get; init; }

    /// <summary>Whether chunks keep cell weights.</summary>
    [Id(7)] public required bool ChunkCells { get; init; }

    /// <summary>Whether a full call returns the rows' posteriors.</summary>
    [Id(8)] public required bool Posteriors { get; init; }

    /// <summary>The call for <paramref name="request"/> on the shard in <paramref name="folder"/>.</summary>
    public static ShardCall For(string folder, ShardRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var t = request.Tables;
        return new ShardCall
        {
            Folder = folder,
            Groups = t.Groups,
            Time = t.Time,
            PrefixExact = t.PrefixExact,
            Tables = [t.Full, t.Diff, t.Prefix, t.RateFull, t.RateDiff, t.RatePrefix, t.Shape, t.LogTerms, t.Harmonic],
            Theta = request.Theta,
            Work = request.Work,
            ChunkCells = request.ChunkCells,
            Posteriors = request.Posteriors,
        };
    }

    /// <summary>The request again, on the worker.</summary>
    public ShardRequest Request()
    {
        if (Tables.Length != 9)
        {
            throw new ArgumentException($"a shard call carries 9 tables, this one {Tables.Length}.");
        }

        var t = Tables;
        return new ShardRequest(new ShardTables(Groups, Time, PrefixExact, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8]), Theta, Work, ChunkCells, Posteriors);
    }
}

/// <summary>A shard's answer: its statistics, or why it cannot hold the shard (retrying will not help).</summary>
[GenerateSerializer]
[Alias("Trajectories.Cluster.ShardAnswer")]
public sealed record ShardAnswer
{
    /// <summary>The statistics (<see cref="ShardStatistics"/>, in the order of its constructor), when computed.</summary>
    [Id(0)] public double[][] Statistics { get; init; } = [];

    /// <summary>Why the worker cannot load the shard's files, when it cannot.</summary>
    [Id(1)] public string? LoadFailure { get; init; }

    /// <summary>The answer carrying <paramref name="statistics"/>.</summary>
    public static ShardAnswer Of(ShardStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var s = statistics;
        return new ShardAnswer { Statistics = [s.BlockLogLikelihood, s.Cover, s.Groups, s.Cells, s.Frailty, s.Posteriors, s.FrailtyPosteriors] };
    }

    /// <summary>The statistics again, on the coordinator.</summary>
    public ShardStatistics ToStatistics()
    {
        if (Statistics.Length != 7)
        {
            throw new InvalidDataException($"a shard's answer carries 7 arrays, this one {Statistics.Length}.");
        }

        var s = Statistics;
        return new ShardStatistics(s[0], s[1], s[2], s[3], s[4], s[5], s[6]);
    }
}
