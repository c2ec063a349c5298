using Anc.Cluster.Hosting;
using Anc.Cluster.Sweeps;
using Anc.Diagnostics;
using Anc.Host.Console;
using Anc.Results;
using Anc.Sweeps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using QueueState = Anc.Cluster.Sweeps.TrialState;

namespace Anc.Host.Cluster;

/// <summary>
/// <c>anc-host sweep --cluster</c>: hands the trials not finished in the sweep's folder to an
/// Orleans cluster of <c>anc-worker</c>s and follows them. The cluster keeps the sweep's state
/// (durably, with Redis), so this client may leave and come back: submitting again is
/// idempotent and shows the sweep where it is. The workers write each trial's run directory into
/// the sweep's folder, which they must see at the same path; the summary is written here at the end.
/// </summary>
internal sealed class ClusterSweep(ClusterConnection connection, TextWriter output)
{
    /// <summary>How often the client asks the cluster how the sweep stands.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>How long connecting is tried again before the cluster is called unreachable.</summary>
    private static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(15);

    /// <summary>How long calls that fail for want of a worker are tried again: longer than Orleans takes to declare a worker dead.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>How often a line says what is training and what waits, between trials' ends.</summary>
    private static readonly TimeSpan Note = TimeSpan.FromSeconds(30);

    public async Task<SweepResult> RunAsync(SweepPlan plan, string outputRoot, CancellationToken cancellationToken)
    {
        SweepDirectory directory = SweepRunner.Open(outputRoot, plan.Name);
        directory.WritePlan(plan);
        List<SweepTrial> left = [.. plan.Trials.Where(t => SweepDirectory.StateOf(directory.TrialPath(t), DateTimeOffset.UtcNow) != TrialFolderState.Finished)];
        int trained = 0;
        if (left.Count > 0)
        {
            using IHost client = await ConnectAsync(cancellationToken);
            SweepClusterClient sweeps = client.Services.GetRequiredService<SweepClusterClient>();
            // The folder's path is the sweep's identity: the same sweep in another folder is another sweep.
            string sweepId = directory.FullPath;
            TrialSpec[] specs = [.. left.Select(t => new TrialSpec(t.Id, t.Manifest().ToString(Formatting.None), directory.TrialPath(t)))];
            SweepStatus status = await ReachingAsync(() => sweeps.SubmitAsync(sweepId, specs), cancellationToken);
            output.WriteLine($"submitted {left.Count} trial(s) to the cluster at {connection} ({plan.Trials.Count - left.Count} finished before, {status.Done} of them done there already); Ctrl+C leaves them training there");
            trained = await FollowAsync(sweeps, sweepId, plan, left, cancellationToken);
            await client.StopAsync(CancellationToken.None);
        }

        return new SweepResult(directory.FullPath, directory.WriteSummary(plan), trained, plan.Trials.Count - left.Count);
    }

    private async Task<IHost> ConnectAsync(CancellationToken cancellationToken)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        // Workers that are starting, or a dead one still listed, are waited for a little.
        DateTime giveUp = DateTime.UtcNow + ConnectPatience;
        builder.UseOrleansClient(client => client.UseAncCluster(connection).UseConnectionRetryFilter(async (_, token) =>
        {
            await Task.Delay(Poll, token);
            return DateTime.UtcNow < giveUp;
        }));
        IHost host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            return host;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new AncInputException($"--cluster {connection}: cannot reach the cluster ({e.Message.Split('\n')[0].Trim()}); start a worker there first: anc-worker --cluster {connection}");
        }
    }

    /// <summary>
    /// Calls the cluster through a worker that has just died: its gateway is listed until the
    /// others declare it dead, and a grain it held moves to another worker meanwhile. Such a call
    /// is tried again for <see cref="Patience"/>, then the cluster is called lost.
    /// </summary>
    private async Task<T> ReachingAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        DateTime giveUp = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                if (DateTime.UtcNow >= giveUp)
                {
                    throw new AncInputException($"--cluster {connection}: lost the cluster ({e.Message.Split('\n')[0].Trim()}); its workers go on with the trials they hold: run the same command again to follow them.");
                }

                await Task.Delay(Poll, cancellationToken);
            }
        }
    }

    /// <summary>Prints each trial as it ends or moves to another worker, until all of <paramref name="left"/> are done; returns how many ended.</summary>
    private async Task<int> FollowAsync(SweepClusterClient sweeps, string sweepId, SweepPlan plan, List<SweepTrial> left, CancellationToken cancellationToken)
    {
        Dictionary<string, SweepTrial> trials = left.ToDictionary(t => t.Id, StringComparer.Ordinal);
        Dictionary<string, TrialStatus> seen = new(StringComparer.Ordinal);
        int done = plan.Trials.Count - left.Count;
        DateTime noted = DateTime.UtcNow;
        while (true)
        {
            SweepStatus status = await ReachingAsync(() => sweeps.GetStatusAsync(sweepId), cancellationToken);
            List<TrialStatus> mine = [.. status.Trials.Where(t => trials.ContainsKey(t.Id))];
            foreach (TrialStatus trial in mine)
            {
                seen.TryGetValue(trial.Id, out TrialStatus? earlier);
                if (trial.State == QueueState.Done && earlier?.State != QueueState.Done)
                {
                    output.WriteLine($"[{++done}/{plan.Trials.Count}] {Ended(trials[trial.Id], trial)}");
                }
                else if (trial.State == QueueState.Running && earlier is { Attempts: > 0 } && trial.Attempts > earlier.Attempts)
                {
                    output.WriteLine($"{trial.Id}: taken over by {trial.Worker} (attempt {trial.Attempts}), from its last checkpoint");
                }

                seen[trial.Id] = trial;
            }

            if (mine.All(t => t.State == QueueState.Done))
            {
                return mine.Count;
            }

            if (DateTime.UtcNow - noted >= Note)
            {
                noted = DateTime.UtcNow;
                IEnumerable<string> training = mine.Where(t => t.State == QueueState.Running).Take(4).Select(t => $"{t.Id} {t.Progress?.Text ?? "starting"} on {t.Worker}");
                output.WriteLine($"{done} of {plan.Trials.Count} done; training {mine.Count(t => t.State == QueueState.Running)}: {string.Join(", ", training)}; waiting {mine.Count(t => t.State == QueueState.Pending)}");
            }

            try
            {
                await Task.Delay(Poll, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                output.WriteLine($"left the sweep training in the cluster ({mine.Count(t => t.State == QueueState.Done)} of {mine.Count} submitted trials done); run the same command to follow it again");
                return mine.Count(t => t.State == QueueState.Done);
            }
        }
    }

    private static string Ended(SweepTrial trial, TrialStatus status)
    {
        TrialResult result = status.Result!;
        return result.Status == TrialResult.Failed
            ? $"{TrialLine.Name(trial)}: {result.Worker} could not train it: {(string?)JObject.Parse(result.Summary)["error"]}; it is retried when the sweep is submitted again"
            : $"{TrialLine.Of(trial, ResultJson.Parse<RunSummaryFile>(result.Summary))} on {result.Worker} (attempt {result.Attempt} of {status.Attempts})";
    }
}
