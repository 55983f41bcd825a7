using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Trajectories.Cluster;

/// <summary>
/// A coordinator's client connection to a cluster, shared by the work of one run (its replicates, its shards): the
/// gateways or membership database, the timeouts, and a first connection that gives up after a few seconds.
/// </summary>
public sealed class ClusterConnection : IDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The Orleans client.</summary>
    public IClusterClient Client { get; }

    /// <summary>Connects to the cluster through <paramref name="gateways"/> (or the membership database of <paramref name="settings"/>).</summary>
    /// <exception cref="ClusterException">No gateway answered.</exception>
    public static ClusterConnection Open(IReadOnlyList<IPEndPoint> gateways, WorkerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            if (settings?.AdoNetInvariant is { } invariant)
            {
                client.UseAdoNetClustering(o =>
                {
                    o.Invariant = invariant;
                    o.ConnectionString = settings.AdoNetConnection;
                });
            }
            else
            {
                client.UseStaticClustering([.. gateways]);
            }

            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings?.ClusterId ?? ClusterNames.ClusterId;
                o.ServiceId = ClusterNames.ServiceId;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ClusterTimeouts.Response);

            // Orleans retries a first connection for minutes; a coordinator whose cluster is not there should say so.
            var attempts = 0;
            client.UseConnectionRetryFilter(async (_, cancellation) =>
            {
                if (++attempts >= ClusterReplicates.ConnectAttempts)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
                return true;
            });
        });
        var host = builder.Build();
        try
        {
            host.StartAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            host.Dispose();
            var where = settings?.AdoNetInvariant is null ? string.Join(", ", gateways) : $"the {settings.AdoNetInvariant} membership database";
            throw new ClusterException($"could not connect to the cluster at {where}: {e.Message}", e);
        }

        return new ClusterConnection(host);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _host.StopAsync(TimeSpan.FromSeconds(5)).GetAwaiter().GetResult();
        }
        finally
        {
            _host.Dispose();
        }
    }
}
