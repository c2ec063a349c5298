using System.Diagnostics;
using Anc.Cluster.Sweeps;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Anc.Cluster.Workers;

/// <summary>
/// The worker side of distributed sweeps: <see cref="TrialWorkerOptions.Slots"/> loops that each pull a trial from the
/// active sweeps, run it through the <see cref="ITrialExecutor"/> on a thread-pool thread (never on the Orleans
/// scheduler), renew its lease every quarter of the lease time and report its result. When the sweep says the lease is
/// lost the trial is cancelled, and so it is when the worker cannot renew for most of the lease time (cut off, it stops
/// before the sweep can hand the trial to another worker); when the worker stops its trials are cancelled and released
/// for others to resume.
/// </summary>
public sealed partial class TrialWorker : BackgroundService
{
    /// <summary>How many times a result is reported before the worker gives up and lets the lease run out (the trial then trains again, finding its result on disk).</summary>
    private const int CompleteTries = 10;

    private readonly IGrainFactory _grains;
    private readonly ITrialExecutor _executor;
    private readonly TrialWorkerOptions _options;
    private readonly TimeSpan _renewInterval;
    private readonly TimeSpan _leaseTime;
    private readonly string _workerId;
    private readonly ILogger<TrialWorker> _logger;

    /// <summary>Creates the worker.</summary>
    /// <param name="grains">Where the sweeps and the registry are reached.</param>
    /// <param name="executor">What runs the trials.</param>
    /// <param name="options">Slots, poll interval and worker id.</param>
    /// <param name="queueOptions">The lease time, which sets how often leases are renewed.</param>
    /// <param name="silo">The silo the worker runs in, whose address is the default worker id.</param>
    /// <param name="logger">Where to log.</param>
    public TrialWorker(
        IGrainFactory grains,
        ITrialExecutor executor,
        IOptions<TrialWorkerOptions> options,
        IOptions<SweepQueueOptions> queueOptions,
        ILocalSiloDetails silo,
        ILogger<TrialWorker> logger)
    {
        _grains = grains;
        _executor = executor;
        _options = options.Value;
        _logger = logger;
        _leaseTime = queueOptions.Value.LeaseTime;
        _renewInterval = _leaseTime / 4;
        _workerId = _options.WorkerId ?? silo.SiloAddress.ToString();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Slots, 1, nameof(options));
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _options.Slots).Select(slot => Task.Run(() => RunSlotAsync($"{_workerId}/{slot}", stoppingToken), CancellationToken.None)));

    private async Task RunSlotAsync(string worker, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await LeaseAsync(worker) is { } lease)
                {
                    await RunTrialAsync(worker, lease, stoppingToken);
                    continue;
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogLoopFailed(worker, exception);
            }

            try
            {
                await Task.Delay(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<TrialLease?> LeaseAsync(string worker)
    {
        foreach (var sweepId in await _grains.GetGrain<ISweepRegistryGrain>(ISweepRegistryGrain.Key).Active())
        {
            if (await _grains.GetGrain<ISweepGrain>(sweepId).Lease(worker) is { } lease)
            {
                return lease;
            }
        }

        return null;
    }

    private async Task RunTrialAsync(string worker, TrialLease lease, CancellationToken stoppingToken)
    {
        var sweep = _grains.GetGrain<ISweepGrain>(lease.SweepId);
        var progress = new LatestProgress();
        using var trialCancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        LogTrialStarted(worker, lease.SweepId, lease.TrialId, lease.Attempt);
        var run = Task.Run(() => _executor.RunAsync(lease, progress, trialCancellation.Token), CancellationToken.None);

        var lost = false;
        // When the lease was last known to be held: from the start of the call that leased or renewed it.
        var heldSince = Stopwatch.GetTimestamp();
        while (!run.IsCompleted && !stoppingToken.IsCancellationRequested)
        {
            await Task.WhenAny(run, Task.Delay(_renewInterval, stoppingToken));
            if (run.IsCompleted || stoppingToken.IsCancellationRequested)
            {
                break;
            }

            var asked = Stopwatch.GetTimestamp();
            try
            {
                if (!await sweep.Renew(lease.TrialId, lease.Attempt, progress.Latest))
                {
                    lost = true;
                    LogLeaseLost(worker, lease.SweepId, lease.TrialId, lease.Attempt);
                    await trialCancellation.CancelAsync();
                    break;
                }

                heldSince = asked;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRenewFailed(worker, lease.SweepId, lease.TrialId, exception);
                // Cut off from the sweep, the worker cannot know whether it still holds the trial. It stops
                // before the lease can lapse (a renewal's interval early), so that the worker the sweep gives the
                // trial to next never shares the trial's folder with this one.
                if (Stopwatch.GetElapsedTime(heldSince) >= _leaseTime - _renewInterval)
                {
                    lost = true;
                    LogLeaseLapsing(worker, lease.SweepId, lease.TrialId, lease.Attempt);
                    await trialCancellation.CancelAsync();
                    break;
                }
            }
        }

        TrialResult result;
        try
        {
            result = await run;
        }
        catch (OperationCanceledException) when (lost || stoppingToken.IsCancellationRequested)
        {
            if (!lost)
            {
                try
                {
                    await sweep.Release(lease.TrialId, lease.Attempt);
                    LogTrialReleased(worker, lease.SweepId, lease.TrialId, lease.Attempt);
                }
                catch (Exception exception)
                {
                    // The lease runs out on its own; releasing only spares the next worker the wait.
                    LogReleaseFailed(worker, lease.SweepId, lease.TrialId, exception);
                }
            }

            return;
        }
        catch (Exception exception)
        {
            LogTrialFailed(worker, lease.SweepId, lease.TrialId, exception);
            result = TrialResult.Failure(lease.TrialId, exception, worker, lease.Attempt);
        }

        // A result is a result even when the lease was lost meanwhile: the sweep keeps whichever attempt finished first.
        // A result is written to the trial's folder already; the sweep is told, retried over a passing fault (a silo going down with the grain).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var recorded = await sweep.Complete(result with { Worker = worker, Attempt = lease.Attempt });
                LogTrialCompleted(worker, lease.SweepId, lease.TrialId, lease.Attempt, result.Status, recorded);
                return;
            }
            catch (Exception exception) when (attempt < CompleteTries && exception is not OperationCanceledException)
            {
                LogCompleteFailed(worker, lease.SweepId, lease.TrialId, exception);
                await Task.Delay(_options.PollInterval, CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker}: reporting trial {SweepId}/{TrialId} failed; trying again")]
    private partial void LogCompleteFailed(string worker, string sweepId, string trialId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker}: asking for work failed")]
    private partial void LogLoopFailed(string worker, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Worker}: runs trial {SweepId}/{TrialId}, attempt {Attempt}")]
    private partial void LogTrialStarted(string worker, string sweepId, string trialId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker}: lost the lease of trial {SweepId}/{TrialId}, attempt {Attempt}; stopping it")]
    private partial void LogLeaseLost(string worker, string sweepId, string trialId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker}: could not renew the lease of trial {SweepId}/{TrialId}, attempt {Attempt}, for most of the lease time; stopping it before the lease lapses")]
    private partial void LogLeaseLapsing(string worker, string sweepId, string trialId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker}: renewing the lease of trial {SweepId}/{TrialId} failed")]
    private partial void LogRenewFailed(string worker, string sweepId, string trialId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Worker}: released trial {SweepId}/{TrialId}, attempt {Attempt}")]
    private partial void LogTrialReleased(string worker, string sweepId, string trialId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker}: releasing trial {SweepId}/{TrialId} failed; its lease will run out")]
    private partial void LogReleaseFailed(string worker, string sweepId, string trialId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Worker}: trial {SweepId}/{TrialId} failed")]
    private partial void LogTrialFailed(string worker, string sweepId, string trialId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Worker}: trial {SweepId}/{TrialId}, attempt {Attempt}, ended {Status} (recorded: {Recorded})")]
    private partial void LogTrialCompleted(string worker, string sweepId, string trialId, int attempt, string status, bool recorded);
}
