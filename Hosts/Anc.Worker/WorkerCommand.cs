using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Anc.Cluster.Hosting;

namespace Anc.Worker;

/// <summary>anc-worker's command line: options with the defaults a single machine needs, and the free ports that let several workers share one.</summary>
internal static class WorkerCommand
{
    public static RootCommand Create(Func<WorkerSettings, CancellationToken, Task<int>> run)
    {
        Option<string> cluster = new("--cluster")
        {
            Description = "The cluster: 'localhost' (this machine, state in memory) or 'redis://host:port' (its password in the connection as redis://anc:<password>@host:port, in ANC_REDIS_PASSWORD, or in the file ANC_REDIS_PASSWORD_FILE names).",
            DefaultValueFactory = _ => "localhost",
        };
        Option<int> slots = new("--slots") { Description = "How many trials to run at once.", DefaultValueFactory = _ => 1 };
        Option<int> siloPort = new("--silo-port")
        {
            Description = $"The silo port; 0 picks a free one (with localhost, the worker on {ClusterConnection.DefaultSiloPort} is the primary).",
            DefaultValueFactory = _ => ClusterConnection.DefaultSiloPort,
        };
        Option<int> gatewayPort = new("--gateway-port")
        {
            Description = "The gateway port clients connect to; 0 picks a free one.",
            DefaultValueFactory = _ => ClusterConnection.DefaultGatewayPort,
        };
        Option<string[]> plugins = new("--plugins")
        {
            Description = "A plugin folder besides the built-in ones (repeatable); every worker needs the plugins its sweeps' manifests name.",
            AllowMultipleArgumentsPerToken = false,
        };
        Option<double> leaseSeconds = new("--lease-seconds")
        {
            Description = "How long a trial stays with a worker that stopped reporting (killed, cut off) before another worker takes it over from its last checkpoint; every worker of a cluster should use the same.",
            DefaultValueFactory = _ => 60,
        };
        Option<string?> address = new("--address")
        {
            Description = "With Redis, the IP address the other workers and the clients reach this worker on (a machine with several networks); the machine's first address by default.",
            HelpName = "ip",
        };
        Option<string> sweepsRoot = new("--sweeps-root")
        {
            Description = "The folder this worker may write trials in; a trial whose folder resolves outside it (elsewhere, through '..' or a symbolic link) is refused and reported failed. The working directory by default.",
            HelpName = "folder",
        };
        Option<string?> tls = new("--tls")
        {
            Description = "A member's folder of TLS credentials (ca.crt, member.crt, member.key; eng/services/lab-ca.sh member makes it): traffic with the other workers and clients is encrypted, and only members the lab's authority signed are accepted.",
            HelpName = "folder",
        };
        Option<bool> insecure = new("--insecure")
        {
            Description = "Talk to the other workers and the clients in clear text, unauthenticated, on an address other machines reach: only on a network you trust entirely. Without --tls a worker of a Redis cluster refuses to start on such an address otherwise.",
        };
        RootCommand command = new("anc-worker: joins an ANC cluster and trains the trials of distributed sweeps (anc-host sweep --cluster).")
        {
            cluster, slots, siloPort, gatewayPort, plugins, leaseSeconds, address, sweepsRoot, tls, insecure,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            ClusterConnection connection;
            try
            {
                connection = ClusterConnection.Parse(parse.GetValue(cluster)!);
            }
            catch (FormatException exception)
            {
                Console.Error.WriteLine(exception.Message);
                return Task.FromResult(2);
            }

            if (parse.GetValue(slots) < 1)
            {
                Console.Error.WriteLine("--slots must be at least 1.");
                return Task.FromResult(2);
            }

            if (parse.GetValue(leaseSeconds) is not (>= 1 and <= 86_400))
            {
                Console.Error.WriteLine("--lease-seconds must be between 1 and 86400.");
                return Task.FromResult(2);
            }

            foreach (string folder in parse.GetValue(plugins) ?? [])
            {
                if (!Directory.Exists(folder))
                {
                    Console.Error.WriteLine($"--plugins {folder}: there is no such folder; give a folder of plugin folders or one plugin's folder.");
                    return Task.FromResult(2);
                }
            }

            IPAddress? advertised = null;
            if (parse.GetValue(address) is { } given && !IPAddress.TryParse(given, out advertised))
            {
                Console.Error.WriteLine($"--address {given}: not an IP address; give the one the other machines reach this worker on, such as 10.0.0.12.");
                return Task.FromResult(2);
            }

            ClusterTls? credentials = null;
            if (parse.GetValue(tls) is { } credentialsFolder)
            {
                try
                {
                    credentials = ClusterTls.Load(credentialsFolder);
                }
                catch (FormatException exception)
                {
                    Console.Error.WriteLine(exception.Message);
                    return Task.FromResult(2);
                }
            }

            // Secure by default: clear text only where no other machine listens in, or where told so in so many words.
            if (connection.Kind == ClusterConnectionKind.Redis && credentials is null && !parse.GetValue(insecure) && !(advertised is { } own && IPAddress.IsLoopback(own)))
            {
                Console.Error.WriteLine(
                    $"anc-worker: joining {connection} on {(advertised?.ToString() ?? "this machine's network address")} in clear text: give --tls <folder> (eng/services/lab-ca.sh makes one), or --address 127.0.0.1 for a cluster on this machine only, or --insecure on a network you trust entirely.");
                return Task.FromResult(2);
            }

            return run(
                new WorkerSettings(
                    connection,
                    parse.GetValue(slots),
                    OrFree(parse.GetValue(siloPort)),
                    OrFree(parse.GetValue(gatewayPort)),
                    parse.GetValue(plugins) ?? [],
                    TimeSpan.FromSeconds(parse.GetValue(leaseSeconds)),
                    advertised,
                    Path.GetFullPath(parse.GetValue(sweepsRoot) ?? Environment.CurrentDirectory),
                    credentials),
                cancellationToken);
        });
        return command;
    }

    private static int OrFree(int port)
    {
        if (port != 0)
        {
            return port;
        }

        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
