using System.Diagnostics;
using System.Text.RegularExpressions;
using Anc.Cluster.Clients;
using Anc.Cluster.Hosting;
using Anc.Cluster.Sweeps;
using Anc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;

namespace Anc.Host.Tests;

/// <summary>
/// <c>anc-host sweep --cluster</c> against real <c>anc-worker</c> processes on loopback, with a
/// real Redis (with its password) as membership and state store, and TLS between them all: a worker killed mid-trial, a worker added mid-sweep,
/// the client killed and started again.
/// </summary>
public sealed partial class ClusterSweepTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task Three_workers_finish_a_24_trial_sweep_with_one_killed_mid_trial_and_one_added_and_every_result_arrives_once()
    {
        string folder = Directory.CreateTempSubdirectory("anc-cluster-sweep-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        File.WriteAllText(Path.Combine(folder, "study.json"), """
            { "manifest": "m.json", "seeds": "0-7",
              "grid": { "training.learningRate": [0.001, 0.004, 0.01] },
              "lists": [ { "training.maxSteps": 1000, "training.logEvery": 20, "training.checkpointEvery": 100 } ] }
            """);
        string sweep = Path.Combine(folder, "sweeps", "study");
        await using RedisServer redis = await RedisServer.StartAsync();
        LabCertificates lab = LabCertificates.Make(Path.Combine(folder, "lab"), "worker", "client");
        List<Process> workers = [];
        try
        {
            using (TrainingLock.Acquire())
            {
                workers.AddRange([StartWorker(folder, redis, lab), StartWorker(folder, redis, lab), StartWorker(folder, redis, lab)]);
                using Process client = AncHostProcess.Begin(folder, "sweep", "study.json", "--cluster", redis.Connection, "--tls", lab.Member("client"));
                Task<string> clientOutput = client.StandardOutput.ReadToEndAsync();

                // The first worker is killed while a trial of its own is past a checkpoint and not finished.
                string killedTrial = WaitForTrialMidway(sweep, workers[0].Id);
                workers[0].Kill(entireProcessTree: true);
                await workers[0].WaitForExitAsync();
                // A worker that joins now takes work too; the client leaves and comes back.
                workers.Add(StartWorker(folder, redis, lab));
                client.Kill(entireProcessTree: true);
                await client.WaitForExitAsync();
                string firstOutput = await clientOutput;

                (int exit, string output, string error) = AncHostProcess.Run(folder, Timeout, "sweep", "study.json", "--cluster", redis.Connection, "--tls", lab.Member("client"));
                Assert.True(exit == 0, error + output + firstOutput);
                Assert.Matches(@"submitted \d+ trial\(s\) to the cluster at redis://127\.0\.0\.1:\d+,user=anc \(\d+ finished before", output);
                Assert.DoesNotContain(redis.Password, output, StringComparison.Ordinal);
                Assert.Contains("24 of 24 trials finished", output, StringComparison.Ordinal);

                // Every trial's result is recorded once, the killed trial's by another worker on a second attempt.
                SweepStatus status = await StatusAsync(redis, sweep, lab);
                Assert.Equal(24, status.Trials.Count);
                Assert.All(status.Trials, t => Assert.Equal(TrialState.Done, t.State));
                Assert.Equal(24, status.Trials.Select(t => t.Result!.TrialId).Distinct().Count());
                TrialStatus killed = status.Trials.Single(t => t.Id == Path.GetFileName(killedTrial));
                Assert.True(killed.Attempts >= 2, $"the killed trial was leased {killed.Attempts} time(s)");
                Assert.DoesNotContain($":{workers[0].Id}", killed.Result!.Worker, StringComparison.Ordinal);
                Assert.Contains(status.Trials, t => t.Result!.Worker.EndsWith($":{workers[3].Id}/0", StringComparison.Ordinal));

                // Resumed from its checkpoint, the killed trial trained exactly what it would have uninterrupted.
                JObject resumed = JObject.Parse(File.ReadAllText(Path.Combine(killedTrial, "environment.json")));
                Assert.Single((JArray)resumed["resumes"]!);
                (int alone, _, string aloneError) = AncHostProcess.Run(folder, Timeout, "run", Path.Combine(killedTrial, "manifest.json"), "--quiet", "--output", "alone");
                Assert.True(alone is 0 or 1, aloneError);
                int seed = (int)JObject.Parse(File.ReadAllText(Path.Combine(killedTrial, "manifest.json")))["seeds"]![0]!;
                Assert.Equal(RunFiles.Figures(RunFiles.RunOf(folder, "alone"), seed), RunFiles.Figures(killedTrial, seed));
                Assert.Equal(RunFiles.Evaluation(RunFiles.RunOf(folder, "alone"), seed), RunFiles.Evaluation(killedTrial, seed));
            }

            // Each trial's folder was written once through: 1000 steps logged every 20, no step twice.
            foreach (string trial in Directory.GetDirectories(Path.Combine(sweep, "trials")))
            {
                JObject summary = JObject.Parse(File.ReadAllText(Path.Combine(trial, "summary.json")));
                Assert.Equal("completed", (string)summary["status"]!);
                int seed = (int)summary["runs"]![0]!["seed"]!;
                long[] steps = [.. File.ReadLines(Path.Combine(trial, $"seed-{seed}", "metrics.jsonl")).Select(l => (long)JObject.Parse(l)["step"]!)];
                Assert.Equal(steps.Distinct().Order(), steps);
                Assert.Equal(1000, steps[^1]);
            }

            Assert.Equal(24, Directory.GetDirectories(Path.Combine(sweep, "trials")).Length);
            Assert.Equal("complete", (string)JObject.Parse(File.ReadAllText(Path.Combine(sweep, "summary.json")))["status"]!);

            // Run again, the finished sweep trains nothing and needs no cluster at all.
            (int again, string againOutput, string againError) = AncHostProcess.Run(folder, Timeout, "sweep", "study.json", "--cluster", "redis://127.0.0.1:1");
            Assert.True(again == 0, againError);
            Assert.Contains("0 trained now, 24 finished before", againOutput, StringComparison.Ordinal);
        }
        finally
        {
            foreach (Process worker in workers)
            {
                if (!worker.HasExited)
                {
                    worker.Kill(entireProcessTree: true);
                }

                worker.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_worker_with_two_slots_trains_two_trials_at_once_each_in_a_process_of_its_own_as_a_local_sweep_would()
    {
        string folder = Directory.CreateTempSubdirectory("anc-cluster-slots-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        File.WriteAllText(Path.Combine(folder, "s.json"), """{ "manifest": "m.json", "seeds": "0-3", "lists": [ { "training.maxSteps": 200 } ] }""");
        await using RedisServer redis = await RedisServer.StartAsync();
        using (TrainingLock.Acquire())
        {
            using Process worker = AncHostProcess.BeginAssembly(AncHostProcess.WorkerAssembly, folder, "--cluster", redis.Connection, "--silo-port", "0", "--gateway-port", "0", "--address", "127.0.0.1", "--slots", "2");
            try
            {
                (int exit, string output, string error) = AncHostProcess.Run(folder, Timeout, "sweep", "s.json", "--cluster", redis.Connection, "--output", "cluster");
                Assert.True(exit == 0, error + output);
                (int local, _, string localError) = AncHostProcess.Run(folder, Timeout, "sweep", "s.json", "--output", "local");
                Assert.True(local == 0, localError);
            }
            finally
            {
                worker.Kill(entireProcessTree: true);
            }
        }

        // Two trials trained at once (torch's generator belongs to a process, so in one process
        // they would have drawn each other's numbers), yet each as it trains alone.
        string[] trials = Directory.GetDirectories(Path.Combine(folder, "cluster", "s", "trials"));
        (DateTimeOffset Start, DateTimeOffset End)[] spans = [.. trials.Select(t => JObject.Parse(File.ReadAllText(Path.Combine(t, "summary.json"))))
            .Select(s => ((DateTimeOffset)s["startedAt"]!, (DateTimeOffset)s["finishedAt"]!))];
        Assert.Contains(spans, a => spans.Any(b => b != a && b.Start < a.End && a.Start < b.End));
        foreach (string trial in trials)
        {
            int seed = (int)JObject.Parse(File.ReadAllText(Path.Combine(trial, "manifest.json")))["seeds"]![0]!;
            string twin = Path.Combine(folder, "local", "s", "trials", Path.GetFileName(trial));
            Assert.Equal(RunFiles.Figures(twin, seed), RunFiles.Figures(trial, seed));
            Assert.Equal(RunFiles.Evaluation(twin, seed), RunFiles.Evaluation(trial, seed));
        }
    }

    [Fact]
    public void A_cluster_nobody_serves_is_a_one_line_error()
    {
        string folder = Directory.CreateTempSubdirectory("anc-cluster-none-").FullName;
        File.WriteAllText(Path.Combine(folder, "m.json"), TinyManifest.Text);
        File.WriteAllText(Path.Combine(folder, "s.json"), """{ "manifest": "m.json" }""");
        (int exit, _, string error) = AncHostProcess.Run(folder, Timeout, "sweep", "s.json", "--cluster", $"redis://127.0.0.1:{RedisServer.FreePort()}");
        Assert.Equal(2, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("--cluster redis://127.0.0.1:", error, StringComparison.Ordinal);
        Assert.Contains("cannot reach the cluster", error, StringComparison.Ordinal);

        (int parallel, _, string parallelError) = AncHostProcess.Run(folder, Timeout, "sweep", "s.json", "--cluster", "localhost", "--parallel", "2");
        Assert.Equal(2, parallel);
        Assert.Contains("--slots", parallelError, StringComparison.Ordinal);
    }

    private static Process StartWorker(string folder, RedisServer redis, LabCertificates lab) =>
        AncHostProcess.BeginAssembly(
            AncHostProcess.WorkerAssembly, folder, "--cluster", redis.Connection, "--silo-port", "0", "--gateway-port", "0", "--lease-seconds", "3", "--tls", lab.Member("worker"));

    /// <summary>Waits for a trial that the process <paramref name="pid"/> trains, past its first checkpoint and unfinished; returns its folder.</summary>
    private static string WaitForTrialMidway(string sweep, int pid)
    {
        DateTime giveUp = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            Assert.True(DateTime.UtcNow < giveUp, "the first worker never got past a checkpoint of a trial");
            string trials = Path.Combine(sweep, "trials");
            foreach (string trial in Directory.Exists(trials) ? Directory.GetDirectories(trials) : [])
            {
                string heartbeat = Path.Combine(trial, "heartbeat.json");
                if (!File.Exists(Path.Combine(trial, "summary.json")) && File.Exists(heartbeat)
                    && Pid().Match(File.ReadAllText(heartbeat)) is { Success: true } match && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) == pid
                    && Directory.EnumerateDirectories(trial, "step-*", SearchOption.AllDirectories).Any())
                {
                    return trial;
                }
            }

            Thread.Sleep(10);
        }
    }

    private static async Task<SweepStatus> StatusAsync(RedisServer redis, string sweep, LabCertificates lab)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        using ClusterTls tls = ClusterTls.Load(lab.Member("client"));
        builder.UseOrleansClient(client => client.UseAncCluster(ClusterConnection.Parse(redis.Connection)).UseAncTls(tls));
        using IHost host = builder.Build();
        await host.StartAsync();
        // The killed worker's gateway may still be listed; a call through it fails and is made again.
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                SweepStatus status = await host.Services.GetRequiredService<SweepClusterClient>().GetStatusAsync(sweep);
                await host.StopAsync();
                return status;
            }
            catch (Orleans.Runtime.OrleansException) when (attempt < 60)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    [GeneratedRegex("\"pid\":\\s*(\\d+)")]
    private static partial Regex Pid();
}
