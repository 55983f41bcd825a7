using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Trajectories.Cluster;

/// <summary>Runs a worker silo until it is stopped: the grains of <see cref="IReplicateWorkerGrain"/> and a plan cache.</summary>
public static class WorkerHost
{
    /// <summary>Builds the worker's host (not started).</summary>
    public static IHost Build(WorkerSettings settings, IPlanFactory factory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(factory);
        var builder = Host.CreateApplicationBuilder();
        // The tool's own lines are its interface; Orleans' informational logging would drown them.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Error);
        builder.Services.AddSingleton(factory);
        builder.Services.AddSingleton<PlanCache>();
        builder.Services.AddSingleton(new WorkerGate(settings.Threads > 0 ? settings.Threads : Environment.ProcessorCount));
        builder.UseOrleans(silo =>
        {
            if (settings.AdoNetInvariant is { } invariant)
            {
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = invariant;
                    o.ConnectionString = settings.AdoNetConnection;
                });
                silo.ConfigureEndpoints(settings.Address, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.UseDevelopmentClustering(settings.Primary ?? new IPEndPoint(settings.Address, settings.SiloPort));
                silo.ConfigureEndpoints(settings.Address, settings.SiloPort, settings.GatewayPort);
            }

            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = ClusterNames.ServiceId;
            });
            ClusterTimeouts.Apply(silo.Services);
            silo.Services.AddPlacementDirector<ShardPlacement, ShardPlacementDirector>();
        });
        return builder.Build();
    }
}
