using System.Diagnostics;
using Anc.Cluster.Clients;
using Anc.Cluster.Hosting;
using Anc.Cluster.Sweeps;
using Anc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Anc.Host.Tests;

/// <summary>
/// A real <c>anc-worker</c> writes trials only under its <c>--sweeps-root</c>: a sweep whose folder
/// is elsewhere, or reaches elsewhere through a symbolic link, and a rogue client's trial whose
/// folder climbs out with <c>..</c>, are refused with the reason, and nothing is written there.
/// </summary>
public sealed class ClusterSweepsRootTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Trials_whose_folders_resolve_outside_the_workers_root_are_refused_and_nothing_is_written_there()
    {
        string folder = Directory.CreateTempSubdirectory("anc-cluster-root-").FullName;
        string allowed = Directory.CreateDirectory(Path.Combine(folder, "allowed")).FullName;
        string elsewhere = Directory.CreateDirectory(Path.Combine(folder, "elsewhere")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(allowed, "link"), elsewhere);
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        File.WriteAllText(Path.Combine(folder, "s.json"), """{ "manifest": "m.json", "seeds": "0", "lists": [ { "training.maxSteps": 20 } ] }""");
        await using RedisServer redis = await RedisServer.StartAsync();
        using Process worker = AncHostProcess.BeginAssembly(
            AncHostProcess.WorkerAssembly, folder, "--cluster", redis.Connection, "--silo-port", "0", "--gateway-port", "0", "--address", "127.0.0.1", "--sweeps-root", allowed);
        try
        {
            using (TrainingLock.Acquire())
            {
                foreach ((string output, string said) in new[] { (elsewhere, "is outside this worker's --sweeps-root"), (Path.Combine(allowed, "link"), "through a symbolic link") })
                {
                    (int exit, string lines, string error) = AncHostProcess.Run(folder, Timeout, "sweep", "s.json", "--cluster", redis.Connection, "--output", output);
                    Assert.True(exit == 1, error + lines);
                    Assert.Contains("could not train it: refused: its folder", lines, StringComparison.Ordinal);
                    Assert.Contains(said, lines, StringComparison.Ordinal);
                }

                // A rogue client submits a trial of its own making.
                string climbing = Path.Combine(allowed, "..", "elsewhere", "rogue");
                TrialResult rogue = await SubmitAndWaitAsync(redis, [new TrialSpec("rogue", File.ReadAllText(Path.Combine(folder, "m.json")), climbing)]);
                Assert.Equal(TrialResult.Failed, rogue.Status);
                Assert.StartsWith($"refused: its folder '{climbing}' climbs with '..'", rogue.Error, StringComparison.Ordinal);

                // The same sweep under the root trains.
                (int inside, string insideLines, string insideError) = AncHostProcess.Run(folder, Timeout, "sweep", "s.json", "--cluster", redis.Connection, "--output", Path.Combine(allowed, "sweeps"));
                Assert.True(inside == 0, insideError + insideLines);
            }
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
        }

        // The clients wrote their plans (sweep.json, summary) where they were told; no worker wrote a trial there.
        Assert.Empty(Directory.GetFiles(elsewhere, "manifest.json", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(elsewhere, "rogue")));
        Assert.Single(Directory.GetFiles(Path.Combine(allowed, "sweeps"), "manifest.json", SearchOption.AllDirectories));
    }

    private static async Task<TrialResult> SubmitAndWaitAsync(RedisServer redis, TrialSpec[] trials)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client.UseAncCluster(ClusterConnection.Parse(redis.Connection)));
        using IHost host = builder.Build();
        await host.StartAsync();
        SweepClusterClient sweeps = host.Services.GetRequiredService<SweepClusterClient>();
        string sweepId = $"rogue-{Guid.NewGuid():N}";
        await sweeps.SubmitAsync(sweepId, trials);
        DateTime giveUp = DateTime.UtcNow + Timeout;
        while (true)
        {
            TrialStatus status = (await sweeps.GetStatusAsync(sweepId)).Trials.Single();
            if (status.Result is { } result)
            {
                await host.StopAsync();
                return result;
            }

            Assert.True(DateTime.UtcNow < giveUp, "the worker never took the rogue trial");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
