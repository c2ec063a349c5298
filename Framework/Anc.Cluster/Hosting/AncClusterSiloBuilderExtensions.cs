using System.Net;
using Anc.Cluster.Sweeps;
using Anc.Cluster.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Anc.Cluster.Hosting;

/// <summary>Wires an Orleans silo into the ANC cluster and makes it a sweep worker.</summary>
public static class AncClusterSiloBuilderExtensions
{
    /// <summary>
    /// Joins the cluster <paramref name="connection"/> names, with cluster and service id "anc", and registers the
    /// "anc" grain storage the sweeps keep their state in: in memory for localhost (the silo on
    /// <see cref="ClusterConnection.DefaultSiloPort"/> is the primary the others join), on Redis otherwise.
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <param name="connection">The cluster.</param>
    /// <param name="siloPort">The silo-to-silo port.</param>
    /// <param name="gatewayPort">The port clients connect to.</param>
    /// <param name="advertisedAddress">With Redis, the address the others reach this silo on; the machine's first address when null.</param>
    public static ISiloBuilder UseAncCluster(
        this ISiloBuilder silo,
        ClusterConnection connection,
        int siloPort = ClusterConnection.DefaultSiloPort,
        int gatewayPort = ClusterConnection.DefaultGatewayPort,
        IPAddress? advertisedAddress = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Kind == ClusterConnectionKind.Localhost)
        {
            var primary = siloPort == ClusterConnection.DefaultSiloPort
                ? null
                : new IPEndPoint(IPAddress.Loopback, ClusterConnection.DefaultSiloPort);
            silo.UseLocalhostClustering(siloPort, gatewayPort, primary, ClusterConnection.ClusterId, ClusterConnection.ClusterId);
            silo.AddMemoryGrainStorage(AncStorage.Name);
            return silo;
        }

        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = ClusterConnection.ClusterId;
            options.ServiceId = ClusterConnection.ClusterId;
        });
        if (advertisedAddress is null)
        {
            silo.ConfigureEndpoints(siloPort, gatewayPort);
        }
        else
        {
            // A machine with several networks says which one the other workers and the clients reach it on.
            silo.ConfigureEndpoints(advertisedAddress, siloPort, gatewayPort, listenOnAnyHostAddress: true);
        }

        silo.UseRedisClustering(options => options.ConfigurationOptions = connection.RedisOptions());
        silo.AddRedisGrainStorage(AncStorage.Name, options => options.ConfigurationOptions = connection.RedisOptions());
        return silo;
    }

    /// <summary>
    /// Hosts the sweep queue's grains' settings: the lease time, and the system clock under
    /// <see cref="SweepQueueOptions.TimeProviderKey"/> unless a clock is already registered there.
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <param name="configure">Changes the defaults, if given.</param>
    public static ISiloBuilder AddAncSweepQueue(this ISiloBuilder silo, Action<SweepQueueOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = silo.Services.AddOptions<SweepQueueOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        silo.Services.TryAddKeyedSingleton(SweepQueueOptions.TimeProviderKey, TimeProvider.System);
        return silo;
    }

    /// <summary>
    /// Makes the silo a sweep worker: a <see cref="TrialWorker"/> pulls trials and runs them through the
    /// <see cref="ITrialExecutor"/> the host registers (the host fails to start, saying so, when none is).
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <param name="configure">Changes the defaults (one slot, 2 s poll interval), if given.</param>
    public static ISiloBuilder AddAncSweepWorker(this ISiloBuilder silo, Action<TrialWorkerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddAncSweepQueue();
        var options = silo.Services.AddOptions<TrialWorkerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        silo.Services.AddHostedService(services =>
        {
            if (services.GetService<ITrialExecutor>() is null)
            {
                throw new InvalidOperationException(
                    $"The sweep worker has no {nameof(ITrialExecutor)}: register the one that trains trials in the host's services before it starts.");
            }

            return ActivatorUtilities.CreateInstance<TrialWorker>(services);
        });
        return silo;
    }

    /// <summary>
    /// Trains the trials the sweep worker leases with the ANC runtime, which the host registers
    /// (<c>AddAnc</c>, with the plugins its trials' manifests name): each into its folder, resuming
    /// from the checkpoints a worker that died left there, as <c>anc-host sweep</c> trains it on
    /// one machine; with more than one of <see cref="TrialWorkerOptions.Slots"/>, each seed in a
    /// process of its own (<see cref="Anc.Training.Processes.SeedProcess"/>).
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <param name="configure">Sets the folder trials may be written in (<see cref="AncTrialExecutorOptions.SweepsRoot"/>; the working directory by default).</param>
    public static ISiloBuilder AddAncTrialExecutor(this ISiloBuilder silo, Action<AncTrialExecutorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = silo.Services.AddOptions<AncTrialExecutorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        silo.Services.AddSingleton<ITrialExecutor, AncTrialExecutor>();
        return silo;
    }

    /// <summary>
    /// Encrypts and authenticates this silo's traffic, with the other silos and with clients:
    /// TLS both ways, each end accepting only certificates the lab's authority signed.
    /// </summary>
    /// <param name="silo">The silo.</param>
    /// <param name="tls">The silo's credentials.</param>
    public static ISiloBuilder UseAncTls(this ISiloBuilder silo, ClusterTls tls)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(tls);
        return silo.UseTls(tls.Configure);
    }
}
