using Anc.Cluster.Clients;
using Anc.Cluster.Hosting;
using Anc.Cluster.Sweeps;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Anc.Cluster.Tests;

/// <summary>One in-process silo with memory storage, a 10 s lease and a clock the tests move, shared by the grain tests.</summary>
public sealed class SweepClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(10);

    private InProcessTestCluster? _cluster;

    internal ManualTimeProvider Clock { get; } = new();

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public SweepClusterClient Sweeps => new(Cluster.Client);

    public ISweepGrain Sweep(string sweepId) => Cluster.Client.GetGrain<ISweepGrain>(sweepId);

    public ISweepRegistryGrain Registry => Cluster.Client.GetGrain<ISweepRegistryGrain>(ISweepRegistryGrain.Key);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(AncStorage.Name);
            silo.Services.AddKeyedSingleton<TimeProvider>(SweepQueueOptions.TimeProviderKey, Clock);
            silo.AddAncSweepQueue(options => options.LeaseTime = LeaseTime);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
    }
}
