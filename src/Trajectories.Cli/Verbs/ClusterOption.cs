using System.CommandLine;
using System.Globalization;
using System.Net;
using Trajectories.Cluster;
using Trajectories.Core.Inference;

namespace Trajectories.Cli.Verbs;

/// <summary>
/// --cluster of the replicated verbs: where their replicates run. A list of worker gateways (HOST:PORT, see
/// <c>trajectories worker</c>) or <c>adonet:INVARIANT:CONNECTION</c> for a membership database; absent, on local threads.
/// </summary>
internal static class ClusterOption
{
    /// <summary>The option.</summary>
    public static Option<string?> Create() => new("--cluster")
    {
        Description = "Run the replicates on a Trajectories cluster: its workers' gateways as HOST:PORT[,HOST:PORT…] (see 'trajectories worker'), or "
            + "adonet:INVARIANT:CONNECTION for a membership database (e.g. adonet:Npgsql:Host=db;Username=…). Every worker must read INPUT at the same "
            + "path. Results are the same bits as a local run; a worker that dies has its replicates re-run elsewhere.",
    };

    /// <summary>Parses the option named <paramref name="option"/> (exit 2 on a malformed value, naming it), before anything is read.</summary>
    public static ClusterTarget? Parse(string option, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.StartsWith("adonet:", StringComparison.Ordinal))
        {
            var rest = value["adonet:".Length..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == rest.Length - 1)
            {
                throw new UsageException($"{option}: '{value}' is not adonet:INVARIANT:CONNECTION (e.g. adonet:Npgsql:Host=db;Username=u;Password=p;Database=orleans).");
            }

            return new ClusterTarget([], new WorkerSettings { AdoNetInvariant = rest[..colon], AdoNetConnection = rest[(colon + 1)..] });
        }

        var endpoints = new List<IPEndPoint>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            endpoints.Add(Endpoint(option, part));
        }

        return new ClusterTarget(endpoints, null);
    }

    /// <summary>HOST:PORT as an endpoint (a host name is resolved to its first IPv4 address).</summary>
    public static IPEndPoint Endpoint(string option, string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new UsageException($"{option}: '{text}' is not HOST:PORT with a port from 1 to 65535.");
        }

        var host = text[..colon];
        if (IPAddress.TryParse(host, out var address))
        {
            return new IPEndPoint(address, port);
        }

        try
        {
            var resolved = Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                ?? throw new UsageException($"{option}: the host '{host}' has no IPv4 address.");
            return new IPEndPoint(resolved, port);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new UsageException($"{option}: the host '{host}' cannot be resolved ({e.Message}).");
        }
    }

    /// <summary>
    /// The runner for a run: connected to the cluster when one was named (the job is the verb's own command line and
    /// working folder, from which every worker rebuilds the same plan), else null (local threads).
    /// </summary>
    public static ClusterReplicates? Connect(ClusterTarget? target, ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (target is null)
        {
            return null;
        }

        // The verb's own tokens, its name first, as a worker's parser wants them.
        var name = parse.CommandResult.Command.Name;
        var tokens = parse.Tokens.Select(t => t.Value).ToList();
        if (tokens.Count == 0 || tokens[0] != name)
        {
            tokens.Insert(0, name);
        }

        var job = new ReplicateJob([.. tokens], Environment.CurrentDirectory);
        return ClusterReplicates.Connect(target.Gateways, job, target.Membership);
    }

    /// <summary>After a cluster run: a note of the batches that were re-run (a worker died or failed).</summary>
    public static void Report(CliContext context, ClusterReplicates? cluster)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (cluster is { Retries: > 0 } c)
        {
            context.Error.WriteLine($"note: {c.Retries} batch(es) of replicates were re-run on another worker after a failure; the results do not depend on where they ran.");
        }
    }
}

/// <summary>A parsed --cluster: gateways, or a membership database.</summary>
/// <param name="Gateways">Worker gateways (static clustering).</param>
/// <param name="Membership">The membership database settings, or null.</param>
internal sealed record ClusterTarget(IReadOnlyList<IPEndPoint> Gateways, WorkerSettings? Membership);
