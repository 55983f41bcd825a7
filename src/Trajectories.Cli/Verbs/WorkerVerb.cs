using System.CommandLine;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Hosting;
using Trajectories.Cluster;

namespace Trajectories.Cli.Verbs;

/// <summary><c>trajectories worker</c>: a silo of a Trajectories cluster, running the replicates coordinators send it.</summary>
public sealed class WorkerVerb : IVerb
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var address = new Option<string>("--address") { Description = "The IP address this worker advertises to the others (127.0.0.1 on one machine).", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Silo-to-silo port (1–65535).", DefaultValueFactory = _ => 11111 };
        var gateway = new Option<int>("--gateway-port") { Description = "Port coordinators connect to with --cluster (1–65535).", DefaultValueFactory = _ => 30000 };
        var primary = new Option<string?>("--primary")
        {
            Description = "The primary worker's silo endpoint HOST:PORT (development clustering: give it to every worker but the primary, which must stay up). "
                + "Leave it out on the primary, and with --membership.",
        };
        var membership = new Option<string?>("--membership") { Description = "A membership database instead of a primary: adonet:INVARIANT:CONNECTION (e.g. adonet:Npgsql:Host=db;…; docs/cluster.md)." };
        var threads = new Option<int>("--threads") { Description = "Batches of replicates run at once (0 = one per core).", DefaultValueFactory = _ => 0 };

        var command = new Command(
            "worker",
            "Start a worker (an Orleans silo) of a Trajectories cluster and run until stopped (Ctrl+C or SIGTERM). Coordinators send it replicates with "
            + "--cluster (blrt, bootstrap, cve, study); it rebuilds each run's plan from the coordinator's command, so it must read INPUT at the same path.");
        foreach (var option in new Option[] { address, port, gateway, primary, membership, threads })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CliApp.Guard(context, () =>
        {
            if (!IPAddress.TryParse(parse.GetValue(address), out var ip))
            {
                throw new UsageException($"--address: '{parse.GetValue(address)}' is not an IP address.");
            }

            var settings = new WorkerSettings
            {
                Address = ip,
                SiloPort = OptionRanges.Between("--port", parse.GetValue(port), 1, 65535, "expected 1 to 65535"),
                GatewayPort = OptionRanges.Between("--gateway-port", parse.GetValue(gateway), 1, 65535, "expected 1 to 65535"),
                Primary = parse.GetValue(primary) is { } p ? ClusterOption.Endpoint("--primary", p) : null,
                Threads = OptionRanges.Threads("--threads", parse.GetValue(threads)),
            };
            if (parse.GetValue(membership) is { } text)
            {
                var database = ClusterOption.Parse("--membership", text)?.Membership
                    ?? throw new UsageException($"--membership: '{text}' is not adonet:INVARIANT:CONNECTION (e.g. adonet:Npgsql:Host=db;Username=u;Password=p;Database=orleans).");
                settings = settings with { AdoNetInvariant = database.AdoNetInvariant, AdoNetConnection = database.AdoNetConnection };
            }

            if (settings.SiloPort == settings.GatewayPort)
            {
                throw new UsageException("--gateway-port: it must differ from --port.");
            }

            using var host = WorkerHost.Build(settings, new CliPlanFactory());
            try
            {
                host.StartAsync().GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new ClusterException($"the worker could not start (silo port {settings.SiloPort}, gateway {settings.GatewayPort}): {e.Message}", e);
            }

            var role = settings.AdoNetInvariant is not null ? $"membership {settings.AdoNetInvariant}" : settings.Primary is null ? "primary" : $"joined {settings.Primary}";
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worker ready: silo {ip}:{settings.SiloPort}, gateway {ip}:{settings.GatewayPort} ({role})"));
            context.Out.Flush();
            host.WaitForShutdown();
            return ExitCodes.Success;
        }));
        return command;
    }
}
