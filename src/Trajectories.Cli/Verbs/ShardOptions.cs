using System.CommandLine;
using Trajectories.Cluster;
using Trajectories.Core.Estimation.Sharding;

namespace Trajectories.Cli.Verbs;

/// <summary>
/// <c>--cluster</c>, <c>--shards</c> and <c>--shard-folder</c> of the verbs that fit on one panel (fit, select): the
/// panel's rows cut into shards held by the workers, every E-step computed there and reduced here in a fixed order
/// (<see cref="ShardedEStep"/>), so the results are a local run's bits.
/// </summary>
internal sealed class ShardOptions
{
    private readonly Option<string?> _cluster = new("--cluster")
    {
        Description = "Run the E-steps on a Trajectories cluster (see 'trajectories worker'): its workers' gateways as HOST:PORT[,HOST:PORT…], or "
            + "adonet:INVARIANT:CONNECTION for a membership database. The panel's rows are cut into --shards shards, each held by a worker; the "
            + "results are the same bits as a local run, and a shard whose worker dies is reloaded by another.",
    };

    private readonly Option<int?> _shards = new("--shards")
    {
        Description = "Shards of the panel with --cluster (default: one per gateway given; needed with a membership database). A shard is whole "
            + "chunks of 2 048 pattern rows, so a small panel has fewer.",
    };

    private readonly Option<string?> _folder = new("--shard-folder")
    {
        Description = "Existing folder for the shards' files with --cluster, read by every worker at the same path (default: the working folder). "
            + "The files hold pattern rows, no person identifiers, and are deleted when the run ends.",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_cluster);
        command.Options.Add(_shards);
        command.Options.Add(_folder);
    }

    /// <summary>Checks the options; null without --cluster.</summary>
    /// <exception cref="UsageException">An option is out of range, or given without --cluster.</exception>
    public ShardChoice? Check(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var target = ClusterOption.Parse("--cluster", parse.GetValue(_cluster));
        var shards = parse.GetValue(_shards);
        var folder = parse.GetValue(_folder);
        if (target is null)
        {
            if (shards is not null || folder is not null)
            {
                throw new UsageException($"{(shards is not null ? "--shards" : "--shard-folder")}: only with --cluster.");
            }

            return null;
        }

        var count = shards ?? (target.Gateways.Count > 0
            ? target.Gateways.Count
            : throw new UsageException("--shards: give the number of shards when --cluster is a membership database."));
        OptionRanges.Between("--shards", count, 1, 4096, "expected 1 to 4096");
        var full = Path.GetFullPath(folder ?? Environment.CurrentDirectory);
        if (!Directory.Exists(full))
        {
            throw new UsageException($"--shard-folder: '{folder}' is not an existing folder.");
        }

        return new ShardChoice(target, count, full);
    }

    /// <summary>Connects to the cluster of <paramref name="choice"/>; null without one.</summary>
    /// <exception cref="ClusterException">The cluster cannot be reached.</exception>
    public static ShardedRun? Open(ShardChoice? choice) => choice is null ? null : new ShardedRun(choice);
}

/// <summary>Checked shard options: the cluster, the number of shards and the folder for their files.</summary>
internal sealed record ShardChoice(ClusterTarget Target, int Shards, string Folder);

/// <summary>
/// A run's sharded E-step: the connection, the shard files (under a folder of the run's own, deleted at the end or
/// when the process is stopped) and the backend to put into the fit options.
/// </summary>
internal sealed class ShardedRun : IDisposable
{
    private readonly ClusterConnection _connection;
    private readonly ClusterShardSource _source;
    private readonly string _folder;

    public ShardedRun(ShardChoice choice)
    {
        _connection = ClusterConnection.Open(choice.Target.Gateways, choice.Target.Membership);
        _folder = Path.Combine(choice.Folder, "trajectories-shards-" + Guid.NewGuid().ToString("N"));
        ShutdownCleanup.Track(_folder);
        _source = new ClusterShardSource(_connection, choice.Shards, _folder);
        Backend = new ShardedEStep(_source.Open);
    }

    /// <summary>The E-step backend for the fit options.</summary>
    public ShardedEStep Backend { get; }

    /// <summary>Says where the E-steps ran, and any re-sent calls.</summary>
    public void Report(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Out.WriteLine($"E-steps ran on {_source.MostShards} shard(s) of the cluster; the results do not depend on where they ran.");
        if (_source.Retries > 0)
        {
            context.Error.WriteLine($"note: {_source.Retries} E-step call(s) were re-sent after a worker failed; the shard was reloaded elsewhere.");
        }
    }

    public void Dispose()
    {
        try
        {
            _source.Dispose();
            _connection.Dispose();
        }
        finally
        {
            ShutdownCleanup.Forget(_folder);
        }
    }
}
