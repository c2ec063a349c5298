using Anc.Cluster.Clients;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Anc.Cluster.Hosting;

/// <summary>Points an Orleans client at the ANC cluster, so that a process that submits or watches sweeps need not be a silo.</summary>
public static class AncClusterClientBuilderExtensions
{
    /// <summary>
    /// Connects to the cluster <paramref name="connection"/> names (cluster and service id "anc"): the localhost
    /// primary's gateway, or the gateways Redis lists; and registers <see cref="SweepClusterClient"/>.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="connection">The cluster.</param>
    /// <param name="gatewayPort">The gateway of the localhost primary silo (ignored for Redis).</param>
    public static IClientBuilder UseAncCluster(
        this IClientBuilder client,
        ClusterConnection connection,
        int gatewayPort = ClusterConnection.DefaultGatewayPort)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Kind == ClusterConnectionKind.Localhost)
        {
            client.UseLocalhostClustering(gatewayPort, ClusterConnection.ClusterId, ClusterConnection.ClusterId);
        }
        else
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = ClusterConnection.ClusterId;
                options.ServiceId = ClusterConnection.ClusterId;
            });
            client.UseRedisClustering(options => options.ConfigurationOptions = connection.RedisOptions());
        }

        client.Services.TryAddSingleton<SweepClusterClient>();
        return client;
    }

    /// <summary>Talks TLS with the cluster's gateways, showing this client's certificate and accepting only the lab's.</summary>
    /// <param name="client">The client.</param>
    /// <param name="tls">The client's credentials.</param>
    public static IClientBuilder UseAncTls(this IClientBuilder client, ClusterTls tls)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(tls);
        return client.UseTls(tls.Configure);
    }
}
