using Anc.Cluster.Clients;
using Anc.Cluster.Hosting;
using Anc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Anc.Cluster.Tests;

public sealed class LocalhostClusterTests
{
    [Fact]
    public async Task A_second_silo_joins_the_localhost_primary_and_a_client_reaches_the_sweeps()
    {
        var localhost = ClusterConnection.Localhost;
        using var primary = await StartAsync(Silo(localhost));
        using var secondary = await StartAsync(Silo(localhost, RedisServer.FreePort(), RedisServer.FreePort()));
        using var client = await StartAsync(builder => builder.UseOrleansClient(orleans => orleans.UseAncCluster(localhost)));
        var sweeps = client.Services.GetRequiredService<SweepClusterClient>();
        var sweepId = Trials.NewSweepId();

        await sweeps.SubmitAsync(sweepId, Trials.Specs(2));
        var status = await sweeps.GetStatusAsync(sweepId);

        Assert.Equal((2, sweepId), (status.Pending, status.SweepId));
        var membership = secondary.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot;
        Assert.Equal(2, membership.Members.Values.Count(member => member.Status == SiloStatus.Active));
        await client.StopAsync();
        await secondary.StopAsync();
        await primary.StopAsync();
    }

    private static Action<HostApplicationBuilder> Silo(ClusterConnection connection, int siloPort = ClusterConnection.DefaultSiloPort, int gatewayPort = ClusterConnection.DefaultGatewayPort) =>
        builder => builder.UseOrleans(silo => silo.UseAncCluster(connection, siloPort, gatewayPort).AddAncSweepQueue());

    private static async Task<IHost> StartAsync(Action<HostApplicationBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure(builder);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
