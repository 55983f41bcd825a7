using System.Net;

namespace Trajectories.Cluster;

/// <summary>
/// How a worker silo joins its cluster. On one machine or a small fixed set of machines the membership is Orleans'
/// development clustering: one worker is the primary (it omits <see cref="Primary"/>), the others name it; the primary
/// must stay up for the cluster to stay up, any other worker may die. For clusters where any machine may die, use
/// ADO.NET membership (<see cref="AdoNetInvariant"/>, e.g. PostgreSQL) or Kubernetes hosting (docs/cluster.md).
/// </summary>
public sealed record WorkerSettings
{
    /// <summary>The address this silo advertises to the others.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>Port coordinators connect to.</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>The primary silo's endpoint (development clustering); null when this worker is the primary.</summary>
    public IPEndPoint? Primary { get; init; }

    /// <summary>ADO.NET provider invariant of a membership database (e.g. "Npgsql"); null for development clustering.</summary>
    public string? AdoNetInvariant { get; init; }

    /// <summary>Connection string of the membership database.</summary>
    public string? AdoNetConnection { get; init; }

    /// <summary>Cluster id: workers and coordinators of one cluster share it.</summary>
    public string ClusterId { get; init; } = ClusterNames.ClusterId;

    /// <summary>Batches run at once (0: one per core).</summary>
    public int Threads { get; init; }
}

/// <summary>Identifiers every process of a Trajectories cluster shares.</summary>
public static class ClusterNames
{
    /// <summary>The default cluster id.</summary>
    public const string ClusterId = "trajectories";

    /// <summary>The service id (the application, across deployments).</summary>
    public const string ServiceId = "trajectories";
}
