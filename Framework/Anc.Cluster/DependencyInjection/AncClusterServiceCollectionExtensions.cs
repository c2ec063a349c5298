using Anc.Cluster.Clients;
using Anc.Cluster.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what a service that runs sweeps on an ANC cluster needs.</summary>
public static class AncClusterServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="ClusterSweepRunner"/> for the cluster <paramref name="connection"/>
    /// names, telling every registered <see cref="IClusterSweepObserver"/>. The sweep's trials
    /// name plugins the cluster's workers load; <c>AddAnc</c> is needed here too, to read sweep files.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="connection">The cluster.</param>
    /// <param name="tls">The service's TLS credentials, where the cluster talks TLS.</param>
    public static IServiceCollection AddAncClusterSweeps(this IServiceCollection services, ClusterConnection connection, ClusterTls? tls = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(connection);
        services.AddSingleton(provider => new ClusterSweepRunner(connection, provider.GetServices<IClusterSweepObserver>(), tls));
        return services;
    }
}
