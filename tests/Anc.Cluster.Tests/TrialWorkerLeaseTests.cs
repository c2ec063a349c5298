using Anc.Cluster.Hosting;
using Anc.Cluster.Sweeps;
using Anc.Cluster.Workers;
using Anc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace Anc.Cluster.Tests;

public sealed class TrialWorkerLeaseTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_worker_whose_lease_was_reassigned_cancels_its_trial()
    {
        var executor = new BlockingExecutor();
        var clock = new ManualTimeProvider();
        var leaseTime = TimeSpan.FromSeconds(2);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(AncStorage.Name);
            silo.Services.AddKeyedSingleton<TimeProvider>(SweepQueueOptions.TimeProviderKey, clock);
            silo.Services.AddSingleton<ITrialExecutor>(executor);
            silo.AddAncSweepQueue(options => options.LeaseTime = leaseTime);
            silo.AddAncSweepWorker(options => options.PollInterval = TimeSpan.FromMilliseconds(100));
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var sweep = cluster.Client.GetGrain<ISweepGrain>(Trials.NewSweepId());
        await sweep.Submit(Trials.Specs(1));
        var first = await executor.Started.WaitAsync(Wait);

        clock.Advance(leaseTime * 2);
        var taken = await sweep.Lease("thief");

        Assert.Equal(2, taken?.Attempt);
        Assert.Equal(first, await executor.Cancelled.WaitAsync(Wait));
        Assert.True(await sweep.Complete(Trials.Result(taken!, "thief")));
        await cluster.StopAllSilosAsync();
    }

    [Fact]
    public async Task A_worker_without_a_trial_executor_refuses_to_start_saying_so()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(RedisServer.FreePort(), RedisServer.FreePort())
            .AddMemoryGrainStorage(AncStorage.Name)
            .AddAncSweepWorker());
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains(nameof(ITrialExecutor), error.Message, StringComparison.Ordinal);
    }
}
