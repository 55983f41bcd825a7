using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Trajectories.Cluster;

/// <summary>
/// Failure detection tuned for batch work: a silo that stops answering is declared dead within a few seconds (Orleans'
/// defaults take about a minute), so its batches are re-run elsewhere without a long stall. Calls are short (a batch is
/// started, then polled), so a call that gets no answer within <see cref="Response"/> has lost its worker.
/// </summary>
internal static class ClusterTimeouts
{
    /// <summary>Longest wait for the answer to a start or a poll (not for a batch, which may take as long as it takes).</summary>
    public static readonly TimeSpan Response = TimeSpan.FromSeconds(20);

    public static void Apply(IServiceCollection services)
    {
        services.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        });
        services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = Response);
    }
}
