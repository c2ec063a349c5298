using System.Collections.Concurrent;
using System.Diagnostics;
using Anc.Cluster.Clients;
using Anc.Cluster.Hosting;
using Anc.Results;
using Anc.Sweeps;
using Anc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Anc.Host.Tests;

/// <summary>
/// A service that embeds the cluster client, as a .NET engineer would: <c>AddAnc</c> and
/// <c>AddAncClusterSweeps</c> in its own services, a real <c>anc-worker</c> process, a real Redis.
/// </summary>
public sealed class ClusterEmbeddingTests
{
    [Fact]
    public async Task A_service_runs_a_sweep_on_the_cluster_with_AddAncClusterSweeps_and_its_observer_hears_every_trial_end()
    {
        string folder = Directory.CreateTempSubdirectory("anc-cluster-embedding-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        File.WriteAllText(Path.Combine(folder, "s.json"), """{ "manifest": "m.json", "seeds": "0-1", "lists": [ { "training.maxSteps": 100 } ] }""");
        await using RedisServer redis = await RedisServer.StartAsync();
        Recording recording = new();
        ServiceCollection services = new();
        services.AddAnc(options => options.AddPluginFolder(Path.Combine(Path.GetDirectoryName(AncHostProcess.HostAssembly)!, "plugins")));
        services.AddAncClusterSweeps(ClusterConnection.Parse(redis.Connection));
        services.AddSingleton<IClusterSweepObserver>(recording);
        await using ServiceProvider provider = services.BuildServiceProvider();
        SweepPlan plan = provider.GetRequiredService<SweepReader>().Read(Path.Combine(folder, "s.json"));

        SweepResult result;
        using (TrainingLock.Acquire())
        {
            using Process worker = AncHostProcess.BeginAssembly(AncHostProcess.WorkerAssembly, folder, "--cluster", redis.Connection, "--silo-port", "0", "--gateway-port", "0", "--address", "127.0.0.1");
            try
            {
                using CancellationTokenSource timeout = new(TimeSpan.FromMinutes(5));
                result = await provider.GetRequiredService<ClusterSweepRunner>().RunAsync(plan, Path.Combine(folder, "sweeps"), timeout.Token);
            }
            finally
            {
                worker.Kill(entireProcessTree: true);
            }
        }

        Assert.True(result.Complete);
        Assert.Equal((2, 0), (result.Trained, result.Skipped));
        ClusterSweepSubmitted submitted = Assert.Single(recording.Submitted);
        Assert.Equal((2, 0), (submitted.Submitted, submitted.FinishedBefore));
        Assert.Equal([1, 2], recording.Finished.Select(f => f.Done).Order());
        Assert.All(recording.Finished, f =>
        {
            Assert.Equal(2, f.Total);
            RunSummaryFile summary = f.Summary!;
            Assert.Equal(RunStatus.Completed, summary.Status);
            // The summary the observer heard is the one the worker wrote into the trial's folder.
            Assert.Equal(ResultJson.ToText(summary, indented: false), ResultJson.ToText(ResultJson.Parse<RunSummaryFile>(File.ReadAllText(Path.Combine(folder, "sweeps", "s", "trials", f.Trial.Id, "summary.json"))), indented: false));
        });
        Assert.True(File.Exists(Path.Combine(result.Directory, "summary.json")));
        Assert.Empty(recording.Left);
    }

    private sealed class Recording : IClusterSweepObserver
    {
        public ConcurrentQueue<ClusterSweepSubmitted> Submitted { get; } = new();

        public ConcurrentQueue<ClusterTrialFinished> Finished { get; } = new();

        public ConcurrentQueue<ClusterSweepLeft> Left { get; } = new();

        public void OnSubmitted(ClusterSweepSubmitted submitted) => Submitted.Enqueue(submitted);

        public void OnTrialFinished(ClusterTrialFinished finished) => Finished.Enqueue(finished);

        public void OnLeft(ClusterSweepLeft left) => Left.Enqueue(left);
    }
}
