using Anc.Cluster.Clients;
using Anc.Cluster.Hosting;
using Anc.Cluster.Sweeps;
using Anc.Cluster.Workers;
using Anc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Anc.Cluster.Tests;

public sealed class RedisClusterTests
{
    [Fact]
    public async Task A_sweep_survives_a_silo_restart_on_redis()
    {
        await using var redis = await RedisServer.StartAsync();
        var connection = ClusterConnection.Parse(redis.Connection);
        var sweepId = Trials.NewSweepId();

        using (var silo = await StartSiloAsync(connection))
        using (var client = await StartClientAsync(connection))
        {
            var sweeps = client.Services.GetRequiredService<SweepClusterClient>();
            var grains = client.Services.GetRequiredService<IClusterClient>();
            await sweeps.SubmitAsync(sweepId, Trials.Specs(3));
            var sweep = grains.GetGrain<ISweepGrain>(sweepId);
            Assert.True(await sweep.Complete(Trials.Result((await sweep.Lease("w1"))!, "w1")));
            await sweep.Lease("w2");
            await client.StopAsync();
            await silo.StopAsync();
        }

        using (var silo = await StartSiloAsync(connection))
        using (var client = await StartClientAsync(connection))
        {
            var sweeps = client.Services.GetRequiredService<SweepClusterClient>();
            var status = await sweeps.GetStatusAsync(sweepId);

            Assert.Equal([TrialState.Done, TrialState.Running, TrialState.Pending], status.Trials.Select(trial => trial.State));
            Assert.Equal(("w1", "w2"), (status.Trials[0].Result!.Worker, status.Trials[1].Worker));
            Assert.Contains(sweepId, await sweeps.ActiveSweepsAsync());
            await client.StopAsync();
            await silo.StopAsync();
        }
    }

    [Fact]
    public async Task A_worker_cut_off_from_the_store_stops_its_trial_before_the_lease_can_lapse()
    {
        await using var redis = await RedisServer.StartAsync();
        var connection = ClusterConnection.Parse(redis.Connection);
        var executor = new BlockingExecutor();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.Services.AddSingleton<ITrialExecutor>(executor);
        builder.UseOrleans(silo => silo
            .UseAncCluster(connection, RedisServer.FreePort(), RedisServer.FreePort())
            .AddAncSweepQueue(options => options.LeaseTime = TimeSpan.FromSeconds(2))
            .AddAncSweepWorker(options => options.PollInterval = TimeSpan.FromMilliseconds(100)));
        using var worker = builder.Build();
        await worker.StartAsync();
        await worker.Services.GetRequiredService<IGrainFactory>().GetGrain<ISweepGrain>(Trials.NewSweepId()).Submit(Trials.Specs(1));
        var lease = await executor.Started.WaitAsync(TimeSpan.FromSeconds(20));

        // The sweep's state can no longer be written: renewals fail, and the sweep would give the trial away.
        await redis.StopAsync();

        Assert.Equal(lease, await executor.Cancelled.WaitAsync(TimeSpan.FromSeconds(60)));
        // A silo shuts down slowly without its membership store; the outage ends first.
        await redis.RestartAsync();
        await worker.StopAsync();
    }

    private static async Task<IHost> StartSiloAsync(ClusterConnection connection)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo
            .UseAncCluster(connection, RedisServer.FreePort(), RedisServer.FreePort())
            .AddAncSweepQueue());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<IHost> StartClientAsync(ClusterConnection connection)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client.UseAncCluster(connection));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
