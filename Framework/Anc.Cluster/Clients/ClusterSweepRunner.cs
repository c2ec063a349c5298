using Anc.Cluster.Hosting;
using Anc.Cluster.Sweeps;
using Anc.Diagnostics;
using Anc.Sweeps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using QueueState = Anc.Cluster.Sweeps.TrialState;

namespace Anc.Cluster.Clients;

/// <summary>
/// Runs a sweep on an Orleans cluster of ANC workers, as <see cref="SweepRunner"/> runs one on
/// this machine: hands the trials not finished in the sweep's folder to the cluster and follows
/// them to their end, then writes the sweep's summary. The cluster keeps the sweep's state
/// (durably, with Redis), so a runner may leave (cancelled) and come back: submitting again is
/// idempotent and shows the sweep where it is. The workers write each trial's run directory into
/// the sweep's folder, which they must see at the same path.
/// </summary>
public sealed class ClusterSweepRunner
{
    /// <summary>How often the runner asks the cluster how the sweep stands.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>How long connecting is tried again before the cluster is called unreachable.</summary>
    private static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(15);

    /// <summary>How long calls that fail for want of a worker are tried again: longer than Orleans takes to declare a worker dead.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>How often observers hear how the sweep stands, between trials' ends.</summary>
    private static readonly TimeSpan Note = TimeSpan.FromSeconds(30);

    private readonly ClusterConnection _connection;
    private readonly IReadOnlyList<IClusterSweepObserver> _observers;
    private readonly ClusterTls? _tls;

    /// <param name="connection">The cluster.</param>
    /// <param name="observers">Told what happens, in this order.</param>
    /// <param name="tls">This client's TLS credentials, where the cluster talks TLS.</param>
    public ClusterSweepRunner(ClusterConnection connection, IEnumerable<IClusterSweepObserver> observers, ClusterTls? tls = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(observers);
        _connection = connection;
        _observers = [.. observers];
        _tls = tls;
    }

    /// <summary>
    /// Runs <paramref name="plan"/> in its folder under <paramref name="outputRoot"/> on the
    /// cluster; returns when every trial is done or, cancelled, leaving the rest training there.
    /// </summary>
    /// <exception cref="AncInputException">The cluster cannot be reached, or was lost for longer than a worker takes to be declared dead.</exception>
    public async Task<SweepResult> RunAsync(SweepPlan plan, string outputRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(outputRoot);
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
            Tell(o => o.OnSubmitted(new ClusterSweepSubmitted(_connection, left.Count, plan.Trials.Count - left.Count, status.Done)));
            trained = await FollowAsync(sweeps, sweepId, plan, left, cancellationToken);
            await client.StopAsync(CancellationToken.None);
        }

        return new SweepResult(directory.FullPath, directory.WriteSummary(plan), trained, plan.Trials.Count - left.Count);
    }

    private void Tell(Action<IClusterSweepObserver> call)
    {
        foreach (IClusterSweepObserver observer in _observers)
        {
            call(observer);
        }
    }

    private async Task<IHost> ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _connection.VerifyAsync();
        }
        catch (ClusterAccessException e)
        {
            throw new AncInputException($"--cluster {_connection}: {e.Message}");
        }

        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        // Workers that are starting, or a dead one still listed, are waited for a little.
        DateTime giveUp = DateTime.UtcNow + ConnectPatience;
        builder.UseOrleansClient(client =>
        {
            client.UseAncCluster(_connection).UseConnectionRetryFilter(async (_, token) =>
            {
                await Task.Delay(Poll, token);
                return DateTime.UtcNow < giveUp;
            });
            if (_tls is not null)
            {
                client.UseAncTls(_tls);
            }
        });
        IHost host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            return host;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            throw new AncInputException($"--cluster {_connection}: cannot reach the cluster ({FirstLine(e)}); start a worker there first: anc-worker --cluster {_connection}");
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
                    throw new AncInputException($"--cluster {_connection}: lost the cluster ({FirstLine(e)}); its workers go on with the trials they hold: run the same command again to follow them.");
                }

                await Task.Delay(Poll, cancellationToken);
            }
        }
    }

    /// <summary>Tells observers of each trial as it ends or moves to another worker, until all of <paramref name="left"/> are done; returns how many ended.</summary>
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
                    ClusterTrialFinished finished = new(++done, plan.Trials.Count, trials[trial.Id], trial.Result!, trial.Attempts);
                    Tell(o => o.OnTrialFinished(finished));
                }
                else if (trial.State == QueueState.Running && earlier is { Attempts: > 0 } && trial.Attempts > earlier.Attempts)
                {
                    Tell(o => o.OnTrialTakenOver(new ClusterTrialTakenOver(trials[trial.Id], trial.Worker ?? "another worker", trial.Attempts)));
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
                ClusterSweepStanding standing = new(done, plan.Trials.Count, [.. mine.Where(t => t.State == QueueState.Running)], mine.Count(t => t.State == QueueState.Pending));
                Tell(o => o.OnStanding(standing));
            }

            try
            {
                await Task.Delay(Poll, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                int finished = mine.Count(t => t.State == QueueState.Done);
                Tell(o => o.OnLeft(new ClusterSweepLeft(finished, mine.Count)));
                return finished;
            }
        }
    }

    private static string FirstLine(Exception e) => e.Message.Split('\n')[0].Trim();
}
